// Voice memos (issue 24) in a real browser with Chromium's fake microphone
// (playwright.config.ts: --use-fake-device-for-media-stream): the client
// records on a phone, keeps the memo in a private journal entry and shares
// it; the therapist plays it (the audio answers 206); the client makes it
// private again and the therapist's player gets nothing. A quick reflection
// reaches the next session's agenda in two taps. Afterwards a dump of the
// database holds no byte run of the recording itself.
import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { seedSession, seedWorkingPair, TEST_PASSWORD } from "../tests/factories";
import { dumpDatabase } from "../tests/support/dump";
import { E2E_DATABASE_URL_FILE } from "../scripts/lib/e2e-paths";
import { e2eDb, expect, signedInOn, test } from "./fixtures";

async function playbackStatus(page: Page, memoId: string): Promise<number> {
  return (await page.request.get(`/api/voice-memos/${memoId}`, { headers: { range: "bytes=0-99" } })).status();
}

test("a memo recorded on a phone stays private, plays for the therapist while shared, and stops when it is private again @phone-only", async ({ browser }) => {
  const db = e2eDb();
  const { therapist: therapistUser, client: clientUser, engagement } = await seedWorkingPair(db, { therapist: "Dr. Wren Hale", client: "Noor Amari" });
  const next = await seedSession(db, engagement, { hoursFromNow: 72 });
  const client = await signedInOn(browser, "Pixel 7", clientUser.email, TEST_PASSWORD);
  await client.context().grantPermissions(["microphone"]);
  const therapist = await signedInOn(browser, "Desktop Chrome", therapistUser.email, TEST_PASSWORD);

  // Record, listen back, keep it with a journal entry that has no words: private by default.
  await client.goto("/journal");
  await client.getByRole("button", { name: "Record a voice memo" }).click();
  await client.getByRole("button", { name: "Record" }).click();
  await expect(client.getByRole("meter", { name: "Microphone level" })).toBeVisible();
  // The recording itself: the fake microphone speaks in real time, so wait for the timer, not a clock. The
  // timer counts from the press; on a loaded machine the audio can start a moment later, hence 0:03 for ~2 s.
  await expect(client.getByRole("timer")).toHaveText(/^0:0[3-9] \//, { timeout: 15_000 });
  await client.getByRole("button", { name: "Stop" }).click();
  await expect(client.getByLabel("Your recording")).toBeVisible();
  await client.getByRole("button", { name: "Keep this memo" }).click();
  await expect(client.getByText(/Voice memo ready/)).toBeVisible();
  await client.getByRole("button", { name: "Save entry" }).click();
  await expect(client.getByText("Saved. Only you can see it.")).toBeVisible();
  const entry = client.getByRole("list", { name: "Journal entries" }).getByRole("listitem").first();
  await expect(entry).toContainText("Private: only you");
  await expect(entry.getByLabel(/^Voice memo, 0:0\d/)).toBeVisible();

  const memo = await db.voiceMemo.findFirstOrThrow({ where: { clientId: clientUser.id }, select: { id: true, durationMs: true, journalEntryId: true } });
  expect(memo.journalEntryId).not.toBeNull();
  // Measured from the bytes on the server (never the browser's word): about the time recorded.
  expect(memo.durationMs).toBeGreaterThan(1000);
  // The recording as the client hears it back: the bytes the browser uploaded (the page's CSP keeps blob: out of fetch).
  const recorded = Buffer.from(await (await client.request.get(`/api/voice-memos/${memo.id}`)).body());
  expect(recorded.length).toBeGreaterThan(1000);
  // Private: the therapist's page shows nothing and a direct request finds nothing.
  await therapist.goto(`/clients/${engagement.id}/journal`);
  await expect(therapist.getByText("Nothing shared from the journal.")).toBeVisible();
  expect(await playbackStatus(therapist, memo.id)).toBe(404);

  // Shared: the therapist presses play and the audio arrives as a range (206), which Safari needs.
  await entry.getByRole("button", { name: "Share with Dr. Wren Hale" }).click();
  await expect(entry).toContainText("Shared with Dr. Wren Hale");
  await therapist.goto(`/clients/${engagement.id}/journal`);
  const player = therapist.getByRole("list", { name: "Shared journal entries" }).getByLabel(/^Voice memo/);
  await expect(player).toBeVisible();
  const audio = therapist.waitForResponse((response) => response.url().endsWith(`/api/voice-memos/${memo.id}`));
  await player.evaluate((element: HTMLAudioElement) => element.play());
  const answer = await audio;
  expect(answer.status()).toBe(206);
  expect(answer.headers()["cache-control"]).toBe("private, no-store");

  // Private again: at once, the therapist's player gets nothing.
  await entry.getByRole("button", { name: "Make private" }).click();
  await expect(entry).toContainText("Private: only you");
  expect(await playbackStatus(therapist, memo.id)).toBe(404);
  await therapist.reload();
  await expect(therapist.getByText("Nothing shared from the journal.")).toBeVisible();

  // Quick reflection from the home, in two taps: Record, then where it goes.
  await client.goto("/between-sessions");
  await client.getByRole("button", { name: "Record", exact: true }).click();
  await expect(client.getByRole("meter", { name: "Microphone level" })).toBeVisible();
  await expect(client.getByRole("timer")).toHaveText(/^0:0[1-9] \//, { timeout: 10_000 });
  await client.getByRole("button", { name: "Add to next session" }).click();
  await expect(client.getByText("Added to your next session's agenda.")).toBeVisible();
  await therapist.goto(`/sessions/${next.id}`);
  await expect(therapist.getByText("Voice memo", { exact: true })).toBeVisible();
  await expect(therapist.getByLabel(/^Voice memo, 0:0\d/)).toBeVisible();

  // No byte run of the recording is anywhere in the database: only sealed chunks.
  const probe = recorded.subarray(Math.floor(recorded.length / 2), Math.floor(recorded.length / 2) + 32);
  const dump = await dumpDatabase(readFileSync(E2E_DATABASE_URL_FILE, "utf8").trim());
  expect(dump.text).not.toContain(probe.toString("hex"));
  expect(dump.text).not.toContain(probe.toString("latin1"));
});
