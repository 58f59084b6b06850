import { seedClient, seedInvitation, seedTherapist, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, inviteLinkFromOutbox, signUpTherapist, test, uniqueEmail } from "./fixtures";

test("a therapist invites, the client accepts, both see each other, and ending makes it read-only", async ({
  page,
  browser,
}) => {
  await signUpTherapist(page, "Dr. Rowan Hale");
  const clientEmail = uniqueEmail("noor");

  await page.getByLabel("Client's name").fill("Noor Haddad");
  await page.getByLabel("Their e-mail").fill(clientEmail);
  await page.getByRole("button", { name: "Invite", exact: true }).click();
  await expect(page.getByText("Invitation ready for Noor Haddad.")).toBeVisible();
  const shownLink = await page.getByLabel("Invitation link").inputValue();
  const invitations = page.getByRole("list", { name: "Invitations" });
  await expect(invitations).toContainText("Noor Haddad");
  await expect(invitations).toContainText(clientEmail);

  // The e-mailed link is the one on screen plus, in its fragment, the proof that its reader has the inbox.
  const mailedLink = await inviteLinkFromOutbox(clientEmail);
  expect(mailedLink.startsWith(`${shownLink}#`)).toBe(true);

  const clientContext = await browser.newContext();
  const client = await clientContext.newPage();
  await client.goto(mailedLink);
  await expect(client.getByRole("heading", { name: "Dr. Rowan Hale invited you to Alliance" })).toBeVisible();
  await expect(client.getByText(clientEmail)).toBeVisible();
  await client.getByLabel("Choose a password").fill("my own long password");
  await client.getByRole("button", { name: "Accept and set up my account" }).click();
  await expect(client).toHaveURL(/\/between-sessions$/);
  await expect(client.getByText("You're working with Dr. Rowan Hale")).toBeVisible();

  await page.reload();
  const clients = page.getByRole("list", { name: "Clients" });
  await expect(clients).toContainText("Noor Haddad");
  await expect(page.getByRole("list", { name: "Invitations" })).toHaveCount(0);

  await clients.getByRole("link", { name: /Noor Haddad/ }).click();
  await expect(page.getByRole("heading", { name: "Noor Haddad" })).toBeVisible();
  await page.getByRole("button", { name: "End this work together" }).click();
  const dialog = page.getByRole("dialog", { name: "End your work together with Noor Haddad?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Yes, end it" }).click();
  await expect(page.getByText("This work together has ended. Its records are read-only.")).toBeVisible();
  await expect(page.getByRole("button", { name: "End this work together" })).toHaveCount(0);

  await client.reload();
  await expect(client.getByRole("heading", { name: "Earlier work together" })).toBeVisible();
  await expect(client.getByText(/Dr\. Rowan Hale · ended .* · read-only/)).toBeVisible();
  await expect(client.getByText("You're working with")).toHaveCount(0);

  // The used link now explains itself.
  await client.goto(mailedLink);
  await expect(client.getByRole("heading", { name: "This invitation has already been used" })).toBeVisible();
  await clientContext.close();
});

test("an expired invitation link shows a clear page", async ({ page }) => {
  const db = e2eDb();
  const therapist = await seedTherapist(db, { name: "Dr. Expired Link" });
  const { token } = await seedInvitation(db, therapist.id, { expiresAt: new Date(Date.now() - 60_000) });
  await page.goto(`/invite/${token}`);
  await expect(page.getByRole("heading", { name: "This invitation has expired" })).toBeVisible();
  await expect(page.getByText("The invitation came from Dr. Expired Link.")).toBeVisible();
});

test("a tampered invitation link shows a clear page, not an error", async ({ page }) => {
  await page.goto(`/invite/${"x".repeat(43)}`);
  await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
  await page.goto("/invite/short");
  await expect(page.getByRole("heading", { name: "This link doesn't work" })).toBeVisible();
});

test("an existing client accepts a new therapist's invitation by signing in, never by a new account", async ({
  page,
}) => {
  const db = e2eDb();
  const therapist = await seedTherapist(db, { name: "Dr. Second Chance" });
  const client = await seedClient(db, { name: "Kai Existing" });
  const { token, proof } = await seedInvitation(db, therapist.id, { email: client.email });

  // From the invitation e-mail: its reader owns the address, so the page may say it has an account.
  await page.goto(`/invite/${token}#${proof}`);
  await expect(page.getByText(`You already have an Alliance account with ${client.email}`)).toBeVisible();
  await page.getByRole("link", { name: "Sign in to accept" }).click();
  await page.getByLabel("Email").fill(client.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`/invite/${token}$`));
  await page.getByRole("button", { name: "Accept invitation" }).click();
  await expect(page).toHaveURL(/\/between-sessions$/);
  await expect(page.getByText("You're working with Dr. Second Chance")).toBeVisible();
  expect(await db.user.count({ where: { email: client.email } })).toBe(1);
});

test("an invitation opened by a stranger says the same whether or not the address has an account", async ({ page }) => {
  const db = e2eDb();
  const therapist = await seedTherapist(db, { name: "Dr. Same Words" });
  const client = await seedClient(db, { name: "Has An Account" });
  const withAccount = await seedInvitation(db, therapist.id, { email: client.email, name: "Alex" });
  const withoutAccount = await seedInvitation(db, therapist.id, { email: uniqueEmail("new"), name: "Alex" });

  /** What the page says, with the masked address (the only difference by design) blanked. */
  async function pageText(token: string, email: string): Promise<string> {
    const masked = `${email[0]}•••${email.slice(email.indexOf("@"))}`;
    const text = (await page.getByRole("main").innerText()).replaceAll(masked, "<address>");
    expect(text).not.toContain(email);
    return text;
  }

  const seen: string[] = [];
  const answers: string[] = [];
  for (const invitation of [withAccount, withoutAccount]) {
    // The link as a therapist copies it from the screen: no proof of the inbox.
    await page.goto(`/invite/${invitation.token}`);
    await expect(page.getByRole("heading", { name: "Dr. Same Words invited you to Alliance" })).toBeVisible();
    await expect(page.getByRole("button", { name: "E-mail me the link" })).toBeVisible();
    seen.push(await pageText(invitation.token, invitation.email));
    await page.getByRole("button", { name: "E-mail me the link" }).click();
    await expect(page.getByText(/We've sent a link to/)).toBeVisible();
    answers.push(await pageText(invitation.token, invitation.email));
  }
  expect(seen[0]).toBe(seen[1]);
  expect(answers[0]).toBe(answers[1]);
  expect(seen[0]).not.toContain("already have an Alliance account");
  // Only the inbox learns more: the link in the e-mail carries the proof.
  expect(await inviteLinkFromOutbox(client.email)).toContain(`/invite/${withAccount.token}#`);
});
