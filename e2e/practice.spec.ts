// A practice (issue 29): the owner names it, invites a clinician by e-mail;
// the clinician opens the e-mailed link, sets up their account, lands signed
// in on the practice with both names; the owner sees their new colleague.
import { expect, latestMailTo, signUpTherapist, test, uniqueEmail } from "./fixtures";

test("the owner invites a clinician who signs up", async ({ page, browser }) => {
  await signUpTherapist(page, "Dr. Nadia Osei");
  await page.getByRole("link", { name: "Practice", exact: true }).first().click();
  await expect(page).toHaveURL(/\/practice$/);
  await expect(page.getByRole("heading", { name: "Dr. Nadia Osei's practice" })).toBeVisible();

  // The settings: a name, and a field error that saves nothing.
  const settings = page.getByRole("form", { name: "Practice settings" });
  await settings.getByLabel("Practice name").fill("");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Give the practice a name.")).toBeVisible();
  await settings.getByLabel("Practice name").fill("Osei Therapy");
  await settings.getByLabel("Where to find help in a crisis").fill("Osei crisis line: 0800 555 0100, any hour.");
  await settings.getByRole("button", { name: "Save settings" }).click();
  await expect(settings.getByText("Saved. Everyone in the practice has the new settings now.")).toBeVisible();

  const colleagueEmail = uniqueEmail("kofi");
  const invite = page.getByRole("form", { name: "Invite a colleague" });
  await invite.getByLabel("Their name").fill("Kofi Mensah");
  await invite.getByLabel("Their e-mail").fill(colleagueEmail);
  await invite.getByLabel("Role").selectOption("clinician");
  await invite.getByRole("button", { name: "Send the invitation" }).click();
  await expect(page.getByText(/Kofi Mensah's invitation|We're e-mailing Kofi Mensah a link/)).toBeVisible();
  await expect(page.getByRole("list", { name: "Invitations waiting" })).toContainText("Kofi Mensah");

  const pattern = /https?:\/\/\S+\/join#[A-Za-z0-9_-]{43}/;
  const link = (await latestMailTo(colleagueEmail, pattern)).match(pattern)![0];

  const colleagueContext = await browser.newContext();
  const colleague = await colleagueContext.newPage();
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: "Join Osei Therapy" })).toBeVisible();
  await expect(colleague.getByText("Dr. Nadia Osei invited you to join as a clinician.", { exact: false })).toBeVisible();
  await expect(colleague.getByText(colleagueEmail)).toBeVisible();
  await colleague.getByLabel("Your name").fill("Dr. Kofi Mensah");
  await colleague.getByLabel("Password").fill("a long and private password");
  await colleague.getByRole("button", { name: "Join the practice" }).click();
  await expect(colleague).toHaveURL(/\/practice$/, { timeout: 20_000 });
  await expect(colleague.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(colleague.getByRole("heading", { name: "Osei Therapy" })).toBeVisible();
  const people = colleague.getByRole("list", { name: "People in the practice" });
  await expect(people).toContainText("Dr. Nadia Osei");
  await expect(people).toContainText("Dr. Kofi Mensah (you)");
  // A clinician doesn't run the practice: no settings, no invitations.
  await expect(colleague.getByRole("form", { name: "Practice settings" })).toHaveCount(0);
  await expect(colleague.getByRole("form", { name: "Invite a colleague" })).toHaveCount(0);

  // The link worked once.
  await colleague.goto(link);
  await expect(colleague.getByRole("heading", { name: "This link doesn't work any more" })).toBeVisible();
  await colleagueContext.close();

  await page.reload();
  const ownersView = page.getByRole("list", { name: "People in the practice" });
  await expect(ownersView).toContainText("Dr. Kofi Mensah");
  await expect(ownersView).toContainText("Clinician");
  await expect(page.getByRole("list", { name: "Invitations waiting" })).toHaveCount(0);
  await expect(page.getByText("No invitations are waiting.")).toBeVisible();
});
