// Sessions end after an idle spell and after an absolute lifetime, and the
// sign-in page says why (server/auth/session-limits.ts). The e2e server runs
// with the defaults in .env.example: 30 idle minutes for a therapist, 60 for a
// client, 12 hours at most. Server-side lapses are made by moving the session
// row's times back; the open page's own idle timer runs on Playwright's clock.
import { seedClient, seedTherapist, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signIn, test } from "./fixtures";

const IDLE_NOTICE = "You were signed out after a while without activity, to keep your records private.";
const EXPIRED_NOTICE = "For your privacy, sessions end after 12 hours. Please sign in again.";
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

async function backdateSessions(userId: string, times: { createdAt?: Date; lastSeenAt?: Date }) {
  await e2eDb().authSession.updateMany({ where: { userId, endedAt: null }, data: times });
}

test("a therapist idle for 31 minutes is signed out, told why, and returned to the page after signing in", async ({ page }) => {
  const therapist = await seedTherapist(e2eDb(), { name: "Dr. Idle Ames" });
  await signIn(page, therapist.email, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/caseload$/);

  await backdateSessions(therapist.id, { lastSeenAt: minutesAgo(31) });
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in\?reason=idle&next=%2Faccount$/);
  await expect(page.getByText(IDLE_NOTICE)).toBeVisible();

  await page.getByLabel("Email").fill(therapist.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("a session past its absolute lifetime ends however active it was, and an open page follows on its next save", async ({ page }) => {
  const client = await seedClient(e2eDb(), { name: "Lark Ode" });
  await signIn(page, client.email, TEST_PASSWORD);
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await page.goto("/journal");
  await page.getByLabel("Write something").fill("a thought for later");

  await backdateSessions(client.id, { createdAt: minutesAgo(12 * 60 + 1), lastSeenAt: minutesAgo(0) });
  await page.getByRole("button", { name: "Save entry" }).click();
  await expect(page).toHaveURL(/\/sign-in\?reason=expired&next=%2Fjournal$/);
  await expect(page.getByText(EXPIRED_NOTICE)).toBeVisible();
  expect(await e2eDb().journalEntry.count({ where: { clientId: client.id } })).toBe(0);
});

test("an open page left alone warns a minute ahead, can be kept, and then signs itself out", async ({ page }) => {
  const therapist = await seedTherapist(e2eDb(), { name: "Dr. Open Tab" });
  await page.clock.install();
  await signIn(page, therapist.email, TEST_PASSWORD);
  await expect(page).toHaveURL(/\/caseload$/);
  // The watcher starts counting when the page is interactive: wait until it records activity (a Shift press).
  await expect
    .poll(async () => {
      await page.keyboard.press("Shift");
      return page.evaluate(() => window.localStorage.getItem("alliance:last-activity"));
    })
    .not.toBeNull();

  // The page signs out two minutes before the server could (28 of 30 minutes) and warns a minute before that.
  await page.clock.fastForward("27:10");
  const warning = page.getByRole("alert").filter({ hasText: "you will be signed out in a minute" });
  await expect(warning).toBeVisible();
  await page.getByRole("button", { name: "Stay signed in" }).click();
  await expect(warning).toBeHidden();

  await page.clock.fastForward("26:00");
  await expect(page).toHaveURL(/\/caseload$/);
  await page.clock.fastForward("02:10");
  await expect(page).toHaveURL(/\/sign-in\?reason=idle&next=%2Fcaseload$/);
  await expect(page.getByText(IDLE_NOTICE)).toBeVisible();
  // Signing out ended the session row too, not only this screen.
  expect(await e2eDb().authSession.count({ where: { userId: therapist.id, endedAt: null } })).toBe(0);
});
