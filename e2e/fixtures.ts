import { test as base, expect, type Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo";

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
