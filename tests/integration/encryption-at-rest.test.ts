// Sensitive free text is sealed at rest: a copy of the database holds none of
// it, while the right person still reads it through the app; keys rotate.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { callerFor, seedCast, TEST_PASSWORD } from "../factories";
import { connectTestDb } from "../support/db";
import { enrolTwoFactor } from "../support/totp";
import { dumpDatabase } from "../support/dump";
import { getEnv, requireDatabaseUrl, setEnvForChildren } from "@/server/env";
import { countUnsealed, resealAll } from "@/server/crypto/reseal";
import { SEALED_FIELDS, type TSealedFieldName } from "@/server/crypto/sealed-fields";
import { generateDataKey, parseDataKey } from "@/server/crypto/sealed-text";

const db = connectTestDb();
const originalKey = getEnv().DATA_ENCRYPTION_KEY!;

const rotatedTo: string[] = [];
function rotateTo(newKey: string, oldKeys: string[]) {
  rotatedTo.push(newKey);
  setEnvForChildren({ DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_OLD_KEYS: oldKeys.join(",") });
}

// The worker's database outlives this file: leave everything under its key.
afterEach(async () => {
  setEnvForChildren({ DATA_ENCRYPTION_KEY: originalKey, DATA_ENCRYPTION_OLD_KEYS: rotatedTo.join(",") });
  await resealAll(db);
  setEnvForChildren({ DATA_ENCRYPTION_KEY: originalKey, DATA_ENCRYPTION_OLD_KEYS: "" });
});

/** Writes a canary into every sealed field through the real procedures, as the people who write them. */
async function writeCanaries() {
  const cast = await seedCast(db);
  const client = await callerFor(db, cast.client);
  const therapist = await callerFor(db, cast.therapist);
  const canary = (field: string) => `CANARY-${field}-${randomUUID()}`;
  const c = {
    privateNote: canary("private-note"),
    summary: canary("summary"),
    takeaway: canary("takeaway"),
    journal: canary("journal"),
    sharedJournal: canary("shared-journal"),
    response: canary("response"),
    obstacle: canary("obstacle"),
    reply: canary("reply"),
    comment: canary("comment"),
    agenda: canary("agenda"),
  };
  const sessionId = cast.session.id;
  await therapist.session.saveNote({ sessionId, kind: "therapist_private", body: c.privateNote });
  await therapist.session.saveNote({ sessionId, kind: "shared_summary", body: c.summary });
  await client.session.saveNote({ sessionId, kind: "client_takeaway", body: c.takeaway, isSharedWithTherapist: true });
  await client.journal.create({ body: c.journal });
  await client.journal.create({ body: c.sharedJournal, shareWithEngagementId: cast.engagement.id });
  const occurrenceId = cast.homework.openOccurrence.id;
  await client.homework.complete({ occurrenceId, status: "partly_done", response: c.response, obstacle: c.obstacle, difficulty: 2, helpfulness: 3 });
  await therapist.homework.reply({ occurrenceId, feedback: c.reply });
  await client.feedback.submit({ sessionId: cast.completedSession.id, feltHeard: 8, workedOnWanted: 7, approachFit: 8, overall: 8, comment: c.comment });
  await client.session.addAgendaItem({ sessionId, text: c.agenda, kind: "avoided_topic" });
  // Two-step sign-in secrets: the therapist has it on, the client has only begun.
  await enrolTwoFactor(therapist);
  await client.twoFactor.begin({ password: TEST_PASSWORD });
  return { cast, client, therapist, canaries: c };
}

