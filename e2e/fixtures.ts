import { readdir, readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";
import { test as base, devices, expect, type Browser, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../server/auth/demo-accounts";
import { createDb, type TDb } from "../server/db/client";
import { setEnvForChildren } from "../server/env";
import { E2E_DATABASE_URL_FILE, E2E_DATA_KEY_FILE, E2E_OUTBOX_DIR } from "../scripts/lib/e2e-paths";

export const demoTherapist = DEMO_ACCOUNTS.find((account) => account.role === "therapist")!;
export const demoClient = DEMO_ACCOUNTS.find((account) => account.role === "client")!;

export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

type TFixtures = { signInAs: (account: { email: string }, password?: string) => Promise<void> };

export const test = base.extend<TFixtures>({
  signInAs: async ({ page }, use) => {
    await use(async (account, password = DEMO_PASSWORD) => {
      await signIn(page, account.email, password);
      await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    });
  },
});

export { expect };

export function uniqueEmail(label: string): string {
  return `${label}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.alliance.test`;
}

/**
 * The e2e server's database, for seeding what the UI cannot make (e.g. an
 * expired link). With the server's data key, so the factories seal free text
 * as the app does and the app can open it.
 */
let database: TDb | undefined;
export function e2eDb(): TDb {
  if (!database) {
    setEnvForChildren({ DATA_ENCRYPTION_KEY: readFileSync(E2E_DATA_KEY_FILE, "utf8").trim(), DATA_ENCRYPTION_OLD_KEYS: "" });
    database = createDb(readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim());
  }
  return database;
}

/**
 * The newest e-mail captured for `email` whose text matches `matching` (by
 * default, any), as raw text with quoted-printable line breaks joined. Waits
 * for it: the server may still be writing it, and other e-mails (reminders,
 * the digest) may reach the same address meanwhile.
 */
export async function latestMailTo(email: string, matching: RegExp = /Subject:/): Promise<string> {
  const newestMatching = async (): Promise<string | null> => {
    const files = (await readdir(E2E_OUTBOX_DIR)).filter((file) => file.includes(email)).sort().reverse();
    for (const file of files) {
      const text = (await readFile(path.join(E2E_OUTBOX_DIR, file), "utf8")).replace(/=\r?\n/g, "");
      if (matching.test(text)) return text;
    }
    return null;
  };
  await expect.poll(newestMatching, { message: `an e-mail to ${email} matching ${matching}` }).not.toBeNull();
  return (await newestMatching())!;
}

/** The invitation link from the newest e-mail captured for `email`, with the proof in its fragment. */
export async function inviteLinkFromOutbox(email: string): Promise<string> {
  const pattern = /https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}#[A-Za-z0-9_-]{43}/;
  const link = (await latestMailTo(email, pattern)).match(pattern)?.[0];
  expect(link, "an invitation link in the e-mail").toBeTruthy();
  return link!;
}

/** The link that finishes a sign-up, from the newest e-mail to `email`. */
export async function signUpLinkFromOutbox(email: string): Promise<string> {
  const pattern = /https?:\/\/\S+\/sign-up\/finish#[A-Za-z0-9_-]{43}/;
  const link = (await latestMailTo(email, pattern)).match(pattern)?.[0];
  expect(link, "a sign-up link in the e-mail").toBeTruthy();
  return link!;
}

/** A therapist signs up as a person would: the address, the link from the e-mail, then name and password. */
export async function signUpTherapist(page: Page, name: string, timeZone?: string): Promise<{ email: string; password: string }> {
  const email = uniqueEmail("therapist");
  const password = "a calm and long password";
  await page.goto("/sign-up");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Create therapist account" }).click();
  await expect(page.getByText(/We've sent a link to that address/)).toBeVisible();
  await page.goto(await signUpLinkFromOutbox(email));
  await expect(page.getByText(`You'll sign in with ${email}.`)).toBeVisible();
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password").fill(password);
  if (timeZone) await page.getByLabel("Time zone").selectOption(timeZone);
  await page.getByRole("button", { name: "Create my account" }).click();
  // Creating the account, signing in and the first caseload render, on a busy machine.
  await expect(page).toHaveURL(/\/caseload$/, { timeout: 20_000 });
  return { email, password };
}

/**
 * A fresh context on a given device, signed in: for a spec where each person
 * uses their own (the client on a phone, the therapist at a desk), whatever
 * the project's device.
 */
export async function signedInOn(browser: Browser, device: "Pixel 7" | "iPhone 13" | "Desktop Chrome", email: string, password: string): Promise<Page> {
  const { defaultBrowserType: _, ...options } = devices[device];
  const page = await (await browser.newContext(options)).newPage();
  await signIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

/** A fresh browser context signed in as `email` (factory users share TEST_PASSWORD). */
export async function signedInPage(browser: Browser, email: string, password: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, password);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}
