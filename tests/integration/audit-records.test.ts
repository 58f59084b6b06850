// Audit events name the record they are about, not its parent
// (server/api/resources.ts): a goal's step, a rating, a reply to a homework
// day, an agenda item, a session note, an exercise entry, a ladder step.
// The engagement and its client come from the loaded record, whoever acts.
import { describe, expect, it } from "vitest";
import { callerFor, seedCast } from "../factories";
import { connectTestDb } from "../support/db";

const db = connectTestDb();

async function lastEvent(actorId: string) {
  return db.auditEvent.findFirstOrThrow({
    where: { actorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { action: true, recordType: true, recordId: true, engagementId: true, clientId: true },
  });
}

describe("audit events", () => {
  it("name the step, the rating, the reply, the agenda item and the note themselves", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const where = { engagementId: cast.engagement.id, clientId: cast.client.id };

    const step = await client.goal.addStep({ goalId: cast.goal.id, text: "Walk after lunch" });
    expect(await lastEvent(cast.client.id)).toEqual({ action: "create", recordType: "goal_step", recordId: step.id, ...where });

    await therapist.goal.setStepDone({ goalId: cast.goal.id, stepId: step.id, isDone: true });
    expect(await lastEvent(cast.therapist.id)).toEqual({ action: "update", recordType: "goal_step", recordId: step.id, ...where });

    const rating = await therapist.goal.rate({ goalId: cast.goal.id, value: 6 });
    expect(await lastEvent(cast.therapist.id)).toEqual({ action: "create", recordType: "goal_rating", recordId: rating.id, ...where });

    const completion = await therapist.homework.reply({ occurrenceId: cast.homework.completedOccurrence.id, feedback: "Well noticed." });
    expect(await lastEvent(cast.therapist.id)).toEqual({ action: "update", recordType: "homework_completion", recordId: completion.id, ...where });

    const item = await client.session.addAgendaItem({ sessionId: cast.session.id, text: "Sleep", kind: "topic" });
    expect(await lastEvent(cast.client.id)).toEqual({ action: "create", recordType: "agenda_item", recordId: item.id, ...where });

    const note = await therapist.session.saveNote({ sessionId: cast.session.id, kind: "therapist_private", body: "Tired today." });
    expect(await lastEvent(cast.therapist.id)).toEqual({ action: "update", recordType: "note_therapist_private", recordId: note.id, ...where });
  });

  it("name the exercise entry and the ladder step themselves", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const where = { engagementId: cast.engagement.id, clientId: cast.client.id };
    const occurrenceId = cast.exercise.openOccurrence.id;

    const draft = await client.exercise.saveDraft({ occurrenceId, answers: { situation: "On the" } });
    expect(await lastEvent(cast.client.id)).toEqual({ action: "update", recordType: "exercise_entry", recordId: draft.id, ...where });
    const sent = await client.exercise.send({ occurrenceId, answers: { situation: "On the train" } });
    expect(sent.id).toBe(draft.id);
    expect(await lastEvent(cast.client.id)).toEqual({ action: "create", recordType: "exercise_entry", recordId: sent.id, ...where });
    await therapist.exercise.rateSkill({ occurrenceId, skillRating: 3 });
    expect(await lastEvent(cast.therapist.id)).toEqual({ action: "update", recordType: "exercise_entry", recordId: sent.id, ...where });
    await therapist.exercise.entry({ occurrenceId });
    expect(await lastEvent(cast.therapist.id)).toEqual({ action: "read", recordType: "homework_occurrence", recordId: occurrenceId, ...where });

    const step = await therapist.exercise.addStep({ engagementId: cast.engagement.id, text: "A full lift", expectedAnxiety: 60 });
    expect(await lastEvent(cast.therapist.id)).toEqual({ action: "create", recordType: "ladder_step", recordId: step.id, ...where });
    await client.exercise.updateStep({ stepId: step.id, text: "A full lift, one floor", expectedAnxiety: 50 });
    expect(await lastEvent(cast.client.id)).toEqual({ action: "update", recordType: "ladder_step", recordId: step.id, ...where });
    await client.exercise.removeStep({ stepId: step.id });
    expect(await lastEvent(cast.client.id)).toEqual({ action: "delete", recordType: "ladder_step", recordId: step.id, ...where });
  });
});
