// A therapist turns on two-step sign-in with an authenticator app and signs in
// again with a code (server/auth/totp.ts). The "app" is the same library the
// server checks codes with, reading the key the page shows as text. The e2e
// server runs on the real clock, so codes are made from Date.now().
import { Secret, TOTP } from "otpauth";
import { seedTherapist, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signIn, test } from "./fixtures";

/** What an authenticator app shows for `key`, `steps` × 30 s from now. */
function appCode(key: string, steps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(key.replace(/\s/g, "")), timestamp: Date.now() + steps * 30_000 });
}

test("a therapist turns on two-step sign-in, saves recovery codes, and signs in again with a code", async ({ page }) => {
  const therapist = await seedTherapist(e2eDb(), { name: "Dr. Two Step" });
  await signIn(page, therapist.email, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/caseload$/);

  // The account page links to a page that explains it first, with the switch at its foot.
  await page.goto("/account");
  await page.getByRole("link", { name: "What two-step sign-in is, and what you need" }).click();
  await expect(page).toHaveURL(/\/account\/two-step$/);
  await expect(page.getByRole("heading", { name: "What you need" })).toBeVisible();
  const section = page.locator("#two-step");
  await section.getByRole("button", { name: "Turn on two-step sign-in" }).click();
  // The password first: someone at an unlocked browser can't tie the account to their own phone.
  const password = section.getByLabel("Your password");
  await password.fill("not my password");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("That password isn't right.")).toBeVisible();
  await expect(page.getByRole("img", { name: "QR code to add Alliance to your authenticator app" })).toHaveCount(0);
  await password.fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("img", { name: "QR code to add Alliance to your authenticator app" })).toBeVisible();
  const key = (await page.getByTestId("two-factor-secret").textContent()) ?? "";
  expect(key.replace(/\s/g, "")).toMatch(/^[A-Z2-7]{32}$/);

  // A wrong first code is refused on its field and changes nothing.
  const codeField = page.getByLabel("6-digit code from your authenticator app");
  await codeField.fill(appCode(key, 10));
  await page.getByRole("button", { name: "Turn on", exact: true }).click();
  await expect(page.getByText("That code didn't work.", { exact: false })).toBeVisible();

  await codeField.fill(appCode(key));
  await page.getByRole("button", { name: "Turn on", exact: true }).click();
  const codes = page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem");
  await expect(codes).toHaveCount(10);
  await expect(codes.first()).toHaveText(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
  await page.getByRole("button", { name: "I've saved them" }).click();
  await expect(page.getByText("Two-step sign-in is on. You have 10 recovery codes left.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Your recovery codes" })).toHaveCount(0);

  // Signing in again: the password alone is not enough.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await signIn(page, therapist.email, TEST_PASSWORD);
  const signInCode = page.getByLabel("Code from your authenticator app", { exact: true });
  await expect(signInCode).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);

  // The enrolment code's step is used up: the app's next code (accepted one step early).
  await signInCode.fill(appCode(key, 1));
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole("button", { name: "Sign out", exact: true })).toBeVisible();
});
