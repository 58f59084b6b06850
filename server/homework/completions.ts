// What the client did with one occurrence, and the therapist's reply.
//
// INVARIANTS
// - Only the engagement's client records a completion; one per occurrence
//   (a unique index), so a double submit or a retry records it once.
// - Only the engagement's therapist replies, and only to something recorded.
// - Nothing is recorded on cancelled homework or ended engagements.
// - Recording (or skipping) tells the therapist, and a reply tells the
//   client, in the same transaction as the write (server/notifications).
//   The notice names the person, never what they wrote.
import { placeMemo } from "../voice/memos";
import { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import { AppError } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import type { TCompleteOccurrence } from "../../lib/schemas/homework";
import { dbToLocalDate } from "../../lib/homework/schedule";
import { localDay } from "../../lib/time/zones";
import type { TOccurrenceContext } from "./access";
import { now as clockNow } from "../clock";
import { notify } from "../notifications/notify";

export const COMPLETION_SELECT = {
  id: true,
  occurrenceId: true,
  status: true,
  response: true,
  difficulty: true,
  helpfulness: true,
  obstacle: true,
  completedAt: true,
  feedback: true,
  feedbackAt: true,
} as const;

type TStoredCompletion = Prisma.HomeworkCompletionGetPayload<{ select: typeof COMPLETION_SELECT }>;

/** A completion as people read it: the reflection, obstacle and reply opened. */
export function openCompletion({ occurrenceId, ...row }: TStoredCompletion) {
  const owner = { occurrenceId };
  return {
    ...row,
    response: openField("completionResponse", owner, row.response),
    obstacle: openField("completionObstacle", owner, row.obstacle),
    feedback: openField("completionFeedback", owner, row.feedback),
  };
}

function scale(value: number | "" | undefined): number | null {
  return value === "" || value === undefined ? null : value;
}

export async function completeOccurrence(
  db: TDb,
  client: TSessionUser,
  occurrence: TOccurrenceContext,
  input: TCompleteOccurrence,
  now = clockNow(),
) {
  if (occurrence.assignment.status !== "active") {
    throw new AppError("BAD_REQUEST", "This homework was cancelled, so there's nothing to record.");
  }
  if (dbToLocalDate(occurrence.opensOn) > localDay(now, client.timeZone)) {
    throw new AppError("BAD_REQUEST", "This one isn't open yet. It will be ready on its day.");
  }
  // An exercise is recorded by sending it (server/exercises/entries.ts); a day can still be skipped here.
  if (occurrence.assignment.formId && input.status !== "skipped") {
    throw new AppError("BAD_REQUEST", "Fill in the exercise to record this day, or say what got in the way.");
  }
  const owner = { occurrenceId: occurrence.id };
  return db.$transaction(async (tx) => {
    // One per day: a retry inserts nothing (ON CONFLICT DO NOTHING), tells no one again, and reads the first.
    const inserted = await tx.homeworkCompletion.createMany({
      data: [
        {
          occurrenceId: occurrence.id,
          clientId: client.id,
          status: input.status,
          response: sealField("completionResponse", owner, input.response),
          difficulty: scale(input.difficulty),
          helpfulness: scale(input.helpfulness),
          obstacle: sealField("completionObstacle", owner, input.status === "done" ? "" : input.obstacle),
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 1 && input.voiceMemoId) await placeMemo(tx, client, input.voiceMemoId, { occurrenceId: occurrence.id });
    const { therapistId } = occurrence.assignment.engagement;
    if (inserted.count === 1 && therapistId) {
      await notify(tx, {
        userId: therapistId,
        kind: "homework_recorded",
        title: input.status === "skipped" ? `${client.name} skipped a homework day` : `${client.name} recorded homework`,
        linkPath: `/homework/${occurrence.assignment.id}`,
        engagementId: occurrence.assignment.engagement.id,
      });
    }
    return openCompletion(await tx.homeworkCompletion.findUniqueOrThrow({ where: { occurrenceId: occurrence.id }, select: COMPLETION_SELECT }));
  });
}

export async function replyToCompletion(db: TDb, therapist: TSessionUser, occurrence: TOccurrenceContext, feedback: string) {
  if (!occurrence.completion) throw new AppError("BAD_REQUEST", "There's nothing to reply to yet.");
  const completionId = occurrence.completion.id;
  const updated = await db.$transaction(async (tx) => {
    const row = await tx.homeworkCompletion.update({
      where: { id: completionId },
      data: { feedback: sealField("completionFeedback", { occurrenceId: occurrence.id }, feedback), feedbackById: therapist.id, feedbackAt: clockNow() },
      select: COMPLETION_SELECT,
    });
    const { clientId } = occurrence.assignment.engagement;
    if (clientId) {
      await notify(tx, {
        userId: clientId,
        kind: "homework_reply",
        title: `${therapist.name} replied about your homework`,
        linkPath: `/homework/${occurrence.assignment.id}`,
        engagementId: occurrence.assignment.engagement.id,
      });
    }
    return row;
  });
  return openCompletion(updated);
}
