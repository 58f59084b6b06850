// Structured exercises (issue 23) through the real procedures against a real
// Postgres: versioned forms that never rewrite what a client recorded, drafts
// that stay the client's alone, field-level refusals that change nothing,
// sending as the day's completion (once), the homework-review agenda item
// (once), the therapist's skill note, the ladder, the brief's line, the
// starter exercises, and answers sealed at rest.
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { addDays } from "@/lib/time/days";
import { localDay } from "@/lib/time/zones";
import { ANSWER_NEEDED, ZExerciseFormSchema, type TExerciseForm } from "@/lib/exercises/form-definition";
import { STARTER_EXERCISES } from "@/lib/exercises/starters";
import { EXERCISE_REVIEW_TEXT } from "@/server/sessions/agenda";
import { exerciseBrief } from "@/server/exercises/read-back";
import { advanceClockForTests, freezeClockForTests, now, resetClock } from "@/server/clock";
import { requireDatabaseUrl } from "@/server/env";
import {
  CAST_EXERCISE_FORM,
  CAST_EXERCISE_FORM_V2,
  callerFor,
  seedCast,
  seedLadderStep,
  seedTemplate,
  type TCast,
} from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { dumpDatabase } from "../support/dump";
import { rejection } from "../support/errors";

const db = connectTestDb();

afterEach(resetClock);

type TCaller = Awaited<ReturnType<typeof callerFor>>;

function fieldErrorsOf(error: { cause?: unknown }): Record<string, string[]> | undefined {
  return (error.cause as { fieldErrors?: Record<string, string[]> } | undefined)?.fieldErrors;
}

/** The client's today (the cast's client is in London), moved by `days`. */
const clientDay = (days = 0) => addDays(localDay(now(), "Europe/London"), days);

async function pair(cast: TCast) {
  return { client: await callerFor(db, cast.client), therapist: await callerFor(db, cast.therapist) };
}

/**
 * An exercise given from `templateId` (its newest form), daily for `days`
 * days, the first `open` of them already open; returns the occurrence ids.
 */
async function assignExercise(therapist: TCaller, client: TCaller, cast: TCast, templateId: string, options: { days?: number; open?: number; title?: string } = {}) {
  const { days = 3, open = 2, title = "Noticing a thought" } = options;
  const { id: assignmentId } = await therapist.homework.assign({
    engagementId: cast.engagement.id,
    templateId,
    title,
    instructions: "When your mood shifts, note what was happening.",
    kind: "worksheet",
    schedule: "daily",
    startsOn: clientDay(1 - open),
    days,
  });
  const { occurrences } = await client.homework.byId({ assignmentId });
  return { assignmentId, occurrenceIds: occurrences.map((occurrence) => occurrence.id) };
}

/** The therapist's own template with a form (version 1). */
async function templateWithForm(therapist: TCaller, form: TExerciseForm = CAST_EXERCISE_FORM) {
  const template = await therapist.homeworkTemplate.create({ title: "Noticing a thought", instructions: "Note what was happening.", kind: "worksheet", schedule: "daily" });
  const saved = await therapist.homeworkTemplate.saveForm({ templateId: template.id, form });
  return { templateId: template.id, version: saved.version };
}

const questionsOf = (form: TExerciseForm) => form.fields.map((field) => field.label);

