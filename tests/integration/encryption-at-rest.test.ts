// Sensitive free text is sealed at rest: a copy of the database holds none of
// it, while the right person still reads it through the app; keys rotate.
import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { callerFor, seedAssignment, seedCast } from "../factories";
import { connectTestDb } from "../support/db";
import { CANARY_ANSWER_LIST, writeCanaries as writeCanariesInto } from "../support/canaries";
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

const writeCanaries = () => writeCanariesInto(db);

/** How many stored answers are not sealed (written through the app, every one is). */
async function unsealedAnswers(): Promise<number> {
  const [row] = await db.$queryRaw<{ count: number }[]>`SELECT count(*)::int AS count FROM measure_responses WHERE NOT starts_with(answers, 'enc1:')`;
  return row!.count;
}

describe("encryption at rest", () => {
  it("keeps every sealed field out of a database dump while the right people still read it", async () => {
    const { cast, client, therapist, canaries } = await writeCanaries();

    const dump = await dumpDatabase(requireDatabaseUrl());
    console.log(`database dump read through: ${dump.tools.join(", ")} (${dump.text.length} characters)`);
    for (const value of Object.values(canaries)) expect(dump.text).not.toContain(value);
    // Answers as JSON would read either way (as the app writes it, or as Postgres prints a JSON value).
    expect(dump.text).not.toContain(JSON.stringify(CANARY_ANSWER_LIST));
    expect(dump.text).not.toContain(CANARY_ANSWER_LIST.join(", "));
    expect(await unsealedAnswers()).toBe(0);
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

    // Messages: both people read the whole conversation.
    for (const caller of [client, therapist]) {
      const conversation = JSON.stringify(await caller.message.list({ engagementId: cast.engagement.id }));
      for (const value of [canaries.message, canaries.therapistMessage]) expect(conversation).toContain(value);
    }
  });

  it("reads goals, homework, templates and questionnaire answers back to the people who may see them, exports included", async () => {
    const { cast, client, therapist, canaries: c, goalId, assignmentId } = await writeCanaries();
    const engagementId = cast.engagement.id;
    const goalText = [c.goalTitle, c.goalDescription, c.goalWhy, c.goalStep, c.addedStep];
    const goalHistory = [c.statusNote, c.clientRatingNote, c.therapistRatingNote];
    const homeworkText = [c.assignmentTitle, c.assignmentInstructions];

    // Goals: both parties, in the list, the detail (history included) and the therapist's caseload.
    for (const caller of [client, therapist]) {
      const list = JSON.stringify(await caller.goal.list({ engagementId }));
      for (const value of goalText) expect(list).toContain(value);
      const detail = JSON.stringify(await caller.goal.byId({ goalId }));
      for (const value of [...goalText, ...goalHistory]) expect(detail).toContain(value);
    }
    expect(JSON.stringify(await therapist.goal.caseload())).toContain(c.goalTitle);

    // Homework: the assignment with its goal's title, the lists, the session's "since last time", the client's to-do.
    for (const caller of [client, therapist]) {
      const one = JSON.stringify(await caller.homework.byId({ assignmentId }));
      for (const value of [...homeworkText, c.goalTitle]) expect(one).toContain(value);
      const list = JSON.stringify(await caller.homework.list({ engagementId }));
      for (const value of homeworkText) expect(list).toContain(value);
      expect(JSON.stringify(await caller.session.byId({ sessionId: cast.session.id }))).toContain(c.assignmentTitle);
    }
    const dueTitle = `CANARY-due-${randomUUID()}`;
    await seedAssignment(db, cast.engagement, { title: dueTitle, startOffset: 0, days: 1 });
    expect(JSON.stringify(await client.homework.due())).toContain(dueTitle);
    expect((await dumpDatabase(requireDatabaseUrl())).text).not.toContain(dueTitle);

    // Templates: the therapist's library, the copy (sealed again under its own row) and the library export.
    const library = await therapist.homeworkTemplate.list();
    const own = library.filter((template) => template.title.startsWith(c.templateTitle));
    expect(own.map((template) => template.title)).toEqual([c.templateTitle, `${c.templateTitle} (copy)`]);
    expect(own.every((template) => template.instructions === c.templateInstructions)).toBe(true);
    const [original, copy] = await db.homeworkTemplate.findMany({
      where: { id: { in: own.map((template) => template.id) } },
      orderBy: { createdAt: "asc" },
      select: { instructions: true },
    });
    expect(copy!.instructions).not.toBe(original!.instructions);
    const templateExport = JSON.stringify(await therapist.dataExport.templates());
    for (const value of [c.templateTitle, c.templateInstructions]) expect(templateExport).toContain(value);

    // Questionnaire answers: the therapist reads each item; the client sees totals only.
    const answersOf = (progress: Awaited<ReturnType<typeof therapist.engagement.progress>>) =>
      progress.measures.series.flatMap((series) => series.points.map((point) => point.answers));
    expect(answersOf(await therapist.engagement.progress({ engagementId }))).toContainEqual(CANARY_ANSWER_LIST);
    expect(answersOf(await client.engagement.progress({ engagementId })).every((answers) => answers === null)).toBe(true);

    // Exports carry the plaintext: the client's own, and the therapist's record of this client.
    // Exercises too: the sent answers, the form's labels and the ladder; the unsent draft only in the client's own.
    const exerciseText = [c.exerciseAnswer, c.exerciseLabel, c.ladderStep];
    const [mine, record] = [JSON.stringify(await client.dataExport.mine()), JSON.stringify(await therapist.dataExport.engagement({ engagementId }))];
    for (const text of [mine, record]) {
      for (const value of [...goalText, ...goalHistory, ...homeworkText, ...exerciseText]) expect(text).toContain(value);
      expect(text).toContain(JSON.stringify(CANARY_ANSWER_LIST));
    }
    expect(mine).toContain(c.exerciseDraft);
    expect(record).not.toContain(c.exerciseDraft);
  });

  it("refuses a goal moved under another client's engagement instead of showing its words there", async () => {
    const { cast, canaries, goalId } = await writeCanaries();
    // Someone with database access moves the goal, steps and history along, to the other therapist's client.
    await db.$executeRaw`UPDATE goals SET engagement_id = ${cast.otherEngagement.id}::uuid WHERE id = ${goalId}::uuid`;
    const other = await callerFor(db, cast.otherTherapist);
    const answer = await other.goal.list({ engagementId: cast.otherEngagement.id }).then(JSON.stringify, (error: Error) => `refused: ${error.message}`);
    expect(answer).toMatch(/^refused: /);
    expect(answer).not.toContain(canaries.goalTitle);
    expect(answer).not.toContain(canaries.goalDescription);
    await db.$executeRaw`UPDATE goals SET engagement_id = ${cast.engagement.id}::uuid WHERE id = ${goalId}::uuid`;
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

  // Batches of two over every row the worker's database holds, every earlier file's casts included: slow on a full run.
  it("rotates keys in batches: old values open, everything ends under the new key, and the old key can go", async () => {
    const { cast, client, therapist, canaries, goalId, assignmentId } = await writeCanaries();
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
    const goal = JSON.stringify(await client.goal.byId({ goalId }));
    for (const value of [canaries.goalTitle, canaries.goalWhy, canaries.addedStep, canaries.statusNote, canaries.therapistRatingNote]) {
      expect(goal).toContain(value);
    }
    expect(JSON.stringify(await client.homework.byId({ assignmentId }))).toContain(canaries.assignmentInstructions);
    expect(JSON.stringify(await therapist.homeworkTemplate.list())).toContain(canaries.templateInstructions);
    expect(JSON.stringify(await therapist.message.list({ engagementId: cast.engagement.id }))).toContain(canaries.message);
    const progress = await therapist.engagement.progress({ engagementId: cast.engagement.id });
    expect(progress.measures.series.flatMap((series) => series.points.map((point) => point.answers))).toContainEqual(CANARY_ANSWER_LIST);
    const dump = await dumpDatabase(requireDatabaseUrl());
    expect(dump.text).not.toContain(`enc1:${parseDataKey(oldKey, "old").id}:`);
  }, 120_000);

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

  it("seals goals, steps, notes, homework, templates and answers written before they were sealed", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const legacy = (label: string) => `LEGACY-${label}-${randomUUID()}`;
    const l = {
      title: legacy("goal-title"),
      description: legacy("goal-description"),
      why: legacy("goal-why"),
      step: legacy("step"),
      statusNote: legacy("status-note"),
      ratingNote: legacy("rating-note"),
      assignmentTitle: legacy("assignment-title"),
      instructions: legacy("assignment-instructions"),
      templateTitle: legacy("template-title"),
      templateInstructions: legacy("template-instructions"),
    };
    const [goalId, assignmentId, measureId] = [randomUUID(), randomUUID(), randomUUID()];
    const { id: engagementId, therapistId, clientId } = cast.engagement;
    // As the rows stood before this change: plaintext, answers as the migration leaves JSONB (Postgres's spacing).
    await db.$executeRaw`
      INSERT INTO goals (id, engagement_id, title, description, why_it_matters, position, created_by_id, updated_at)
      VALUES (${goalId}::uuid, ${engagementId}::uuid, ${l.title}, ${l.description}, ${l.why}, 9, ${therapistId}::uuid, now())`;
    await db.$executeRaw`
      INSERT INTO goal_steps (id, goal_id, text, position, created_by_id) VALUES (${randomUUID()}::uuid, ${goalId}::uuid, ${l.step}, 0, ${therapistId}::uuid)`;
    await db.$executeRaw`
      INSERT INTO goal_status_changes (id, goal_id, to_status, note, changed_by_id)
      VALUES (${randomUUID()}::uuid, ${goalId}::uuid, 'active', ${l.statusNote}, ${clientId}::uuid)`;
    await db.$executeRaw`
      INSERT INTO goal_ratings (id, goal_id, author_id, author_role, value, note)
      VALUES (${randomUUID()}::uuid, ${goalId}::uuid, ${clientId}::uuid, 'client', 6, ${l.ratingNote})`;
    await db.$executeRaw`
      INSERT INTO homework_assignments (id, engagement_id, assigned_by_id, title, instructions, kind, schedule, starts_on, ends_on, updated_at)
      VALUES (${assignmentId}::uuid, ${engagementId}::uuid, ${therapistId}::uuid, ${l.assignmentTitle}, ${l.instructions},
              'practice', 'once', current_date, current_date, now())`;
    await db.$executeRaw`
      INSERT INTO homework_templates (id, owner_id, title, instructions, kind, updated_at)
      VALUES (${randomUUID()}::uuid, ${therapistId}::uuid, ${l.templateTitle}, ${l.templateInstructions}, 'journal', now())`;
    await db.$executeRaw`
      INSERT INTO measure_assignments (id, engagement_id, kind, schedule, assigned_by_id, stopped_at)
      VALUES (${measureId}::uuid, ${engagementId}::uuid, 'gad7', 'once', ${therapistId}::uuid, now())`;
    await db.$executeRaw`
      INSERT INTO measure_responses (id, assignment_id, engagement_id, client_id, kind, period_key, answers, total, completed_at, updated_at)
      VALUES (${randomUUID()}::uuid, ${measureId}::uuid, ${engagementId}::uuid, ${clientId}::uuid, 'gad7', 'once',
              '[2, 3, 1, 0, 2, 3, 1]', 12, now(), now())`;
    // Plaintext in a sealed column is refused, not shown.
    await expect(client.goal.byId({ goalId })).rejects.toThrow();
    await expect(therapist.homeworkTemplate.list()).rejects.toThrow();

    const report = await resealAll(db);
    for (const field of [
      "goalTitle",
      "goalDescription",
      "goalWhyItMatters",
      "goalStepText",
      "goalStatusNote",
      "goalRatingNote",
      "assignmentTitle",
      "assignmentInstructions",
      "templateTitle",
      "templateInstructions",
      "measureAnswers",
    ] as const) {
      expect(report[field].resealed, field).toBeGreaterThanOrEqual(1);
    }
    const goal = JSON.stringify(await client.goal.byId({ goalId }));
    for (const value of [l.title, l.description, l.why, l.step, l.statusNote, l.ratingNote]) expect(goal).toContain(value);
    const homework = JSON.stringify(await client.homework.byId({ assignmentId }));
    for (const value of [l.assignmentTitle, l.instructions]) expect(homework).toContain(value);
    const library = JSON.stringify(await therapist.homeworkTemplate.list());
    for (const value of [l.templateTitle, l.templateInstructions]) expect(library).toContain(value);
    const progress = await therapist.engagement.progress({ engagementId });
    expect(progress.measures.series.find((series) => series.kind === "gad7")?.points.map((point) => point.answers)).toEqual([[2, 3, 1, 0, 2, 3, 1]]);

    const dump = (await dumpDatabase(requireDatabaseUrl())).text;
    for (const value of Object.values(l)) expect(dump).not.toContain(value);
    expect(dump).not.toContain("[2, 3, 1, 0, 2, 3, 1]");
  });

  it("`npm run rotate-key` re-seals a running database and says what it did", async () => {
    const { cast, client, therapist, canaries } = await writeCanaries();
    const newKey = generateDataKey();
    const { stdout } = await promisify(execFile)("node_modules/.bin/tsx", ["scripts/rotate-key.ts"], {
      env: { ...process.env, DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_OLD_KEYS: originalKey },
    }).catch((error: { stdout: string; stderr: string }) => {
      throw new Error(`rotate-key failed:\n${error.stdout}\n${error.stderr}`);
    });
    expect(stdout).toMatch(/values sealed under the current key; 0 not under it/);
    // Every sealed field had values under the old key (writeCanaries fills each one), and each was re-sealed.
    for (const field of Object.keys(SEALED_FIELDS)) {
      expect(stdout).toMatch(new RegExp(`${field}: [1-9]\\d* sealed with the current key, 0 unreadable`));
    }
    rotateTo(newKey, []);
    expect(JSON.stringify(await client.journal.mine())).toContain(canaries.journal);
    const goals = JSON.stringify(await client.goal.list({ engagementId: cast.engagement.id }));
    for (const value of [canaries.goalTitle, canaries.goalDescription, canaries.goalStep]) expect(goals).toContain(value);
    expect(JSON.stringify(await therapist.homework.list({ engagementId: cast.engagement.id }))).toContain(canaries.assignmentTitle);
  });
});
