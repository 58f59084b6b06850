// The client's home, "Today", on a 390 × 844 phone (issue 27): the first
// screen holds the next session, what is due today and the quick entry,
// without scrolling; goals, journal, progress, messages and the safety plan
// are each one tap away in the tab bar and work as before.
import type { Locator, Page } from "@playwright/test";
import { seedAssignment, seedGoal, seedSession, seedWorkingPair, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signedInOn, test } from "./fixtures";

/** Wholly on the first screen: below the header's top, above the tab bar, and the page not scrolled. */
async function expectOnFirstScreen(page: Page, locator: Locator) {
  await expect(locator).toBeVisible();
  const box = (await locator.boundingBox())!;
  const tabBar = (await page.getByRole("navigation", { name: "Main" }).boundingBox())!;
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(tabBar.y);
}

test("Today on a phone: the next session, what's due and the quick entry on the first screen; the rest a tap away @phone-only", async ({ browser }) => {
  const db = e2eDb();
  const { therapist, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Noor Haddad", client: "Elif Kaya" });
  await seedSession(db, engagement, { hoursFromNow: -26, status: "completed" });
  const next = await seedSession(db, engagement, { hoursFromNow: 30 });
  await db.measureAssignment.create({ data: { engagementId: engagement.id, kind: "phq9", schedule: "once", assignedById: therapist.id } });
  await seedAssignment(db, engagement, { title: "Three slow breaths before lunch", days: 3, startOffset: -1 });
  await seedGoal(db, engagement, { title: "Sleep before midnight on weeknights" });

  // A 390 × 844 phone: the iPhone 13's screen (its descriptor's 664 px is the height left under Safari's bars).
  const client = await signedInOn(browser, "iPhone 13", clientUser.email, TEST_PASSWORD);
  await client.setViewportSize({ width: 390, height: 844 });
  await client.goto("/between-sessions");
  await expect(client.getByRole("heading", { name: "Hello, Elif", level: 1 })).toBeVisible();

  // The first screen: the next session with "prepare" (it is near), the first things due, and the quick entry.
  const nextSession = client.getByRole("region", { name: "Your next session" });
  await expectOnFirstScreen(client, nextSession);
  await expect(nextSession).toContainText("with Dr. Noor Haddad");
  await expectOnFirstScreen(client, nextSession.getByRole("link", { name: "Prepare for your next session" }));
  const forToday = client.getByRole("list", { name: "For today" });
  await expectOnFirstScreen(client, forToday);
  await expect(forToday.getByRole("link")).toHaveText([/^Give feedback on your last session/, /^Start the PHQ-9/]);
  await expectOnFirstScreen(client, client.getByText("2 more for today"));
  await expectOnFirstScreen(client, client.getByRole("heading", { name: "How are things?" }));
  await expectOnFirstScreen(client, client.getByLabel("A few words, or record instead"));

  // The rest of today is one tap away, and opens where it is done.
  await client.getByText("2 more for today").click();
  const more = client.getByRole("list", { name: "More for today" });
  await expect(more.getByRole("link")).toHaveCount(2);
  await expect(more).toContainText("Three slow breaths before lunch");
  await more.getByRole("link").first().click();
  await expect(client.getByRole("heading", { name: "Three slow breaths before lunch", level: 1 })).toBeVisible();

  // The quick entry files a thought for the next session in one tap.
  const tabs = client.getByRole("navigation", { name: "Main" });
  await tabs.getByRole("link", { name: "Today" }).click();
  await client.getByLabel("A few words, or record instead").fill("The mornings are easier since the walk.");
  await client.getByRole("button", { name: "Add to next session" }).click();
  await expect(client.getByText("Added to your next session's agenda.")).toBeVisible();
  await client.getByRole("link", { name: "Prepare for your next session" }).click();
  await expect(client).toHaveURL(new RegExp(`/sessions/${next.id}$`));
  await expect(client.getByRole("list", { name: "Agenda" })).toContainText("The mornings are easier since the walk.");

  // Goals: one tap, and a goal opens to be rated as before.
  await tabs.getByRole("link", { name: "Goals" }).click();
  await expect(client.getByRole("heading", { name: "Your goals", level: 1 })).toBeVisible();
  await client.getByRole("link", { name: /Sleep before midnight on weeknights/ }).click();
  await expect(client.getByRole("heading", { name: "Sleep before midnight on weeknights" })).toBeVisible();

  // Progress: one tap; a check-in is saved and joins the chart's table.
  await tabs.getByRole("link", { name: "Progress" }).click();
  await expect(client.getByRole("heading", { name: "Progress", level: 1 })).toBeVisible();
  for (const question of ["You, personally", "Your close relationships", "Work, school or social life", "Overall"]) {
    const option = client.getByRole("radio", { name: `${question} 6 of 10` });
    await client.locator("label").filter({ has: option }).click();
  }
  await client.getByRole("button", { name: "Save check-in" }).click();
  await expect(client.getByText("Thank you. Your therapist will see how things have been.")).toBeVisible();

  // Journal: one tap; an entry is saved, private by default.
  await tabs.getByRole("link", { name: "Journal" }).click();
  await client.getByLabel("Write something").fill("A quiet evening, and that was fine.");
  await client.getByRole("button", { name: "Save entry" }).click();
  await expect(client.getByText("Saved. Only you can see it.")).toBeVisible();

  // Messages and the safety plan: one tap each.
  await tabs.getByRole("link", { name: "Messages" }).click();
  await expect(client.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(tabs.getByRole("link", { name: "Messages" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "My safety plan" }).click();
  await expect(client.getByRole("heading", { name: "My safety plan", level: 1 })).toBeVisible();
  await client.context().close();
});