describe("versioned exercise forms", () => {
  it("make version 1 then 2; an assignment keeps 1 and an entry sent under 1 reads as it was, until the therapist moves it on", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const { templateId, version } = await templateWithForm(therapist);
    expect(version).toBe(1);
    const { assignmentId, occurrenceIds } = await assignExercise(therapist, client, cast, templateId);
    const [first, second] = occurrenceIds as [string, string];
    await client.exercise.send({ occurrenceId: first, answers: { situation: "Waiting for the lift", belief_before: 60, belief_after: 30 } });

    const relabelled = { fields: [{ ...CAST_EXERCISE_FORM.fields[0]!, label: "Where were you, and what was going on?" }, ...CAST_EXERCISE_FORM_V2.fields.slice(1)] };
    expect(await therapist.homeworkTemplate.saveForm({ templateId, form: relabelled })).toMatchObject({ version: 2 });
    expect(await therapist.homeworkTemplate.form({ templateId })).toMatchObject({ version: 2, form: relabelled, isOwn: true });
    expect((await therapist.homework.byId({ assignmentId })).exercise).toEqual({ version: 1, newestVersion: 2 });

    // The sent entry, for both of them: version 1's questions, its answers as sent.
    for (const caller of [client, therapist]) {
      const sent = await caller.exercise.entry({ occurrenceId: first });
      expect(sent).toMatchObject({ state: "sent", formVersion: 1, answers: { situation: "Waiting for the lift", belief_before: 60, belief_after: 30 } });
      expect(questionsOf(sent.form)).toEqual(questionsOf(CAST_EXERCISE_FORM));
      const table = await caller.exercise.entries({ assignmentId });
      expect(table.entries.map((entry) => [entry.formVersion, entry.answers.situation])).toEqual([[1, "Waiting for the lift"]]);
      expect(table.charts.map((chart) => [chart.key, chart.points.map((point) => point.value)])).toContainEqual(["belief_before", [60]]);
    }
    // A new day still has version 1 until the therapist moves the assignment on.
    expect((await client.exercise.entry({ occurrenceId: second })).formVersion).toBe(1);

    expect(await therapist.homework.moveToNewestForm({ assignmentId })).toEqual({ version: 2 });
    const moved = await client.exercise.entry({ occurrenceId: second });
    expect([moved.formVersion, moved.form.fields[0]!.label]).toEqual([2, "Where were you, and what was going on?"]);
    await client.exercise.send({ occurrenceId: second, answers: { situation: "At my desk", minutes: 12 } });
    expect((await client.exercise.entry({ occurrenceId: first })).formVersion).toBe(1);
    const table = await therapist.exercise.entries({ assignmentId });
    expect(table.entries.map((entry) => entry.formVersion)).toEqual([2, 1]);
    // The table's columns span both versions, the newest wording first.
    expect(table.columns.map((column) => column.label)).toContain("Where were you, and what was going on?");
    expect(table.columns.map((column) => column.key)).toContain("minutes");

    const again = await rejection(therapist.homework.moveToNewestForm({ assignmentId }));
    expect([again.code, again.message]).toEqual(["BAD_REQUEST", "This homework already uses the newest version of its form."]);
  });

  it("copies a template's newest form as the copy's version 1, and refuses to change the starter library", async () => {
    const cast = await seedCast(db);
    const { therapist } = await pair(cast);
    const copy = await therapist.homeworkTemplate.duplicate({ templateId: cast.exercise.templateId });
    expect(copy.formVersion).toBe(1);
    expect((await therapist.homeworkTemplate.form({ templateId: copy.id })).form).toEqual(CAST_EXERCISE_FORM_V2);

    const starter = await seedTemplate(db, null, "A starter without a form");
    const before = await snapshotDatabase(db);
    const refused = await rejection(therapist.homeworkTemplate.saveForm({ templateId: starter.id, form: CAST_EXERCISE_FORM }));
    expect(refused.code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("starts a template of the therapist's own from every starter exercise, each with a valid version 1", async () => {
    const cast = await seedCast(db);
    const { therapist } = await pair(cast);
    for (const starter of STARTER_EXERCISES) {
      const template = await therapist.homeworkTemplate.fromStarter({ starterKey: starter.key });
      expect([template.title, template.formVersion], starter.key).toEqual([starter.title, 1]);
      const { version, form, isOwn } = await therapist.homeworkTemplate.form({ templateId: template.id });
      expect([version, isOwn], starter.key).toEqual([1, true]);
      expect(ZExerciseFormSchema.safeParse(form).success, starter.key).toBe(true);
      expect(form, starter.key).toEqual(ZExerciseFormSchema.parse({ fields: starter.fields }));
    }
    const library = await therapist.homeworkTemplate.list();
    expect(STARTER_EXERCISES.every((starter) => library.some((template) => template.title === starter.title && template.formVersion === 1))).toBe(true);
    expect((await rejection(therapist.homeworkTemplate.fromStarter({ starterKey: "not_a_starter" }))).code).toBe("BAD_REQUEST");
  });
});

describe("drafts", () => {
  it("are the client's alone: not in the therapist's view of the day, the table, the ladder's progress or the brief", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const occurrenceId = cast.exercise.openOccurrence.id;
    const draftWords = `DRAFT-${randomUUID()}`;
    const since = new Date(now().getTime() - 60_000);
    // Unfinished is fine in a draft: no situation yet, which a send requires.
    const kept = await client.exercise.saveDraft({ occurrenceId, answers: { learned: draftWords, step: cast.exercise.ladderStep.id, belief_before: 90 } });
    expect(kept.keptAt).toBeInstanceOf(Date);

    const mine = await client.exercise.entry({ occurrenceId });
    expect(mine).toMatchObject({ state: "draft", answers: { learned: draftWords, belief_before: 90 }, sentAt: null });
    expect(mine.draftKeptAt).not.toBeNull();

    const theirs = await therapist.exercise.entry({ occurrenceId });
    expect(theirs).toMatchObject({ state: "empty", answers: null, draftKeptAt: null });
    for (const answer of [
      theirs,
      await therapist.exercise.entries({ assignmentId: cast.exercise.assignment.id }),
      await therapist.exercise.ladder({ engagementId: cast.engagement.id }),
      await exerciseBrief(db, cast.engagement.id, since, new Date(now().getTime() + 60_000)),
    ]) {
      expect(JSON.stringify(answer)).not.toContain(draftWords);
    }
    // The ladder's progress counts only the seeded sent entry, not the draft that names the same step.
    const [step] = await therapist.exercise.ladder({ engagementId: cast.engagement.id });
    expect(step!.practices).toHaveLength(1);
    expect(await exerciseBrief(db, cast.engagement.id, since, new Date(now().getTime() + 60_000))).toEqual([]);
    // The table reads sent entries only, for the client too.
    expect((await client.exercise.entries({ assignmentId: cast.exercise.assignment.id })).total).toBe(1);

    // Saving again replaces the draft; sending makes it shared.
    await client.exercise.saveDraft({ occurrenceId, answers: { situation: "On the platform", learned: draftWords } });
    expect((await client.exercise.entry({ occurrenceId })).answers).toEqual({ situation: "On the platform", learned: draftWords });
    await client.exercise.send({ occurrenceId, answers: { situation: "On the platform", learned: draftWords } });
    expect(await therapist.exercise.entry({ occurrenceId })).toMatchObject({ state: "sent", answers: { learned: draftWords } });
  });

  it("keep the version they were started on when the assignment moves on", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const occurrenceId = cast.exercise.openOccurrence.id;
    await client.exercise.saveDraft({ occurrenceId, answers: { situation: "Started before the change" } });
    await therapist.homework.moveToNewestForm({ assignmentId: cast.exercise.assignment.id });

    expect((await client.exercise.entry({ occurrenceId })).formVersion).toBe(1);
    // An answer only version 2 asks is not part of the draft's form.
    const refused = await rejection(client.exercise.send({ occurrenceId, answers: { situation: "Started before the change", minutes: 5 } }));
    expect(fieldErrorsOf(refused)).toEqual({ minutes: ["This form has no such question."] });
    await client.exercise.send({ occurrenceId, answers: { situation: "Started before the change" } });
    expect((await therapist.exercise.entry({ occurrenceId })).formVersion).toBe(1);
    // The next day takes the assignment's version.
    const tomorrow = (await client.homework.byId({ assignmentId: cast.exercise.assignment.id })).occurrences[2]!;
    expect((await client.exercise.entry({ occurrenceId: tomorrow.id })).formVersion).toBe(2);
  });
});

