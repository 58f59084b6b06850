import type { Page } from "@playwright/test";
import { TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

async function rate(page: Page, value: number) {
  const option = page.getByRole("radio", { name: String(value), exact: true });
  await page.locator("label").filter({ has: option }).click();
  await expect(option).toBeChecked();
  await page.getByRole("button", { name: "Save rating" }).click();
  await expect(page.getByText("Thank you. Your rating is saved.")).toBeVisible();
}

async function ratingRows(page: Page) {
  await page.getByText("Show ratings as a table").click();
  return page.getByRole("table").getByRole("row");
}

test("therapist and client set a goal, rate it, review it together, and a stale edit is caught", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Mira Stone", client: "Leo Park" });
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);

  // The therapist writes a goal with two steps.
  await therapist.goto(`/clients/${engagement.id}/goals`);
  await therapist.getByRole("button", { name: "Add a goal" }).click();
  await therapist.getByLabel("Goal", { exact: true }).fill("Walk outside three times a week");
  await therapist.getByLabel("Why this matters").fill("Moving helps my mood.");
  await therapist.getByLabel("First steps (optional)").fill("Put shoes by the door\nWalk around the block");
  await therapist.getByRole("button", { name: "Save goal" }).click();
  await therapist.getByRole("link", { name: /Walk outside three times a week/ }).click();
  await expect(therapist.getByRole("heading", { name: "Walk outside three times a week" })).toBeVisible();

  // The client finds it among their goals, rates it and ticks a step.
  await client.goto("/goals");
  await client.getByRole("link", { name: /Walk outside three times a week/ }).click();
  await rate(client, 4);
  const step = client.getByRole("checkbox", { name: /Put shoes by the door/ });
  await step.click();
  await expect(step).toBeChecked();
  await expect(client.getByText("done by Leo Park")).toBeVisible();

  // The therapist rates too; both see both series.
  await therapist.reload();
  await expect(therapist.getByRole("checkbox", { name: /Put shoes by the door/ })).toBeChecked();
  await rate(therapist, 5);
  const therapistRows = await ratingRows(therapist);
  await expect(therapistRows.filter({ hasText: "Leo Park" })).toContainText("4");
  await expect(therapistRows.filter({ hasText: "You" })).toContainText("5");
  await client.reload();
  const clientRows = await ratingRows(client);
  await expect(clientRows.filter({ hasText: "Dr. Mira Stone" })).toContainText("5");
  await expect(clientRows.filter({ hasText: "You" })).toContainText("4");
  await expect(client.getByRole("img", { name: /Ratings for Walk outside/ })).toBeVisible();

  // Review mode: a new rating and a status change in a few taps.
  await therapist.goto(`/engagements/${engagement.id}/review`);
  await expect(therapist.getByText("Goal 1 of 1")).toBeVisible();
  await rate(therapist, 7);
  await therapist.getByRole("radio", { name: "Reached" }).check();
  await therapist.getByLabel("What changed? (optional)").fill("Three walks every week this month.");
  await therapist.getByRole("button", { name: "Update status" }).click();
  await expect(therapist.getByText("Saved: “Reached”.")).toBeVisible();
  await therapist.goto(`/clients/${engagement.id}/goals`);
  await expect(therapist.getByRole("list", { name: "Goals" })).toContainText("Reached");

  // Both open the wording editor from the same version; the second save is a conflict.
  await client.reload();
  await therapist.getByRole("link", { name: /Walk outside three times a week/ }).click();
  await client.getByRole("button", { name: "Edit wording" }).click();
  await therapist.getByRole("button", { name: "Edit wording" }).click();
  await therapist.getByLabel("Goal", { exact: true }).fill("Walk outside most days");
  await therapist.getByRole("button", { name: "Save changes" }).click();
  await expect(therapist.getByRole("heading", { name: "Walk outside most days" })).toBeVisible();

  await client.getByLabel("Goal", { exact: true }).fill("Walk with a friend twice a week");
  await client.getByRole("button", { name: "Save changes" }).click();
  await expect(client.getByRole("alert").filter({ hasText: "changed this goal while you were editing" })).toBeVisible();
  await expect(client.getByText("The latest saved version:")).toBeVisible();
  await expect(client.getByText("Walk outside most days", { exact: true })).toBeVisible();
  await expect(client.getByLabel("Goal", { exact: true })).toHaveValue("Walk with a friend twice a week");

  await therapist.context().close();
  await client.context().close();
});
