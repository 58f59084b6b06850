// Forgotten password (issue 12): "Forgot your password?" on sign-in, the link
// read from the e2e server's outbox with mailparser, a new password chosen on
// the page the link opens, signed straight in; the old password then fails,
// and the used link calmly says it doesn't work any more.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { simpleParser } from "mailparser";
import { seedClient, TEST_PASSWORD } from "../tests/factories";
import { E2E_OUTBOX_DIR } from "../scripts/lib/e2e-paths";
import { e2eDb, expect, signIn, test } from "./fixtures";

const ASKED = "If there's an account for that address, we've sent a link. It works for an hour.";

async function resetLinksFor(email: string): Promise<string[]> {
  const files = (await readdir(E2E_OUTBOX_DIR)).filter((file) => file.includes(email)).sort();
  const mails = await Promise.all(files.map(async (file) => simpleParser(await readFile(path.join(E2E_OUTBOX_DIR, file)))));
  return mails.flatMap((mail) => mail.text?.match(/https?:\/\/\S+\/reset-password#[A-Za-z0-9_-]{43}/)?.[0] ?? []);
}

test("a client who forgot their password resets it from the e-mailed link and is signed in", async ({ page }) => {
  const client = await seedClient(e2eDb(), { name: "Noor Haddad" });
  const newPassword = "a quiet morning by the sea";

  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await page.getByLabel("Email").fill("not an address");
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await page.getByLabel("Email").fill(client.email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText(ASKED)).toBeVisible();

  // The e-mail goes out just after the answer: wait for it in the outbox.
  await expect.poll(async () => (await resetLinksFor(client.email)).length).toBe(1);
  const [link] = await resetLinksFor(client.email);
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();

  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("New password, again").fill("something different");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByText("The two passwords don't match.")).toBeVisible();

  await page.getByLabel("New password, again").fill(newPassword);
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page).toHaveURL(/\/between-sessions$/);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  // The link worked once.
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link doesn't work any more" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Send me a new link" })).toBeVisible();

  // The old password is refused; the new one signs in.
  await page.goto("/account");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, client.email, TEST_PASSWORD);
  await expect(page.getByText("That email and password don't match. Check them and try again.")).toBeVisible();
  await signIn(page, client.email, newPassword);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
});

test("the page says the same for an address with no account, and sends nothing", async ({ page }) => {
  const email = `nobody-${Date.now().toString(36)}@e2e.alliance.test`;
  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a link" }).click();
  await expect(page.getByText(ASKED)).toBeVisible();
  expect(await resetLinksFor(email)).toEqual([]);
});
