// No form ever puts its fields in a URL (docs/security-and-privacy.md, S12): not with
// JavaScript off, not before the page is interactive (a slow connection), and
// not once it is. See components/ui/form.tsx for how.
import { randomUUID } from "node:crypto";
import type { Browser, BrowserContext, Locator, Page } from "@playwright/test";
import { seedAssignment, seedGoal, seedSession, TEST_PASSWORD, seedWorkingPair } from "../tests/factories";
import { e2eDb, expect, signIn, signUpLinkFromOutbox, test } from "./fixtures";

type TFields = Record<string, string>;

/** Every URL a context requests, and which of them were page loads. */
function recordRequests(context: BrowserContext) {
  const all: string[] = [];
  const pages: string[] = [];
  context.on("request", (request) => {
    all.push(request.url());
    if (request.isNavigationRequest()) pages.push(request.url());
  });
  return { all, pages };
}

/**
 * No request carries a field's value, and no page load has a query parameter
 * named like a field. (tRPC queries legitimately carry `input` in their URL,
 * so names are only checked on page loads.)
 */
function expectFieldsNeverInUrls(requests: ReturnType<typeof recordRequests>, fields: TFields) {
  for (const url of requests.all) {
    for (const value of Object.values(fields)) {
      expect(url, "a field's value in a URL").not.toContain(value);
      expect(url, "a field's value in a URL").not.toContain(encodeURIComponent(value));
    }
  }
  for (const url of requests.pages) {
    const names = [...new URL(url).searchParams.keys()];
    expect(names.filter((name) => name in fields), `field names in ${url}`).toEqual([]);
  }
}

/**
 * Enter in `field` and a click on `button` must not submit: the button is
 * disabled while the page is not interactive, and a disabled default button
 * blocks implicit submission. Playwright's press and click wait for any
 * navigation they start, so the URL check right after is meaningful.
 */
async function expectNoNativeSubmit(page: Page, field: Locator, button: Locator) {
  const before = page.url();
  await expect(button).toBeDisabled();
  await field.press("Enter");
  expect(page.url()).toBe(before);
  await button.click({ force: true });
  expect(page.url()).toBe(before);
}

/**
 * What happens if the browser submits natively anyway (a form with no submit
 * button, a quirk): a POST to the fallback, which explains and saves nothing.
 */
