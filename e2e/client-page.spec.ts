import { TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { addDays } from "../lib/time/days";
import { localDay } from "../lib/time/zones";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

test("scheduling a session updates the client page's header at once, and a not-found client answers at once", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Iris Lane", client: "Noah Fern" });
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);

  await therapist.goto(`/clients/${engagement.id}`);
  await expect(therapist.getByText("No session scheduled.")).toBeVisible();
  await therapist.getByRole("button", { name: "Schedule a session" }).click();
  await therapist.getByLabel("Date").fill(addDays(localDay(new Date(), "Europe/London"), 3));
  await therapist.getByLabel("Time (your time zone)").fill("14:30");
  await therapist.getByRole("button", { name: "Schedule" }).click();

  // The header above, rendered with the page, follows without a reload.
  await expect(therapist.getByRole("link", { name: /Next session .* 0 new agenda items from your client · open the brief/ })).toBeVisible();
  await expect(therapist.getByText("No session scheduled.")).toHaveCount(0);

  // Not found: answered without a retry on the server.
  const response = await therapist.goto("/clients/00000000-0000-4000-8000-000000000000");
  expect(response?.status()).toBe(404);
});
