// A client deletes their account (issue 12): they read what happens, confirm
// with their password, land on a calm goodbye page signed out, and cannot
// sign in again; their private journal is gone while their therapist's record
// of the work stays, under "Former client".
import { randomUUID } from "node:crypto";
import { seedGoal, TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { e2eDb, expect, signedInPage, signIn, test } from "./fixtures";

test("a client reads what deleting does, deletes with their password, and the therapist keeps the record as 'Former client'", async ({
  browser,
}) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Wren Hale", client: "Juno Park" });
  const goal = await seedGoal(db, engagement, { title: "Walk to work twice a week" });
  const client = await signedInPage(browser, clientUser.email, TEST_PASSWORD);
  const canary = `CANARY-GOODBYE-${randomUUID()}`;

  // A private journal entry, written as the client would.
  await client.goto("/journal");
  await client.getByLabel("Write something").fill(canary);
  await client.getByRole("button", { name: "Save entry" }).click();
  await expect(client.getByText("Saved. Only you can see it.")).toBeVisible();

  // The explanation comes before anything is asked.
  await client.goto("/account");
  const section = client.locator("section").filter({ has: client.getByRole("heading", { name: "Delete your account" }) });
  await expect(section).toContainText("You won't be able to sign in again");
  await expect(section).toContainText("your private journal entries");
  await expect(section).toContainText("Dr. Wren Hale");
  await expect(section).toContainText("Former client");

  // A wrong password is refused on its field, and nothing goes.
  const password = section.getByLabel("Your password", { exact: true });
  await password.fill("not my password at all");
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(section.getByText("That password isn't right. Nothing was deleted.")).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");
  expect(await db.journalEntry.count({ where: { clientId: clientUser.id } })).toBe(1);

  await password.fill(TEST_PASSWORD);
  await section.getByRole("button", { name: "Delete my account" }).click();
  await expect(client).toHaveURL(/\/goodbye$/);
  await expect(client.getByRole("heading", { name: "Your account is deleted" })).toBeVisible();
  expect(await db.journalEntry.count({ where: { clientId: clientUser.id } })).toBe(0);

  // Signed out, for good: the account page sends them to sign in, and signing in fails.
  await client.goto("/account");
  await expect(client).toHaveURL(/\/sign-in/);
  await signIn(client, clientUser.email, TEST_PASSWORD);
  await expect(client.getByRole("alert").filter({ hasText: "don't match" })).toBeVisible();
  await expect(client).toHaveURL(/\/sign-in/);

  // The therapist's record stays, read-only, under "Former client".
  const therapist = await signedInPage(browser, therapistUser.email, TEST_PASSWORD);
  await therapist.goto("/caseload");
  const ended = therapist.getByRole("list", { name: "Ended" });
  await expect(ended).toContainText("Former client");
  await expect(therapist.locator("body")).not.toContainText("Juno Park");
  await therapist.goto(`/clients/${engagement.id}`);
  await expect(therapist.getByRole("heading", { level: 1 })).toHaveText("Former client");
  await therapist.getByRole("link", { name: /^Goals/ }).click();
  await expect(therapist.getByText("Walk to work twice a week").first()).toBeVisible();
  expect(await db.goal.count({ where: { id: goal.id } })).toBe(1);
});