describe("answers that need another look", () => {
  it("are refused field by field, and a refusal changes nothing", async () => {
    const cast = await seedCast(db);
    const { client } = await pair(cast);
    const occurrenceId = cast.exercise.openOccurrence.id;
    const foreign = await seedLadderStep(db, cast.otherEngagement, "Someone else's step");
    const before = await snapshotDatabase(db);

    const missing = await rejection(client.exercise.send({ occurrenceId, answers: { belief_before: 50 } }));
    expect(missing.code).toBe("BAD_REQUEST");
    expect(missing.message).toBe("A few answers need another look. They're marked below.");
    expect(fieldErrorsOf(missing)).toEqual({ situation: [ANSWER_NEEDED] });

    const wrong = await rejection(client.exercise.send({ occurrenceId, answers: { situation: "Here", belief_after: 101, mood: "low" } }));
    expect(fieldErrorsOf(wrong)).toEqual({ belief_after: ["Choose a whole number from 0 to 100."], mood: ["This form has no such question."] });
    // A draft may be unfinished, never wrong.
    const wrongDraft = await rejection(client.exercise.saveDraft({ occurrenceId, answers: { belief_after: -1 } }));
    expect(fieldErrorsOf(wrongDraft)).toEqual({ belief_after: ["Choose a whole number from 0 to 100."] });

    // A step of another engagement's ladder, in a draft or a send.
    for (const attempt of [
      () => client.exercise.saveDraft({ occurrenceId, answers: { step: foreign.id } }),
      () => client.exercise.send({ occurrenceId, answers: { situation: "Here", step: foreign.id } }),
    ]) {
      const refused = await rejection(attempt());
      expect(fieldErrorsOf(refused)).toEqual({ step: ["Choose a step from your ladder."] });
      expect(JSON.stringify(refused)).not.toContain("Someone else's step");
    }
    expect(await snapshotDatabase(db)).toEqual(before);
  });

  it("refuse a repeating part past its rows, on that part", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const { id: templateId } = await therapist.homeworkTemplate.fromStarter({ starterKey: "thought_record" });
    const { occurrenceIds } = await assignExercise(therapist, client, cast, templateId, { title: "Thought record" });
    const before = await snapshotDatabase(db);
    const nine = Array.from({ length: 9 }, (_, index) => ({ emotion: `Feeling ${index}`, intensity: 50 }));
    const answers = { situation: "A meeting", thought: "They think I'm slow", emotions: nine };
    for (const attempt of [() => client.exercise.saveDraft({ occurrenceId: occurrenceIds[0]!, answers }), () => client.exercise.send({ occurrenceId: occurrenceIds[0]!, answers })]) {
      expect(fieldErrorsOf(await rejection(attempt()))).toEqual({ emotions: ["This part can have up to 8 rows."] });
    }
    // A row's own column is marked where it is.
    const row = await rejection(client.exercise.send({ occurrenceId: occurrenceIds[0]!, answers: { ...answers, emotions: [{ emotion: "", intensity: 40 }] } }));
    expect(fieldErrorsOf(row)).toEqual({ "emotions.0.emotion": [ANSWER_NEEDED] });
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("sending", () => {
  it("records the day as done once, tells the therapist without the words, and a retry changes nothing", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const occurrenceId = cast.exercise.openOccurrence.id;
    const words = `SENT-${randomUUID()}`;
    const notices = () => db.notification.findMany({ where: { userId: cast.therapist.id, kind: "homework_recorded" }, select: { title: true, linkPath: true } });

    const sent = await client.exercise.send({ occurrenceId, answers: { situation: words } });
    const retried = await client.exercise.send({ occurrenceId, answers: { situation: "Something else entirely" } });
    expect(retried.id).toBe(sent.id);

    expect(await db.homeworkCompletion.count({ where: { occurrenceId } })).toBe(1);
    expect(await db.exerciseEntry.count({ where: { occurrenceId } })).toBe(1);
    const day = (await client.homework.byId({ assignmentId: cast.exercise.assignment.id })).occurrences.find((occurrence) => occurrence.id === occurrenceId)!;
    expect(day.state).toBe("done");
    expect((await therapist.exercise.entry({ occurrenceId })).answers).toEqual({ situation: words });
    expect(await notices()).toEqual([{ title: "Cleo Client sent an exercise", linkPath: `/homework/${cast.exercise.assignment.id}/entries/${occurrenceId}` }]);
    expect(JSON.stringify(await therapist.notifications.list({}))).not.toContain(words);

    // Sent is fixed: no draft over it.
    const late = await rejection(client.exercise.saveDraft({ occurrenceId, answers: { situation: "Changed my mind" } }));
    expect(late.code).toBe("BAD_REQUEST");
  });

  it("twice at once records one entry, one completion, one notice and one agenda item", async () => {
    const cast = await seedCast(db);
    const { client } = await pair(cast);
    const second = await callerFor(db, cast.client);
    const occurrenceId = cast.exercise.openOccurrence.id;
    await client.exercise.saveDraft({ occurrenceId, answers: { situation: "Typed in two windows" } });
    const input = { occurrenceId, answers: { situation: "Typed in two windows" } };
    const [first, other] = await Promise.all([client.exercise.send(input), second.exercise.send(input)]);
    expect(other.id).toBe(first.id);
    expect(await db.exerciseEntry.count({ where: { occurrenceId } })).toBe(1);
    expect(await db.homeworkCompletion.count({ where: { occurrenceId } })).toBe(1);
    expect(await db.notification.count({ where: { userId: cast.therapist.id, kind: "homework_recorded" } })).toBe(1);
    expect(await db.agendaItem.count({ where: { sessionId: cast.session.id, kind: "homework_review" } })).toBe(1);
  });

  it("is the only way to record an exercise day as done; skipping still works, and then nothing is sent", async () => {
    const cast = await seedCast(db);
    const { client } = await pair(cast);
    const occurrenceId = cast.exercise.openOccurrence.id;
    const before = await snapshotDatabase(db);
    const done = await rejection(client.homework.complete({ occurrenceId, status: "done", response: "Did it." }));
    expect([done.code, done.message]).toEqual(["BAD_REQUEST", "Fill in the exercise to record this day, or say what got in the way."]);
    expect((await rejection(client.homework.complete({ occurrenceId, status: "partly_done" }))).code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);

    const skipped = await client.homework.complete({ occurrenceId, status: "skipped", obstacle: "A long day at work" });
    expect(skipped.status).toBe("skipped");
    const refused = await rejection(client.exercise.send({ occurrenceId, answers: { situation: "Later on" } }));
    expect([refused.code, refused.message]).toEqual(["BAD_REQUEST", "This day is already recorded."]);
    expect(await client.exercise.entry({ occurrenceId })).toMatchObject({ state: "recorded", completion: { status: "skipped" } });
  });

  it("puts one 'homework review' item on the next scheduled session, and not again once the client took it off", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const { occurrenceIds } = await assignExercise(therapist, client, cast, cast.exercise.templateId, { days: 3, open: 3 });
    const reviews = async () =>
      (await client.session.byId({ sessionId: cast.session.id })).agenda.filter((item) => item.kind === "homework_review");

    await client.exercise.send({ occurrenceId: occurrenceIds[0]!, answers: { situation: "First" } });
    await client.exercise.send({ occurrenceId: occurrenceIds[1]!, answers: { situation: "Second" } });
    const [review, ...more] = await reviews();
    expect(more).toEqual([]);
    expect(review).toMatchObject({ text: EXERCISE_REVIEW_TEXT, authorRole: "client", isMine: true });
    // The completed session in the past gets nothing.
    expect((await client.session.byId({ sessionId: cast.completedSession.id })).agenda).toEqual([]);

    await client.agenda.withdraw({ itemId: review!.id });
    await client.exercise.send({ occurrenceId: occurrenceIds[2]!, answers: { situation: "Third" } });
    expect(await reviews()).toEqual([]);
  });
});

describe("the therapist's skill note", () => {
  it("goes only on a sent entry, and both of them read it", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const open = cast.exercise.openOccurrence.id;
    expect((await rejection(therapist.exercise.rateSkill({ occurrenceId: open, skillRating: 2 }))).message).toBe("There's nothing sent to note yet.");
    await client.exercise.saveDraft({ occurrenceId: open, answers: { situation: "Half done" } });
    expect((await rejection(therapist.exercise.rateSkill({ occurrenceId: open, skillRating: 2 }))).code).toBe("BAD_REQUEST");
    expect(await db.exerciseEntry.findUniqueOrThrow({ where: { occurrenceId: open }, select: { skillRating: true } })).toEqual({ skillRating: null });

    const sent = cast.exercise.sentOccurrence.id;
    expect(await therapist.exercise.rateSkill({ occurrenceId: sent, skillRating: 2 })).toMatchObject({ skillRating: 2 });
    for (const caller of [client, therapist]) expect((await caller.exercise.entry({ occurrenceId: sent })).skillRating).toBe(2);
    await therapist.exercise.rateSkill({ occurrenceId: sent, skillRating: null });
    expect(await db.exerciseEntry.findUniqueOrThrow({ where: { occurrenceId: sent }, select: { skillRating: true, skillRatedById: true } })).toEqual({
      skillRating: null,
      skillRatedById: null,
    });
  });
});

