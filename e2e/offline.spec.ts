// Nothing written offline is lost (issue 28): what a client writes with no
// connection is kept on the phone (lib/offline/outbox.ts), says so, and is
// sent once when the connection returns; a refusal keeps the words to copy.
import type { Page } from "@playwright/test";
import { seedSession, seedWorkingPair, TEST_PASSWORD } from "../tests/factories";
import { e2eDb, expect, signedInPage, test } from "./fixtures";

const WAITING = "Saved on this phone. It will send when you're online.";

/** Opens a client's page so that it reloads without a connection: a full load through the service worker keeps it and its scripts. */
async function openKept(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  await expect.poll(() => page.evaluate((kept) => caches.match(kept).then(Boolean), path)).toBe(true);
}

test("a journal entry written offline is kept on the phone and saved once when the connection returns", async ({ browser }) => {
  const db = e2eDb();
  const { client } = await seedWorkingPair(db, { therapist: "Dr. Ada Offline", client: "Noor Offline" });
  const page = await signedInPage(browser, client.email, TEST_PASSWORD);
  await openKept(page, "/journal");
  await expect(page.getByRole("button", { name: "Save entry" })).toBeEnabled();

  await page.context().setOffline(true);
  await page.getByLabel("Write something").fill("Written on the train, no signal.");
  await page.getByRole("button", { name: "Save entry" }).click();
  const kept = page.getByRole("list", { name: "Kept on this phone" });
  await expect(kept.getByRole("listitem").filter({ hasText: "Written on the train, no signal." })).toContainText(WAITING);
  await expect(page.getByLabel("Write something")).toHaveValue("");
  // Still offline, the page reloads from the phone, the entry still there and not yet sent.
  await page.reload();
  await expect(kept.getByRole("listitem").filter({ hasText: "Written on the train, no signal." })).toContainText(WAITING);
  expect(await db.journalEntry.count({ where: { clientId: client.id } })).toBe(0);

  await page.context().setOffline(false);
  await expect(kept.getByRole("listitem").filter({ hasText: "Written on the train, no signal." })).toContainText("Sent.");
  await expect.poll(() => db.journalEntry.count({ where: { clientId: client.id } })).toBe(1);
  await page.reload();
  await expect(page.getByText("Written on the train, no signal.")).toHaveCount(1);
  await expect(page.getByText(WAITING)).toHaveCount(0);
  expect(await db.journalEntry.count({ where: { clientId: client.id } })).toBe(1);
});

test("an agenda item added offline is kept on the phone and added once when the connection returns", async ({ browser }) => {
  const db = e2eDb();
  const { client, engagement } = await seedWorkingPair(db, { therapist: "Dr. Bea Offline", client: "Omar Offline" });
  const session = await seedSession(db, engagement, { hoursFromNow: 24 });
  const page = await signedInPage(browser, client.email, TEST_PASSWORD);
  await openKept(page, `/sessions/${session.id}`);
  await expect(page.getByRole("button", { name: "Add to agenda" })).toBeEnabled();

  await page.context().setOffline(true);
  await page.getByLabel("Add to the agenda").fill("The argument with my brother");
  await page.getByRole("button", { name: "Add to agenda" }).click();
  const kept = page.getByRole("list", { name: "Kept on this phone" });
  await expect(kept.getByRole("listitem").filter({ hasText: "The argument with my brother" })).toContainText(WAITING);
  await page.reload();
  await expect(kept.getByRole("listitem").filter({ hasText: "The argument with my brother" })).toContainText(WAITING);
  expect(await db.agendaItem.count({ where: { sessionId: session.id } })).toBe(0);

  await page.context().setOffline(false);
  await expect(kept.getByRole("listitem").filter({ hasText: "The argument with my brother" })).toContainText("Sent.");
  await expect(page.getByRole("list", { name: "Agenda" }).getByRole("listitem").filter({ hasText: "The argument with my brother" })).toHaveCount(1);
  expect(await db.agendaItem.count({ where: { sessionId: session.id } })).toBe(1);
});

