// The pre-session brief's exercise lines (issue 23): the session page says,
// per exercise, how many were sent since the previous completed session and
// how a before/after pair moved, for the therapist and the client alike;
// drafts and entries from before that session are not counted, and the page
// reads them in one statement however many there are.
import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/time/days";
import { localDay } from "@/lib/time/zones";
import { callerFor, seedSession, seedWorkingPair } from "../factories";
import { connectTestDb } from "../support/db";
import { connectCountingDb } from "../support/statement-counter";

const db = connectTestDb();
const counting = connectCountingDb();

const DAY_MS = 86_400_000;

/** A pair of their own (no other exercise in the window), a session two days ahead and one held two days ago. */
async function thoughtRecords(days: number) {
  const pair = await seedWorkingPair(db, { therapist: "Tomas Therapist", client: "Clara Client" });
  const cast = {
    ...pair,
    session: await seedSession(db, pair.engagement, { hoursFromNow: 48 }),
    completedSession: await seedSession(db, pair.engagement, { hoursFromNow: -48, status: "completed" }),
  };
  const therapist = await callerFor(db, cast.therapist);
  const client = await callerFor(db, cast.client);
  const template = await therapist.homeworkTemplate.fromStarter({ starterKey: "thought_record" });
  const { id: assignmentId } = await therapist.homework.assign({
    engagementId: cast.engagement.id,
    templateId: template.id,
    title: "Thought record",
    instructions: "When your mood shifts, jot it down.",
    kind: "worksheet",
    schedule: "daily",
    startsOn: addDays(localDay(new Date(), "Europe/London"), -(days - 1)),
    days,
  });
  const { occurrences } = await therapist.homework.byId({ assignmentId });
  const send = (index: number, before: number, after: number) =>
    client.exercise.send({
      occurrenceId: occurrences[index]!.id,
      answers: { situation: "A meeting ran over", thought: "They think I'm slow", belief_before: before, belief_after: after, emotions: [{ emotion: "Dread", intensity: 70 }] },
    });
  return { cast, therapist, client, assignmentId, occurrences, send };
}

describe("the session brief's exercise lines", () => {
  it("counts what was sent since the last completed session, for both of them, each line leading to the entries", async () => {
    const { cast, therapist, client, assignmentId, occurrences, send } = await thoughtRecords(4);
    await send(0, 90, 70);
    await send(1, 80, 40);
    await send(2, 80, 50);
    // Sent before the last completed session (two days ago): that session's business, not this one's.
    await db.exerciseEntry.update({ where: { occurrenceId: occurrences[0]!.id }, data: { sentAt: new Date(Date.now() - 4 * DAY_MS) } });
    // A draft is the client's alone.
    await client.exercise.saveDraft({ occurrenceId: occurrences[3]!.id, answers: { belief_before: 10, belief_after: 100 } });

    const line = { assignmentId, line: "Thought record: 2 done; belief fell from 80 to 45 on average" };
    expect((await therapist.session.byId({ sessionId: cast.session.id })).exercisesSinceLastSession).toEqual([line]);
    expect((await client.session.byId({ sessionId: cast.session.id })).exercisesSinceLastSession).toEqual([line]);
    // The completed session's own window ends at its start, and began with the work.
    expect((await therapist.session.byId({ sessionId: cast.completedSession.id })).exercisesSinceLastSession).toEqual([
      { assignmentId, line: "Thought record: 1 done; belief fell from 90 to 70 on average" },
    ]);
  });

  it("reads the lines in the same statements with one entry or many", async () => {
    const few = await thoughtRecords(2);
    await few.send(0, 60, 30);
    const many = await thoughtRecords(12);
    for (let index = 0; index < 12; index += 1) await many.send(index, 70, 20 + index);

    const count = async (cast: typeof few.cast) => {
      const therapist = await callerFor(counting.db, cast.therapist);
      return counting.countStatements(() => therapist.session.byId({ sessionId: cast.session.id }));
    };
    const [small, large] = [await count(few.cast), await count(many.cast)];
    expect(large).toBe(small);
    expect((await many.therapist.session.byId({ sessionId: many.cast.session.id })).exercisesSinceLastSession[0]!.line).toMatch(/^Thought record: 12 done; /);
  });
});
