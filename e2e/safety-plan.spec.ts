// The safety plan (issue 26): the client writes it on a phone and later opens
// it with one tap from their home; with the network cut after the page loaded
// it still reads, scrolls and prints; a PHQ-9 item-9 answer links to it next
// to the crisis resources; the therapist, on a desktop, sees who changed what.
import type { Page } from "@playwright/test";
import { TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { INSTRUMENTS } from "../lib/measures/instruments";
import { e2eDb, expect, signedInOn, test } from "./fixtures";

function answerIn(page: Page, index: number, answer: string) {
  const start = INSTRUMENTS.phq9.items[index]!.split(" ").slice(0, 4).join(" ");
  return page.getByRole("group", { name: new RegExp(`^${index + 1}\\. ${start}`) }).getByRole("radio", { name: answer, exact: true });
}

test("a client writes a safety plan on a phone, opens it in one tap, reads it offline and from item 9; the therapist sees the history", { tag: "@desktop-only" }, async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Hana Pike", client: "Ollie Marsh" });
  await db.measureAssignment.create({ data: { engagementId: engagement.id, kind: "phq9", schedule: "once", assignedById: therapistUser.id } });

  // On a phone: "My safety plan" is in the navigation; the first time it is empty and says plainly who watches it.
  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);
  await client.goto("/between-sessions");
  await client.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My safety plan" }).click();
  await expect(client.getByRole("heading", { name: "My safety plan", level: 1 })).toBeVisible();
  await expect(client.getByRole("note")).toHaveText(/Alliance isn't watched in real time\. If you're in danger now, call/);

  await client.getByRole("button", { name: "Write my plan" }).click();
  const form = client.getByRole("form", { name: "Change the safety plan" });
  await form.getByLabel("Signs a crisis may be coming").fill("Not sleeping\nCancelling plans with friends");
  await form.getByLabel("Things I can do on my own to take my mind off it").fill("Walk to the river");
  await form.getByLabel("People I can ask for help: name 1").fill("My sister Jo");
  await form.getByLabel("People I can ask for help: number 1").fill("call her");
  await form.getByRole("button", { name: "Save the plan" }).click();
  // A number that isn't one is answered beside its section, and nothing is saved.
  await expect(form.getByText("Write a number with digits only, like 07700 900123.")).toBeVisible();
  await form.getByLabel("People I can ask for help: number 1").fill("07700 900123");
  await form.getByLabel("What matters to me and keeps me going").fill("My cat, Miso");
  await form.getByRole("button", { name: "Save the plan" }).click();
  await expect(form).toHaveCount(0);
  const plan = client.getByRole("list", { name: "Safety plan" });
  await expect(plan).toContainText("Cancelling plans with friends");
  await expect(plan.getByRole("link", { name: "07700 900123" })).toHaveAttribute("href", "tel:07700900123");
  await expect(client.getByText(/Last changed by Ollie Marsh/)).toBeVisible();

  // Later, from home: one tap.
  await client.goto("/between-sessions");
  await client.getByRole("link", { name: "My safety plan" }).click();
  await expect(client).toHaveURL(new RegExp(`/engagements/${engagement.id}/safety-plan$`));
  await expect(plan).toContainText("My cat, Miso");

  // The network goes: the open plan still reads, scrolls and prints.
  await client.context().setOffline(true);
  await plan.getByText("My cat, Miso").scrollIntoViewIfNeeded();
  await expect(plan.getByText("My cat, Miso")).toBeInViewport();
  await expect(plan.getByRole("link", { name: "07700 900123" })).toBeVisible();
  await client.emulateMedia({ media: "print" });
  await expect(plan).toContainText("Walk to the river");
  await expect(client.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(client.getByRole("button", { name: "Change my plan" })).toBeHidden();
  // Printed, it is one page (A4).
  const printed = (await client.pdf({ format: "A4" })).toString("latin1");
  expect(printed.match(/\/Type\s*\/Page\b/g)).toHaveLength(1);
  await client.emulateMedia({ media: "screen" });
  await client.context().setOffline(false);

  // Item 9 above "Not at all": the crisis resources, and the plan right beside them.
  await client.goto("/between-sessions");
  await client.getByRole("link", { name: "Start the PHQ-9" }).click();
  await answerIn(client, 8, "Several days").check();
  const safety = client.getByTestId("safety-message");
  await expect(safety).toBeVisible();
  await safety.getByRole("link", { name: "Open my safety plan" }).click();
  await expect(client.getByRole("heading", { name: "My safety plan", level: 1 })).toBeVisible();

  // The therapist, on a desktop: from the client page to the plan; adds a number; the history says who and what.
  const therapist = await signedInOn(browser, "Desktop Chrome", therapistUser.email, TEST_PASSWORD);
  await therapist.goto(`/clients/${engagement.id}`);
  await therapist.getByRole("link", { name: /^Safety plan/ }).click();
  await expect(therapist.getByRole("heading", { name: "Ollie Marsh's safety plan", level: 1 })).toBeVisible();
  await therapist.getByRole("button", { name: "Change the plan" }).click();
  const therapistForm = therapist.getByRole("form", { name: "Change the safety plan" });
  await therapistForm.getByLabel("Professionals and services I can call: name 1").fill("Dr. Hana Pike (weekdays)");
  await therapistForm.getByLabel("Professionals and services I can call: number 1").fill("020 7946 0000");
  await therapistForm.getByRole("button", { name: "Save the plan" }).click();
  await expect(therapistForm).toHaveCount(0);
  const history = therapist.getByRole("region", { name: /Changes/ });
  await expect(history.getByRole("listitem").first()).toContainText("Version 2: Dr. Hana Pike");
  await expect(history.getByRole("listitem").first()).toContainText("Dr. Hana Pike (weekdays), 020 7946 0000");
  await expect(history).toContainText("Version 1: Ollie Marsh");
  await expect(history).toContainText("Cancelling plans with friends");

  // The client is told in the app, without the plan's words.
  const notice = await db.notification.findFirstOrThrow({ where: { userId: clientUser.id, kind: "safety_plan_updated_by_therapist" }, select: { title: true } });
  expect(notice.title).toBe("Dr. Hana Pike changed your safety plan");
});
