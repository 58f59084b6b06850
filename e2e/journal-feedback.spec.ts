import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { seedSession, TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

async function score(page: Page, question: string, value: number) {
  const option = page.getByRole("radio", { name: `${question} ${value} of 10` });
  await page.locator("label").filter({ has: option }).click();
}

test("private journal stays private; low feedback flags the caseload and offers an agenda item", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Iris Bell", client: "Tomas Ek" });
  const past = await seedSession(db, engagement, { hoursFromNow: -20, status: "completed" });
  const next = await seedSession(db, engagement, { hoursFromNow: 72 });
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  const canary = `CANARY-JOURNAL-${randomUUID()}`;

  // A private entry and a shared one.
  await client.goto("/journal");
  await client.getByLabel("Write something").fill(canary);
  await client.getByRole("button", { name: "Save entry" }).click();
  await expect(client.getByText("Saved. Only you can see it.")).toBeVisible();
  await client.getByLabel("Write something").fill("The walk on Sunday helped more than I expected.");
  await client.getByLabel("Who can read it").selectOption({ label: "Share with Dr. Iris Bell" });
  await client.getByRole("button", { name: "Save entry" }).click();
  await expect(client.getByText("Saved and shared.")).toBeVisible();
  const entries = client.getByRole("list", { name: "Journal entries" });
  await expect(entries.getByRole("listitem").filter({ hasText: canary })).toContainText("Private: only you");
  await expect(entries.getByRole("listitem").filter({ hasText: "The walk on Sunday" })).toContainText("Shared with Dr. Iris Bell");

  await therapist.goto(`/clients/${engagement.id}/journal`);
  const shared = therapist.getByRole("list", { name: "Shared journal entries" });
  await expect(shared).toContainText("The walk on Sunday helped more than I expected.");
  expect(await therapist.content()).not.toContain(canary);

  // The home invites feedback on the past session; the score is low.
  await client.goto("/between-sessions");
  await client.getByRole("link", { name: "Give feedback" }).click();
  await expect(client).toHaveURL(new RegExp(`/sessions/${past.id}$`));
  await score(client, "Did you feel heard and respected?", 6);
  await score(client, "Did we work on what you wanted to work on?", 4);
  await score(client, "Did the way we worked suit you?", 4);
  await score(client, "Overall, how was this session for you?", 3);
  await client.getByRole("button", { name: "Send feedback" }).click();
  await expect(client.getByText("Thank you for your feedback.")).toBeVisible();
  await client.goto("/progress");
  await client.getByText("Show as a table").first().click();
  const feedbackTable = client.getByRole("table", { name: /Session feedback/ });
  await expect(feedbackTable.getByRole("cell", { name: "3", exact: true })).toBeVisible();
  await expect(feedbackTable.getByRole("cell", { name: "6", exact: true })).toBeVisible();

  // The caseload flags it, in words.
  await therapist.goto("/caseload");
  await expect(therapist.getByRole("list", { name: "Clients" })).toContainText("Needs attention: Last session rated 3/10 overall");

  // The client is offered a one-tap item for the next session.
  await client.goto("/between-sessions");
  await client.getByRole("button", { name: /Add “I'd like to talk about how our sessions are going for me.” to the next agenda/ }).click();
  await expect(client.getByText("Added to your next session's agenda.")).toBeVisible();
  await client.goto(`/sessions/${next.id}`);
  await expect(client.getByRole("list", { name: "Agenda" })).toContainText("I'd like to talk about how our sessions are going for me.");
  await expect(client.getByRole("list", { name: "Agenda" })).toContainText("About our work together");

  await therapist.context().close();
  await client.context().close();
});
