// Changing one's sign-in e-mail (issue 12): asked on the account page with
// the current password, confirmed from the link e-mailed to the new address
// (read from the e2e server's outbox with mailparser), then used to sign in.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { seedClient, TEST_PASSWORD } from "../tests/factories";
import { E2E_OUTBOX_DIR } from "../scripts/lib/e2e-paths";
import { e2eDb, expect, signedInPage, signIn, test, uniqueEmail } from "./fixtures";

async function mailsTo(email: string) {
  const files = (await readdir(E2E_OUTBOX_DIR)).filter((file) => file.includes(email)).sort();
  return Promise.all(files.map(async (file) => simpleParser(await readFile(path.join(E2E_OUTBOX_DIR, file)))));
}

test("a client changes their e-mail: the old address is told, the link confirms, and the new address signs in", async ({
  browser,
}) => {
  const client = await seedClient(e2eDb(), { name: "Ines Vale" });
  const newEmail = uniqueEmail("ines-new");
  const page = await signedInPage(browser, client.email, TEST_PASSWORD);

  await page.goto("/account");
  const section = page.locator("section").filter({ has: page.getByRole("heading", { name: "Sign-in e-mail" }) });
  await section.getByLabel("New e-mail address").fill(newEmail);
  await section.getByLabel("Current password").fill("not the password");
  await section.getByRole("button", { name: "Send the link" }).click();
  await expect(section.getByText("Your current password isn't right.")).toBeVisible();

  await section.getByLabel("Current password").fill(TEST_PASSWORD);
  await section.getByRole("button", { name: "Send the link" }).click();
  await expect(section.getByText(`Check ${newEmail} for a link`)).toBeVisible();

  const [toOld] = await mailsTo(client.email);
  expect(toOld.text).toContain(newEmail);
  expect(toOld.text).not.toContain("/confirm-email");
  await expect.poll(async () => (await mailsTo(newEmail)).length).toBe(1);
  const [toNew] = await mailsTo(newEmail);
  const link = toNew.text?.match(/https?:\/\/\S+\/confirm-email#[A-Za-z0-9_-]{43}\.[0-9]+/)?.[0];
  expect(link, "a confirmation link in the e-mail").toBeTruthy();

  // Opened in another browser, signed out, as from a phone's mail app.
  const phone = await (await browser.newContext()).newPage();
  await phone.goto(new URL(link!).pathname + new URL(link!).hash);
  await expect(phone).toHaveURL(/\/confirm-email$/);
  await phone.getByRole("button", { name: "Confirm my new address" }).click();
  await expect(phone.getByText(`You now sign in with ${newEmail}.`)).toBeVisible();

  // The same link a second time (a fresh tab: a hash change alone would not reload the page) is refused calmly.
  const again = await phone.context().newPage();
  await again.goto(new URL(link!).pathname + new URL(link!).hash);
  await again.getByRole("button", { name: "Confirm my new address" }).click();
  await expect(again.getByRole("alert").filter({ hasText: "This link doesn't work any more." })).toBeVisible();

  await signIn(phone, newEmail, TEST_PASSWORD);
  await expect(phone.getByRole("button", { name: "Sign out" })).toBeVisible();
});
