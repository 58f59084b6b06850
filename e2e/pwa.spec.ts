// On the phone's home screen and readable offline (issue 28): the manifest
// and its icons, the service worker keeping a client's pages (the safety plan,
// the next session, today's items) from their last visit, the offline page for
// the rest, nothing kept for a therapist or a signed-out visitor, the device
// forgetting it all when the person signs out (or arrives signed out after
// "sign out everywhere"), and the home-screen hint shown once.
import type { Page } from "@playwright/test";
import { callerFor, seedAssignment, seedSession, seedWorkingPair, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signedInOn, test } from "./fixtures";
import { PAGES_CACHE } from "../lib/service-worker/offline-pages";

/**
 * Once the service worker controls the page: from here on, full loads go
 * through it. The worker claims the open pages when it activates, but Chromium
 * passes over a page whose load was still under way at that moment (signing in
 * redirects while the worker installs), and that page stays uncontrolled until
 * its next load, as it would for a person. So: wait for the claim, and if it
 * passed this page over, load it again, which an active worker always controls.
 */
async function serviceWorkerControls(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  const isControlled = () => navigator.serviceWorker.controller !== null;
  const claimed = await page.waitForFunction(isControlled, undefined, { timeout: 5_000 }).then(
    () => true,
    () => false,
  );
  if (claimed) return;
  await page.reload();
  await page.waitForFunction(isControlled);
}

/** The paths in the pages cache, as the page itself sees them. */
function keptPaths(page: Page): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    return (await (await caches.open(name)).keys()).map((request) => new URL(request.url).pathname);
  }, PAGES_CACHE);
}

/** Every URL in every cache and the IndexedDB databases of this origin: what the device holds. */
function deviceHolds(page: Page): Promise<{ cached: string[]; databases: string[] }> {
  return page.evaluate(async () => {
    const cached: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) cached.push(`${name} ${new URL(request.url).pathname}`);
    }
    const databases = (await indexedDB.databases()).map((database) => database.name ?? "");
    return { cached, databases };
  });
}

test("the manifest names Alliance, starts at each person's home, and its icons are there @phone-only", async ({ request }) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.ok()).toBe(true);
  const manifest = (await response.json()) as { name: string; start_url: string; display: string; theme_color: string; icons: { src: string; sizes: string; type: string; purpose: string }[] };
  expect(manifest).toMatchObject({ name: "Alliance", start_url: "/", display: "standalone", theme_color: "#0f766e" });
  expect(manifest.icons.filter((icon) => icon.type === "image/png").map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  for (const icon of manifest.icons.filter((each) => each.type === "image/png")) {
    const image = await request.get(icon.src);
    expect(image.headers()["content-type"]).toBe("image/png");
    // A PNG's width and height, from its IHDR chunk.
    const bytes = await image.body();
    expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
  }
  // The service worker is served for the whole site.
  const worker = await request.get("/serwist/sw.js");
  expect(worker.headers()["service-worker-allowed"]).toBe("/");
});

test("a client's Today, next session and safety plan open offline from the last visit; a page never opened says it's offline @phone-only", async ({ browser }) => {
  const db = e2eDb();
  const { client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Lena Fox", client: "Arlo Perez" });
  await seedSession(db, engagement, { hoursFromNow: 50 });
  await seedAssignment(db, engagement, { title: "Five minutes outside after breakfast", days: 3, startOffset: -1 });
  const planLine = "Call my sister Ines before it gets bad";
  await (await callerFor(db, clientUser)).safetyPlan.save({ engagementId: engagement.id, baseVersion: 0, onMyOwn: [planLine], warningSigns: ["Not sleeping"] });

  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);
  await client.goto("/between-sessions");
  await serviceWorkerControls(client);
  // The first page arrived before the worker; it is fetched again and kept, and so is the safety plan, never opened here.
  await expect.poll(() => keptPaths(client)).toEqual(expect.arrayContaining(["/between-sessions", "/safety-plan"]));

  await client.context().setOffline(true);
  await client.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "My safety plan" }).click();
  await expect(client.getByText(planLine, { exact: true })).toBeVisible();
  // Its code started from the phone too (the offline line is drawn by it), and the plan stayed.
  await expect(client.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
  await expect(client.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  await expect(client.getByText(planLine, { exact: true })).toBeVisible();
  await client.goto("/between-sessions");
  await expect(client.getByRole("status").filter({ hasText: "You're offline" })).toBeVisible();
  await expect(client.getByRole("region", { name: "Your next session" })).toContainText("with Dr. Lena Fox");
  await expect(client.getByText("Five minutes outside after breakfast").first()).toBeAttached();
  await client.goto("/safety-plan");
  await expect(client.getByText(planLine, { exact: true })).toBeVisible();

  // Never opened on this phone: the offline page, pointing to what is kept.
  await client.goto("/goals");
  await expect(client.getByRole("heading", { name: "You're offline" })).toBeVisible();
  const kept = client.getByRole("navigation", { name: "Kept on this phone" });
  await expect(kept.getByRole("link")).toHaveText([/^Today/, "My safety plan"]);
  await kept.getByRole("link", { name: "My safety plan" }).click();
  await expect(client.getByText(planLine, { exact: true })).toBeVisible();

  // What the cache is keyed by: paths, never anything the client wrote.
  const holds = await deviceHolds(client);
  expect(holds.cached.join("\n")).not.toContain("sister");
  await client.context().close();
});

