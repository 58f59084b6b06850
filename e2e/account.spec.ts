import { expect, signIn, signUpTherapist, test } from "./fixtures";

test("changing the password signs out other browsers but keeps this one signed in", async ({ page, browser }) => {
  const { email, password: oldPassword } = await signUpTherapist(page, "Riley Change");
  const newPassword = "the second long password";

  const otherContext = await browser.newContext();
  const otherPage = await otherContext.newPage();
  await signIn(otherPage, email, oldPassword);
  await expect(otherPage).toHaveURL(/\/caseload$/);

  await page.goto("/account");
  const passwordForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Change password" }) });
  await passwordForm.getByLabel("Current password").fill(oldPassword);
  await passwordForm.getByLabel("New password").fill(newPassword);
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is changed");

  await page.goto("/caseload");
  await expect(page.getByRole("heading", { name: "Your caseload" })).toBeVisible();

  await otherPage.goto("/caseload");
  await expect(otherPage).toHaveURL(/\/sign-in/);
  await otherContext.close();
});

test("a wrong current password is shown on that field", async ({ page }) => {
  await signUpTherapist(page, "Sky Wrong");

  await page.goto("/account");
  const passwordForm = page.locator("form").filter({ has: page.getByRole("button", { name: "Change password" }) });
  await passwordForm.getByLabel("Current password").fill("not my password");
  await passwordForm.getByLabel("New password").fill("another long password");
  await passwordForm.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your current password isn't right.")).toBeVisible();
});