async function expectFallbackPage(page: Page, form: Locator) {
  await form.evaluate((element: HTMLFormElement) => element.requestSubmit());
  await expect(page.getByRole("heading", { name: "Nothing was saved" })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe("/javascript-needed");
  expect(new URL(page.url()).search).toBe("");
  await expect(page.getByText("Alliance needs JavaScript turned on to save anything.")).toBeVisible();
}

async function seedClientWithWork() {
  const db = e2eDb();
  const { client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Nadia Quist", client: "Pim Vos" });
  const session = await seedSession(db, engagement, { hoursFromNow: 48 });
  const assignment = await seedAssignment(db, engagement, { title: "Two minutes of stretching" });
  const goal = await seedGoal(db, engagement, { title: "Walk after lunch" });
  return { clientUser, session, assignment, goal };
}

/** A context with the client's session cookie, signed in where JavaScript runs. */
async function signedInContext(browser: Browser, email: string, options: { javaScriptEnabled: boolean }) {
  const withJs = await browser.newContext({ javaScriptEnabled: true });
  const page = await withJs.newPage();
  await signIn(page, email, TEST_PASSWORD);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const storageState = await withJs.storageState();
  await withJs.close();
  return browser.newContext({ ...options, storageState });
}

/** Next's scripts never arrive: the page stays as the server sent it, like on a very slow connection. */
async function neverHydrate(target: Page | BrowserContext) {
  await target.route(
    (url) => url.pathname.startsWith("/_next/static/") && url.pathname.endsWith(".js"),
    (route) => route.abort(),
  );
}

const canary = (label: string) => `${label}-${randomUUID()}`;

const NOTICES = {
  signIn: "Alliance needs JavaScript to sign in. Turn it on in your browser's settings, then reload this page.",
  signUp: "Alliance needs JavaScript to create your account. Turn it on in your browser's settings, then reload this page.",
  appShell: /^Alliance needs JavaScript to save anything\./,
};

/**
 * The <noscript> notice. Playwright's `javaScriptEnabled: false` parses
 * <noscript> content as elements (as a browser with JavaScript off does) but
 * Chromium does not lay it out under that emulation, so visibility is checked
 * in a browser whose JavaScript is switched off in its settings (below).
 */
const noscriptNotice = (page: Page) => page.locator("noscript p");

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-in and sign-up say JavaScript is needed and never put what was typed in the URL", async ({ page, context }) => {
    const requests = recordRequests(context);
    const fields = { email: `${canary("nojs")}@e2e.alliance.test`, password: canary("password"), name: canary("name") };

    await page.goto("/sign-in");
    await expect(noscriptNotice(page)).toHaveText(NOTICES.signIn);
    await page.getByLabel("Email").fill(fields.email);
    await page.getByLabel("Password").fill(fields.password);
    await expectNoNativeSubmit(page, page.getByLabel("Password"), page.getByRole("button", { name: "Sign in" }));
    await expectNoNativeSubmit(page, page.getByLabel("Email"), page.getByRole("button", { name: "Sign in" }));
    await expect(page).toHaveURL(/\/sign-in$/);
    await expectFallbackPage(page, page.locator("form"));

    await page.goto("/sign-up");
    await expect(noscriptNotice(page)).toHaveText(NOTICES.signUp);
    await page.getByLabel("Work email").fill(fields.email);
    await expectNoNativeSubmit(page, page.getByLabel("Work email"), page.getByRole("button", { name: "Create therapist account" }));
    await expect(page).toHaveURL(/\/sign-up$/);
    await expectFallbackPage(page, page.locator("form"));

    expectFieldsNeverInUrls(requests, fields);
  });

  test("journal, agenda, homework and goal-step forms keep what was typed out of the URL", async ({ browser }) => {
    const { clientUser, session, assignment, goal } = await seedClientWithWork();
    const context = await signedInContext(browser, clientUser.email, { javaScriptEnabled: false });
    const requests = recordRequests(context);
    const page = await context.newPage();
    const fields = { body: canary("journal"), text: canary("agenda"), response: canary("homework"), step: canary("step") };

    await page.goto("/journal");
    await expect(noscriptNotice(page)).toHaveText(NOTICES.appShell);
    await page.getByLabel("Write something").fill(fields.body);
    // Enter in a textarea is a new line, never a submit; the button is the way in.
    await expectNoNativeSubmit(page, page.getByLabel("Write something"), page.getByRole("button", { name: "Save entry" }));
    await expect(page).toHaveURL(/\/journal$/);
    await expectFallbackPage(page, page.locator("form").filter({ has: page.getByLabel("Write something") }));

    await page.goto(`/sessions/${session.id}`);
    await page.getByLabel("Add to the agenda").fill(fields.text);
    const agendaForm = page.locator("form").filter({ has: page.getByLabel("Add to the agenda") });
    await expectNoNativeSubmit(page, page.getByLabel("Add to the agenda"), page.getByRole("button", { name: "Add to agenda" }));
    await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}$`));
    await expectFallbackPage(page, agendaForm);

    await page.goto(`/homework/${assignment.id}`);
    const first = page.getByRole("list", { name: "Occurrences" }).getByRole("listitem").first();
    await first.getByLabel("What did you notice? (optional)").fill(fields.response);
    await first.getByRole("radio", { name: "Partly done" }).check();
    await expectNoNativeSubmit(page, first.getByRole("radio", { name: "Partly done" }), first.getByRole("button", { name: "Save" }));
    await expect(page).toHaveURL(new RegExp(`/homework/${assignment.id}$`));
    await expectFallbackPage(page, first.locator("form"));

    // One text field and nothing else: the form Enter would submit if its button were live.
    await page.goto(`/goals/${goal.id}`);
    await page.getByLabel("Add a step").fill(fields.step);
    await expectNoNativeSubmit(page, page.getByLabel("Add a step"), page.getByRole("button", { name: "Add step" }));
    await expect(page).toHaveURL(new RegExp(`/goals/${goal.id}$`));

    expectFieldsNeverInUrls(requests, fields);
    await context.close();
  });
});

test("a browser with JavaScript switched off in its settings shows the notices", async ({
  browser,
  playwright,
  launchOptions,
  baseURL,
}) => {
  const { clientUser } = await seedClientWithWork();
  const signedIn = await signedInContext(browser, clientUser.email, { javaScriptEnabled: true });
  const storageState = await signedIn.storageState();
  await signedIn.close();
  const noJsBrowser = await playwright.chromium.launch({
    ...launchOptions,
    args: [...(launchOptions.args ?? []), "--blink-settings=scriptEnabled=false"],
  });
  const page = await (await noJsBrowser.newContext({ baseURL })).newPage();
  await page.goto("/sign-in");
  await expect(noscriptNotice(page)).toBeVisible();
  await expect(noscriptNotice(page)).toHaveText(NOTICES.signIn);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();
  await page.goto("/sign-up");
  await expect(noscriptNotice(page)).toBeVisible();
  await expect(noscriptNotice(page)).toHaveText(NOTICES.signUp);
  const client = await (await noJsBrowser.newContext({ baseURL, storageState })).newPage();
  await client.goto("/journal");
  await expect(noscriptNotice(client)).toBeVisible();
  await expect(noscriptNotice(client)).toHaveText(NOTICES.appShell);
  await noJsBrowser.close();
});

test("before the page is interactive, Enter and the submit button do nothing", async ({ browser, page, context }) => {
  const requests = recordRequests(context);
  const fields = { email: `${canary("slow")}@e2e.alliance.test`, password: canary("password") };
  await neverHydrate(page);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(fields.email);
  await page.getByLabel("Password").fill(fields.password);
  await expectNoNativeSubmit(page, page.getByLabel("Password"), page.getByRole("button", { name: "Sign in" }));
  await expect(page).toHaveURL(/\/sign-in$/);
  expectFieldsNeverInUrls(requests, fields);

  const { clientUser, goal } = await seedClientWithWork();
  const signedIn = await signedInContext(browser, clientUser.email, { javaScriptEnabled: true });
  const signedInRequests = recordRequests(signedIn);
  await neverHydrate(signedIn);
  const client = await signedIn.newPage();
  const step = canary("step");
  await client.goto(`/goals/${goal.id}`);
  await client.getByLabel("Add a step").fill(step);
  await expectNoNativeSubmit(client, client.getByLabel("Add a step"), client.getByRole("button", { name: "Add step" }));
  await expect(client).toHaveURL(new RegExp(`/goals/${goal.id}$`));
  expectFieldsNeverInUrls(signedInRequests, { text: step });
  await signedIn.close();
});

test("with JavaScript on, the same forms save, by Enter or by button, and the URL stays clean", async ({ page, context }) => {
  const requests = recordRequests(context);
  const { clientUser, session, assignment, goal } = await seedClientWithWork();
  const fields = { password: TEST_PASSWORD, body: canary("journal"), text: canary("agenda"), response: canary("homework"), step: canary("step") };

  // Signing in with Enter, once the page is interactive (the button is enabled then).
  await page.goto("/sign-in");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  await page.getByLabel("Email").fill(clientUser.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/between-sessions$/);

  await page.goto(`/goals/${goal.id}`);
  await expect(page.getByRole("button", { name: "Add step" })).toBeEnabled();
  await page.getByLabel("Add a step").fill(fields.step);
  await page.getByLabel("Add a step").press("Enter");
  await expect(page.getByRole("list", { name: "Steps" })).toContainText(fields.step);
  await expect(page).toHaveURL(new RegExp(`/goals/${goal.id}$`));

  await page.goto("/journal");
  await page.getByLabel("Write something").fill(fields.body);
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page.getByText("Saved. Only you can see it.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Journal entries" })).toContainText(fields.body);
  await expect(page).toHaveURL(/\/journal$/);

  await page.goto(`/sessions/${session.id}`);
  await page.getByLabel("Add to the agenda").fill(fields.text);
  await page.getByRole("button", { name: "Add to agenda" }).click();
  await expect(page.getByRole("list", { name: "Agenda" })).toContainText(fields.text);
  await expect(page).toHaveURL(new RegExp(`/sessions/${session.id}$`));

  await page.goto(`/homework/${assignment.id}`);
  const first = page.getByRole("list", { name: "Occurrences" }).getByRole("listitem").first();
  await first.getByLabel("What did you notice? (optional)").fill(fields.response);
  await first.getByRole("button", { name: "Save" }).click();
  await expect(first.getByText(fields.response)).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/homework/${assignment.id}$`));

  expectFieldsNeverInUrls(requests, fields);
});

test("with JavaScript on, sign-up by Enter creates the account and the URL stays clean", async ({ page, context }) => {
  const requests = recordRequests(context);
  // A fixed name: a random one could share a run of letters with the password, which the password rules refuse.
  const fields = { name: "Quinn Kowalski", email: `${canary("signup")}@e2e.alliance.test`, password: canary("password") };
  await page.goto("/sign-up");
  await expect(page.getByRole("button", { name: "Create therapist account" })).toBeEnabled();
  await page.getByLabel("Work email").fill(fields.email);
  await page.getByLabel("Work email").press("Enter");
  await expect(page.getByText(/We've sent a link to that address/)).toBeVisible();
  await page.goto(await signUpLinkFromOutbox(fields.email));
  await expect(page.getByRole("button", { name: "Create my account" })).toBeEnabled();
  await page.getByLabel("Your name").fill(fields.name);
  await page.getByLabel("Password").fill(fields.password);
  await page.getByLabel("Password").press("Enter");
  await expect(page).toHaveURL(/\/caseload$/);
  expectFieldsNeverInUrls(requests, fields);
});