describe("encryption at rest", () => {
  it("keeps every sealed field out of a database dump while the right people still read it", async () => {
    const { cast, client, therapist, canaries } = await writeCanaries();

    const dump = await dumpDatabase(requireDatabaseUrl());
    console.log(`database dump read through: ${dump.tools.join(", ")} (${dump.text.length} characters)`);
    for (const value of Object.values(canaries)) expect(dump.text).not.toContain(value);
    // The dump does hold the rows, sealed: the test would see plaintext if it were there.
    expect(dump.text).toContain(`enc1:${parseDataKey(originalKey, "key").id}:`);

    const sessionId = cast.session.id;
    const therapistView = JSON.stringify(await therapist.session.byId({ sessionId }));
    const clientView = JSON.stringify(await client.session.byId({ sessionId }));
    for (const value of [canaries.privateNote, canaries.summary, canaries.takeaway, canaries.agenda]) {
      expect(therapistView).toContain(value);
    }
    for (const value of [canaries.summary, canaries.takeaway, canaries.agenda]) expect(clientView).toContain(value);
    expect(clientView).not.toContain(canaries.privateNote);

    const journal = JSON.stringify(await client.journal.mine());
    expect(journal).toContain(canaries.journal);
    const shared = JSON.stringify(await therapist.journal.shared({ engagementId: cast.engagement.id }));
    expect(shared).toContain(canaries.sharedJournal);
    expect(shared).not.toContain(canaries.journal);

    const homework = JSON.stringify(await client.homework.byId({ assignmentId: cast.homework.assignment.id }));
    for (const value of [canaries.response, canaries.obstacle, canaries.reply]) expect(homework).toContain(value);
    expect(JSON.stringify(await therapist.engagement.progress({ engagementId: cast.engagement.id }))).toContain(canaries.comment);
  });

  it("refuses a sealed value moved into another row instead of showing it to the wrong person", async () => {
    const { cast, client, canaries } = await writeCanaries();
    // Someone with database access pastes the private note over the shared summary.
    await db.$executeRaw`
      UPDATE session_notes SET body = (SELECT body FROM session_notes WHERE session_id = ${cast.session.id}::uuid AND kind = 'therapist_private')
      WHERE session_id = ${cast.session.id}::uuid AND kind = 'shared_summary'`;
    const answer = await client.session.byId({ sessionId: cast.session.id }).then(JSON.stringify, (error: Error) => error.message);
    expect(answer).not.toContain(canaries.privateNote);
    await db.sessionNote.deleteMany({ where: { sessionId: cast.session.id, kind: "shared_summary" } });
  });

  it("rotates keys in batches: old values open, everything ends under the new key, and the old key can go", async () => {
    const { cast, client, therapist, canaries } = await writeCanaries();
    const oldKey = originalKey;
    const newKey = generateDataKey();
    rotateTo(newKey, [oldKey]);

    // Before the pass, the app already reads old values and writes new ones under the new key.
    expect(JSON.stringify(await client.journal.mine())).toContain(canaries.journal);
    const pending = await countUnsealed(db);
    expect(Object.values(pending).every((count) => count > 0)).toBe(true);

    const report = await resealAll(db, { batchSize: 2 });
    const fields = Object.keys(SEALED_FIELDS) as TSealedFieldName[];
    for (const field of fields) {
      expect(report[field].unreadable).toBe(0);
      expect(report[field].resealed).toBe(pending[field]);
    }
    expect(Object.values(await countUnsealed(db)).every((count) => count === 0)).toBe(true);
    expect((await resealAll(db)).journalBody.resealed).toBe(0);

    // The old key retired: everything still reads.
    rotateTo(newKey, []);
    const view = JSON.stringify(await therapist.session.byId({ sessionId: cast.session.id }));
    expect(view).toContain(canaries.privateNote);
    expect(view).toContain(canaries.agenda);
    expect(JSON.stringify(await client.homework.byId({ assignmentId: cast.homework.assignment.id }))).toContain(canaries.reply);
    const dump = await dumpDatabase(requireDatabaseUrl());
    expect(dump.text).not.toContain(`enc1:${parseDataKey(oldKey, "old").id}:`);
  });

  it("seals rows written before encryption at rest, and leaves values under unknown keys alone", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const legacy = `LEGACY-${randomUUID()}`;
    await db.$executeRaw`INSERT INTO journal_entries (id, client_id, body, updated_at) VALUES (${randomUUID()}::uuid, ${cast.client.id}::uuid, ${legacy}, now())`;
    await expect(client.journal.mine()).rejects.toThrow();

    const report = await resealAll(db);
    expect(report.journalBody.resealed).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(await client.journal.mine())).toContain(legacy);
    expect((await dumpDatabase(requireDatabaseUrl())).text).not.toContain(legacy);

    // A value whose key is gone is reported, never destroyed.
    const stranger = `enc1:unknownkey00:${"A".repeat(16)}:${"B".repeat(40)}`;
    await db.$executeRaw`INSERT INTO journal_entries (id, client_id, body, updated_at) VALUES (${randomUUID()}::uuid, ${cast.client.id}::uuid, ${stranger}, now())`;
    expect((await resealAll(db)).journalBody.unreadable).toBe(1);
    expect(await db.journalEntry.count({ where: { body: stranger } })).toBe(1);
    await db.journalEntry.deleteMany({ where: { body: stranger } });
  });

  it("`npm run rotate-key` re-seals a running database and says what it did", async () => {
    const { client, canaries } = await writeCanaries();
    const newKey = generateDataKey();
    const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["scripts/rotate-key.ts"], {
      env: { ...process.env, DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_OLD_KEYS: originalKey },
    }).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`rotate-key failed:\n${error.stdout}\n${error.stderr}`);
    });
    expect(stdout).toMatch(/values sealed under the current key; 0 not under it/);
    rotateTo(newKey, []);
    expect(JSON.stringify(await client.journal.mine())).toContain(canaries.journal);
  });
});
