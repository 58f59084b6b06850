import { TEST_PASSWORD, seedConversation, seedMessage, seedWorkingPair } from "../tests/factories";
import { addDays } from "../lib/time/days";
import { localDay } from "../lib/time/zones";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

test("the client page says what needs the therapist first, every part one tap away (keyboard, phone), and old anchors still land", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Iris Lane", client: "Noah Fern" });
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);

  await therapist.goto(`/clients/${engagement.id}`);
  const attention = therapist.getByRole("region", { name: "Needs your attention" });
  await expect(attention).toContainText("Nothing needs you right now.");
  await expect(therapist.getByText("No session scheduled.")).toBeVisible();

  // Sessions, by keyboard: the part's own page.
  await therapist.getByRole("link", { name: /^Sessions/ }).focus();
  await therapist.keyboard.press("Enter");
  await expect(therapist).toHaveURL(new RegExp(`/clients/${engagement.id}/sessions$`));
  await therapist.getByRole("button", { name: "Schedule a session" }).click();
  await therapist.getByLabel("Date").fill(addDays(localDay(new Date(), "Europe/London"), 3));
  await therapist.getByLabel("Time (your time zone)").fill("14:30");
  await therapist.getByRole("button", { name: "Schedule" }).click();
  await expect(therapist.getByRole("list", { name: "Upcoming sessions" }).getByRole("listitem")).toHaveCount(1);

  // Back on the client page, the header knows.
  await therapist.getByRole("link", { name: "← Noah Fern" }).click();
  await expect(therapist.getByRole("link", { name: /Next session .* 0 new agenda items from your client · open the brief/ })).toBeVisible();
  await expect(therapist.getByText("No session scheduled.")).toHaveCount(0);

  // A message from the client: it needs the therapist now, and the line leads to the conversation.
  await seedConversation(db, engagement.id, "open");
  await seedMessage(db, engagement.id, clientUser.id, "Can we talk about Tuesday?");
  await therapist.reload();
  await expect(attention.getByRole("link", { name: /1 new message from Noah/ })).toHaveAttribute("href", `/messages/${engagement.id}`);
  await expect(attention).not.toContainText("Nothing needs you right now.");

  // An anchor from before the parts had their own pages.
  await therapist.goto("/caseload");
  await therapist.goto(`/clients/${engagement.id}#messages`);
  await expect(therapist).toHaveURL(new RegExp(`/clients/${engagement.id}/messages#messages$`));
  await expect(therapist.locator("#messages")).toBeVisible();

  // On a phone, every part is there to tap.
  await therapist.setViewportSize({ width: 390, height: 844 });
  await therapist.goto(`/clients/${engagement.id}`);
  const parts = therapist.getByRole("navigation", { name: "More about Noah Fern" });
  for (const name of ["Goals", "Homework", "Sessions", "Feedback and questionnaires", "Messages", "Shared journal", "Safety plan", "Ladder"]) {
    await expect(parts.getByRole("link", { name: new RegExp(`^${name}`) })).toBeVisible();
  }
  await parts.getByRole("link", { name: /^Goals/ }).click();
  await expect(therapist.getByRole("heading", { level: 1 })).toContainText("Goals");

  // Not found: answered without a retry on the server.
  const response = await therapist.goto("/clients/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
  expect((await therapist.goto("/clients/00000000-0000-4000-8000-000000000000/goals"))?.status()).toBe(404);
});