describe("the exposure ladder", () => {
  it("reads lowest expected anxiety first, either of them changes it, and progress comes from sent entries", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const engagementId = cast.engagement.id;
    const { id: high } = await therapist.exercise.addStep({ engagementId, text: "A crowded train at rush hour", expectedAnxiety: 85 });
    const { id: low } = await client.exercise.addStep({ engagementId, text: "Standing near the station", expectedAnxiety: 15 });
    await client.exercise.updateStep({ stepId: high, text: "A crowded train, two stops", expectedAnxiety: 70 });
    const ladder = await therapist.exercise.ladder({ engagementId });
    expect(ladder.map((step) => [step.text, step.expectedAnxiety])).toEqual([
      ["Standing near the station", 15],
      ["Taking the bus two stops", 40],
      ["A crowded train, two stops", 70],
    ]);

    const { id: templateId } = await therapist.homeworkTemplate.fromStarter({ starterKey: "exposure_practice" });
    const { occurrenceIds } = await assignExercise(therapist, client, cast, templateId, { title: "Facing a step" });
    await client.exercise.send({ occurrenceId: occurrenceIds[0]!, answers: { step: low, anxiety_before: 40, anxiety_peak: 60, anxiety_after: 20, minutes: 15 } });
    const progress = await client.exercise.ladder({ engagementId });
    expect(progress.find((step) => step.id === low)!.practices).toMatchObject([{ before: 40, peak: 60, after: 20 }]);

    // Removing a step keeps the entry that named it.
    await therapist.exercise.removeStep({ stepId: low });
    expect((await client.exercise.ladder({ engagementId })).map((step) => step.id)).not.toContain(low);
    expect((await therapist.exercise.entry({ occurrenceId: occurrenceIds[0]! })).answers).toMatchObject({ step: low });
  });
});