test("an agenda item the session closed meanwhile is not sent, and its words stay to copy", async ({ browser }) => {
  const db = e2eDb();
  const { client, engagement } = await seedWorkingPair(db, { therapist: "Dr. Cy Offline", client: "Ines Offline" });
  const session = await seedSession(db, engagement, { hoursFromNow: 24 });
  const page = await signedInPage(browser, client.email, TEST_PASSWORD);
  await page.goto(`/sessions/${session.id}`);
  await expect(page.getByRole("button", { name: "Add to agenda" })).toBeEnabled();

  await page.context().setOffline(true);
  await page.getByLabel("Add to the agenda").fill("What I wanted to say last time");
  await page.getByRole("button", { name: "Add to agenda" }).click();
  await expect(page.getByText(WAITING)).toBeVisible();
  // Meanwhile the session took place.
  await db.therapySession.update({ where: { id: session.id }, data: { status: "completed" } });

  await page.context().setOffline(false);
  await expect(page.getByText(/This couldn't be sent: This session is over, so its agenda is closed\./)).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Your words" })).toHaveValue("What I wanted to say last time");
  expect(await db.agendaItem.count({ where: { sessionId: session.id } })).toBe(0);
  await page.getByRole("button", { name: "Remove from this phone" }).click();
  await expect(page.getByRole("textbox", { name: "Your words" })).toHaveCount(0);
});

test("words not sent yet survive a session that lapses, and signing out asks before removing them", async ({ browser }) => {
  const db = e2eDb();
  const { client, engagement } = await seedWorkingPair(db, { therapist: "Dr. Dee Offline", client: "Ravi Offline" });
  const session = await seedSession(db, engagement, { hoursFromNow: 24 });
  const page = await signedInPage(browser, client.email, TEST_PASSWORD);
  await openKept(page, `/sessions/${session.id}`);
  await expect(page.getByRole("button", { name: "Add to agenda" })).toBeEnabled();

  await page.context().setOffline(true);
  await page.getByLabel("Add to the agenda").fill("The letter from work");
  await page.getByRole("button", { name: "Add to agenda" }).click();
  await expect(page.getByText(WAITING)).toBeVisible();
  // Offline, signing out can't reach the server: it says so and removes nothing.
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("dialog", { name: "Signing out needs a connection" })).toBeVisible();
  await page.getByRole("button", { name: "OK" }).click();
  await expect(page.getByText(WAITING)).toBeVisible();

  // The session took place meanwhile, so the item stays on the phone, refused, with its words.
  await db.therapySession.update({ where: { id: session.id }, data: { status: "completed" } });
  await page.context().setOffline(false);
  await expect(page.getByRole("textbox", { name: "Your words" })).toHaveValue("The letter from work");

  // The session lapses (idle): the sign-in page forgets the kept pages, not the words.
  await db.authSession.deleteMany({ where: { userId: client.id } });
  await page.goto(`/sign-in?reason=idle&next=/sessions/${session.id}`);
  await expect.poll(() => page.evaluate(async () => (await caches.keys()).includes("alliance-pages"))).toBe(false);
  expect(await page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toEqual(["alliance-outbox"]);
  await page.getByLabel("Email").fill(client.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("textbox", { name: "Your words" })).toHaveValue("The letter from work");

  // Signing out on purpose asks first; staying keeps them, going removes them.
  await page.getByRole("button", { name: "Sign out" }).click();
  const ask = page.getByRole("dialog", { name: "Something you wrote hasn't been sent yet" });
  await expect(ask).toBeVisible();
  await ask.getByRole("button", { name: "Stay signed in" }).click();
  await expect(page.getByRole("textbox", { name: "Your words" })).toHaveValue("The letter from work");
  await page.getByRole("button", { name: "Sign out" }).click();
  await ask.getByRole("button", { name: "Sign out and remove it" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await expect.poll(() => page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name))).toEqual([]);
});
