// The job queue: graphile-worker, in Postgres, in its own `graphile_worker`
// schema. Chosen over pg-boss because a job can be added with plain SQL
// inside the same transaction as the change that causes it (a notification,
// a reminder's delivery row), and because a job key replaces or removes a
// pending job atomically. Tasks are in server/jobs/tasks/; the worker is
// server/jobs/worker.ts.
//
// Invariants:
// - Jobs are added through enqueue(), inside the caller's transaction where
//   there is one, so a rolled-back change leaves no job behind.
// - A job's payload holds ids only, never clinical text: payloads sit in a
//   table any operator can read. A secret a job needs (an invitation link's
//   token) waits sealed on its row, never here. The task re-reads everything it needs, with
//   its current state (a cancelled session, a switched-off kind), at run time.
// - Tasks are idempotent: a retry, or a job run twice by a worker that died
//   mid-way, never sends twice (emailed_at claims, server/notifications/emails.ts).
import { Logger, runMigrations } from "graphile-worker";
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";

export type TJobPayloads = {
  /** E-mails a notification whose kind the person gets by e-mail. */
  notification_email: { notificationId: string };
  /** Finds reminders that have come due on the app clock and sends each once. */
  reminders_tick: Record<string, never>;
  /** Sends one due reminder (a ReminderDelivery row with outcome "sent"). */
  reminder_email: { key: string };
  /** E-mails an invitation, or a fresh link to it the invitee asked for (server/invitations/invitation-mail.ts). */
  invitation_email: { invitationId: string; kind: "invitation" | "link" };
  /** E-mails a colleague's invitation to a practice (server/practices/invitations.ts). */
  practice_invitation_email: { invitationId: string };
  /**
   * Removes a deleted voice memo's bytes from the object store. Added by a
   * trigger on voice_memos, never by enqueue() (server/voice/memos.ts).
   */
  voice_memo_object_delete: { memoId: string };
  /**
   * One e-mail for the messages a person has not read in one conversation
   * (sendMessageEmail, server/notifications/emails.ts); its key groups the messages that follow.
   */
  message_email: { userId: string; engagementId: string };
  /** A web push of one notification to the person's devices (server/notifications/push.ts). */
  push_notification: { notificationId: string };
};

export type TJobName = keyof TJobPayloads;

type TEnqueueOptions = {
  /** A pending job with the same key is replaced (its run time too). */
  jobKey?: string;
  /** "preserve_run_at": a pending job with the same key keeps its run time (grouping). */
  jobKeyMode?: "replace" | "preserve_run_at";
  runAt?: Date;
  maxAttempts?: number;
};

/** Adds a job; inside a transaction it exists only if the transaction commits. */
export async function enqueue<TName extends TJobName>(
  db: TDb | Prisma.TransactionClient,
  name: TName,
  payload: TJobPayloads[TName],
  options: TEnqueueOptions = {},
): Promise<void> {
  await db.$executeRaw`
    SELECT graphile_worker.add_job(
      identifier := ${name}::text,
      payload := ${JSON.stringify(payload)}::json,
      run_at := ${options.runAt ?? null}::timestamptz,
      max_attempts := ${options.maxAttempts ?? null}::int,
      job_key := ${options.jobKey ?? null}::text,
      job_key_mode := ${options.jobKeyMode ?? null}::text
    )`;
}

/** Drops a pending job by its key (a no-op when there is none, or it already ran). */
export async function removeJob(db: TDb | Prisma.TransactionClient, jobKey: string): Promise<void> {
  await db.$executeRaw`SELECT graphile_worker.remove_job(${jobKey}::text)`;
}

/** Creates or upgrades the queue's own schema; called wherever our migrations are applied. */
export async function migrateQueue(connectionString: string): Promise<void> {
  await runMigrations({ connectionString, logger: silentLogger() });
}

function silentLogger() {
  // graphile-worker's default logger prints every migration step; ours prints the summary.
  return new Logger(() => () => {});
}
