import { DEMO_PASSWORD } from "../server/auth/demo-accounts";
import { seedClient } from "../tests/factories";
import { demoClient, demoTherapist, e2eDb, expect, latestMailTo, signIn, signUpLinkFromOutbox, signUpTherapist, test, uniqueEmail } from "./fixtures";

test("a therapist signs up through the link e-mailed to them, signs out, signs in again and reaches their caseload", async ({ page }) => {
  const { email, password } = await signUpTherapist(page, "Jordan Ellis", "Europe/Dublin");
  await expect(page.getByRole("heading", { name: "Your caseload" })).toBeVisible();
  await expect(page.getByText("Your clients will appear here")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/caseload$/);
  await expect(page.getByRole("heading", { name: "Your caseload" })).toBeVisible();
});

test("sign-up answers the same for a taken address, and only its inbox hears about it", async ({ page }) => {
  const taken = (await seedClient(e2eDb())).email;
  const answers: string[] = [];
  for (const email of [uniqueEmail("free"), taken]) {
    await page.goto("/sign-up");
    await page.getByLabel("Work email").fill(email);
    await page.getByRole("button", { name: "Create therapist account" }).click();
    const answer = page.getByRole("status").filter({ hasText: /We've sent a link to that address/ });
    await expect(answer).toBeVisible();
    answers.push(await answer.innerText());
  }
  expect(answers[1]).toBe(answers[0]);
  const note = await latestMailTo(taken, /Subject: You already have an Alliance account/);
  expect(note).not.toContain("/sign-up/finish#");
});

test("sign-up explains each field that needs another look and creates nothing", async ({ page }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Work email").fill("not an email");
  await page.getByRole("button", { name: "Create therapist account" }).click();
  await expect(page.getByText("Enter an email address like name@example.com.")).toBeVisible();
  await expect(page.getByLabel("Work email")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up$/);

  // From the link: the name, the password and the time zone, each on its field.
  const email = uniqueEmail("fields");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Create therapist account" }).click();
  await page.goto(await signUpLinkFromOutbox(email));
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText("Enter your name.")).toBeVisible();
  await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
  await expect(page.getByLabel("Your name")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL(/\/sign-up\/finish/);
});

test("sign-up refuses a common password, or one holding the name, on the password field", async ({ page }) => {
  const email = uniqueEmail("therapist");
  await page.goto("/sign-up");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Create therapist account" }).click();
  await page.goto(await signUpLinkFromOutbox(email));
  await page.getByLabel("Your name").fill("Rowan Ashby");
  const password = page.getByLabel("Password");
  await password.fill("Password123");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText(/That password is one of the most common ones/)).toBeVisible();
  await expect(password).toHaveAttribute("aria-invalid", "true");

  await password.fill("ashby and the sea");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page.getByText(/That password contains your name/)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-up\/finish/);

  // Nothing was created: the link still works for a good password.
  await password.fill("a calm and long password");
  await page.getByRole("button", { name: "Create my account" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
});

test("a sign-up link works once: opened again it says so", async ({ page, browser }) => {
  const { email } = await signUpTherapist(page, "Morgan Once");
  // Opened again, in another browser (say, the phone that got the e-mail).
  const elsewhere = await (await browser.newContext()).newPage();
  await elsewhere.goto(await signUpLinkFromOutbox(email));
  await expect(elsewhere.getByRole("heading", { name: "This link doesn't work any more" })).toBeVisible();
  await elsewhere.context().close();
});

test("a wrong password gets a clear message that doesn't reveal whether the account exists", async ({ page }) => {
  const message = "That email and password don't match. Check them and try again.";

  // Next's route announcer is also role=alert, so look for ours by its text.
  await signIn(page, demoTherapist.email, "not the right password");
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();

  await signIn(page, uniqueEmail("nobody"), "not the right password");
  await expect(page.getByRole("alert").filter({ hasText: message })).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the demo therapist signs in from the accounts shown on the sign-in page and sees the demo caseload", async ({
  page,
  signInAs,
}) => {
  await page.goto("/sign-in");
  await expect(page.getByText(demoTherapist.email)).toBeVisible();
  await expect(page.getByText(DEMO_PASSWORD)).toBeVisible();

  await signInAs(demoTherapist);
  await expect(page).toHaveURL(/\/caseload$/);
  const clients = page.getByRole("list", { name: "Clients" });
  await expect(clients.getByRole("link")).toHaveCount(3);
  await expect(clients).toContainText(demoClient.name);
});

test("a demo client lands on their own home and sees who their therapist is", async ({ page, signInAs }) => {
  await signInAs(demoClient);
  await expect(page).toHaveURL(/\/between-sessions$/);
  await expect(page.getByRole("heading", { name: `Hello, ${demoClient.name.split(" ")[0]}` })).toBeVisible();
  await expect(page.getByText(`You're working with ${demoTherapist.name}`)).toBeVisible();

  await page.goto("/caseload");
  await expect(page).toHaveURL(/\/between-sessions$/);
});

test("a signed-out visitor is sent to sign in, then back to where they were going", async ({ page }) => {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount$/);
  await page.getByLabel("Email").fill(demoTherapist.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { name: "Account", exact: true })).toBeVisible();
});

test("a return path that would leave the site after sign-in is dropped: the browser stays here", async ({ page, baseURL }) => {
  // "?next=/%09/evil.example" decodes to "/\t/evil.example"; browsers drop the tab, leaving "//evil.example".
  const offSite: string[] = [];
  page.on("request", (request) => {
    if (new URL(request.url()).hostname.endsWith("evil.example")) offSite.push(request.url());
  });
  await page.goto("/sign-in?next=/%09/evil.example");
  await page.getByLabel("Email").fill(demoTherapist.email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/caseload$/);
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(offSite).toEqual([]);
});

test("pages carry a nonce-based CSP and are never cached", async ({ page }) => {
  const response = await page.goto("/sign-in");
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("object-src 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["cache-control"]).toContain("no-store");
});