describe("the brief's line", () => {
  it("counts the exercises sent since the last session and says how the belief moved", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const since = freezeClockForTests();
    const { id: templateId } = await therapist.homeworkTemplate.fromStarter({ starterKey: "thought_record" });
    const { occurrenceIds } = await assignExercise(therapist, client, cast, templateId, { title: "Thought record" });
    advanceClockForTests(60_000);
    await client.exercise.send({
      occurrenceId: occurrenceIds[0]!,
      answers: { situation: "A meeting", thought: "I'll say something stupid", belief_before: 90, belief_after: 50 },
    });
    advanceClockForTests(60_000);
    await client.exercise.send({
      occurrenceId: occurrenceIds[1]!,
      answers: { situation: "A phone call", thought: "They're annoyed with me", belief_before: 70, belief_after: 40 },
    });
    const brief = await exerciseBrief(db, cast.engagement.id, since, advanceClockForTests(60_000));
    expect(brief.map((line) => line.line)).toEqual(["Thought record: 2 done; belief fell from 80 to 45 on average"]);
    // Entries sent before the window are not counted (the cast's seeded one was sent yesterday).
    expect(brief[0]!.count).toBe(2);
  });
});

describe("at rest", () => {
  it("keeps answers, drafts, ladder steps and form labels out of a database dump", async () => {
    const cast = await seedCast(db);
    const { client, therapist } = await pair(cast);
    const canary = (what: string) => `CANARY-exercise-${what}-${randomUUID()}`;
    const [label, answer, draft, step] = [canary("label"), canary("answer"), canary("draft"), canary("step")];
    await therapist.homeworkTemplate.saveForm({ templateId: cast.exercise.templateId, form: { fields: [{ key: "situation", type: "short_text", label, isRequired: true }] } });
    const { id: stepId } = await client.exercise.addStep({ engagementId: cast.engagement.id, text: step, expectedAnxiety: 30 });
    await client.exercise.send({ occurrenceId: cast.exercise.openOccurrence.id, answers: { situation: answer, step: stepId } });
    const { occurrenceIds } = await assignExercise(therapist, client, cast, cast.exercise.templateId, { days: 1, open: 1 });
    await client.exercise.saveDraft({ occurrenceId: occurrenceIds[0]!, answers: { situation: draft } });

    const dump = await dumpDatabase(requireDatabaseUrl());
    for (const value of [label, answer, draft, step]) expect(dump.text).not.toContain(value);
    // Still readable through the app by the people who may.
    expect(JSON.stringify(await client.exercise.entry({ occurrenceId: occurrenceIds[0]! }))).toContain(draft);
    expect(JSON.stringify(await therapist.exercise.entry({ occurrenceId: occurrenceIds[0]! }))).toContain(label);
    expect(JSON.stringify(await therapist.exercise.entries({ assignmentId: cast.exercise.assignment.id }))).toContain(answer);
  });
});