test("a therapist's pages and a signed-out visitor's are never kept on the device @phone-only", async ({ browser }) => {
  const db = e2eDb();
  const { therapist, engagement } = await seedWorkingPair(db, { therapist: "Dr. Omar Reyes", client: "Tess Lund" });
  const session = await seedSession(db, engagement, { hoursFromNow: 20 });

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/sign-in");
  await serviceWorkerControls(visitor);
  await visitor.reload();
  await visitor.goto("/forgot-password");
  expect(await keptPaths(visitor)).toEqual([]);
  await visitor.context().close();

  const page = await signedInOn(browser, "Pixel 7", therapist.email, TEST_PASSWORD);
  await serviceWorkerControls(page);
  for (const path of ["/caseload", `/clients/${engagement.id}`, `/sessions/${session.id}`]) {
    await page.goto(path);
    await expect(page.locator("h1").first()).toBeVisible();
  }
  expect(await keptPaths(page)).toEqual([]);
  await page.context().setOffline(true);
  await page.goto(`/clients/${engagement.id}`);
  await expect(page.getByRole("heading", { name: "You're offline" })).toBeVisible();
  await page.context().close();
});

test("signing out forgets the device, and so does the next visit after signing out everywhere @phone-only", async ({ browser }) => {
  const db = e2eDb();
  const { client: clientUser } = await seedWorkingPair(db, { therapist: "Dr. June Abara", client: "Milo Grant" });

  const phone = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);
  await serviceWorkerControls(phone);
  await phone.goto("/journal");
  await expect.poll(() => keptPaths(phone)).toContain("/journal");
  await phone.getByRole("button", { name: "Sign out" }).click();
  await expect(phone).toHaveURL(/\/sign-in/);
  await expect.poll(() => deviceHolds(phone).then((holds) => holds.databases)).toEqual([]);
  expect(await keptPaths(phone)).toEqual([]);
  // What stays is the same for everyone: the offline page, the icons and the build's scripts.
  for (const entry of (await deviceHolds(phone)).cached) expect(entry).toMatch(/ \/(offline|icons\/[\w.-]+|_next\/static\/.+)$/);

  // Signed in again on the phone, and at a desk; the desk signs out everywhere else.
  await phone.getByLabel("Email").fill(clientUser.email);
  await phone.getByLabel("Password").fill(TEST_PASSWORD);
  await phone.getByRole("button", { name: "Sign in" }).click();
  await expect(phone.getByRole("button", { name: "Sign out" })).toBeVisible();
  await phone.goto("/journal");
  await expect.poll(() => keptPaths(phone)).toContain("/journal");
  const desk = await signedInOn(browser, "Desktop Chrome", clientUser.email, TEST_PASSWORD);
  await desk.goto("/account");
  await desk.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(desk.getByText(/^Signed out of/)).toBeVisible();

  // The phone's next visit finds itself signed out, and forgets.
  await phone.goto("/journal");
  await expect(phone).toHaveURL(/\/sign-in/);
  await expect.poll(() => keptPaths(phone)).toEqual([]);
  await phone.context().close();
  await desk.context().close();
});

test("on an iPhone, Today says once how to add Alliance to the home screen @phone-only", async ({ browser }) => {
  const db = e2eDb();
  const { client: clientUser } = await seedWorkingPair(db, { therapist: "Dr. Ruth Kim", client: "Jonah Bell" });
  const client = await signedInOn(browser, "iPhone 13", clientUser.email, TEST_PASSWORD);
  await client.goto("/between-sessions");
  const hint = client.getByRole("complementary", { name: "Add Alliance to your home screen" });
  await hint.scrollIntoViewIfNeeded();
  await expect(hint).toContainText("tap the Share button, then “Add to Home Screen”");
  await client.reload();
  await expect(client.getByRole("heading", { name: "Hello, Jonah", level: 1 })).toBeVisible();
  // Seen once: not again, once the page is interactive and the hint would have been decided.
  await expect(client.getByRole("button", { name: "Sign out" })).toBeEnabled();
  await expect(hint).toHaveCount(0);
  await client.context().close();
});
