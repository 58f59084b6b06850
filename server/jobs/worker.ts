// The background worker: graphile-worker running our tasks, and its cron
// starting `reminders_tick` every minute.
//
// Invariants:
// - Any number of workers may run (in `npm start`'s process, as
//   `npm run worker`, on several machines): graphile-worker hands each job to
//   one worker at a time (row locks, SKIP LOCKED) and its cron schedules each
//   minute's tick once across all of them (known_crontabs).
// - Jobs live in Postgres until they succeed: a worker stopped or killed
//   mid-way loses nothing; the job runs again on the next worker (at once
//   after a graceful stop, after graphile-worker's lock timeout after a crash).
// - Failures retry with graphile-worker's exponential backoff, up to each
//   job's max_attempts (REMINDER_MAX_ATTEMPTS for reminder e-mails).
// - Logs carry task names and job ids, never payload contents.
import { EventEmitter } from "node:events";
import pg from "pg";
import {
  Logger,
  parseCrontab,
  run,
  runOnce,
  type LogFunctionFactory,
  type Runner,
  type TaskList,
  type WorkerEvents,
} from "graphile-worker";
import { notificationEmail } from "./tasks/notification-email";
import { reminderEmail } from "./tasks/reminder-email";
import { remindersTick } from "./tasks/reminders-tick";
import { invitationEmail } from "./tasks/invitation-email";
import { practiceInvitationEmail } from "./tasks/practice-invitation-email";
import { messageEmail } from "./tasks/message-email";
import { voiceMemoObjectDelete } from "./tasks/voice-memo-object-delete";
import { pushNotification } from "./tasks/push-notification";
import type { TJobName } from "./queue";
import { getEnv } from "../env";
import { getLogger } from "../log";

export const TASKS = {
  notification_email: notificationEmail,
  reminders_tick: remindersTick,
  reminder_email: reminderEmail,
  invitation_email: invitationEmail,
  practice_invitation_email: practiceInvitationEmail,
  voice_memo_object_delete: voiceMemoObjectDelete,
  message_email: messageEmail,
  push_notification: pushNotification,
} satisfies Record<TJobName, TaskList[string]>;

/**
 * Every minute. A missed tick is not retried (max=1): the next minute's tick
 * sees everything that is still due.
 */
export const CRONTAB = "* * * * * reminders_tick ?max=1";

export type TWorkerOptions = {
  connectionString: string;
  concurrency?: number;
  /** Without the cron (tests tick by hand on a moved clock). */
  withoutCron?: boolean;
  /** Quiet in tests. */
  isSilent?: boolean;
};

type TJobMeta = { id?: unknown; task_identifier?: unknown; attempts?: unknown; max_attempts?: unknown };

/**
 * graphile-worker's log lines on the process logger. Its messages quote
 * errors (a failed job's message and stack, which can hold a job's data), so
 * a failure becomes fields (job id, task, attempt, the error's name, code and
 * frames) and any other message loses the text of the error it carries.
 * Debug lines are dropped: they can print job payloads.
 */
export function workerLogger(isSilent = false): Logger {
  const factory: LogFunctionFactory = (scope) => (level, message, meta) => {
    if (isSilent || level === "debug") return;
    const log = getLogger();
    const method = level === "error" ? log.error.bind(log) : level === "warning" ? log.warn.bind(log) : log.info.bind(log);
    const fields = { component: "worker", workerId: scope.workerId, task: scope.taskIdentifier, jobId: scope.jobId };
    const error = meta?.error;
    if (meta?.failure && meta.job) {
      const job = meta.job as TJobMeta;
      method(
        { ...fields, jobId: job.id, task: job.task_identifier, attempt: job.attempts, maxAttempts: job.max_attempts, durationMs: meta.duration, err: error },
        "job failed",
      );
      return;
    }
    method({ ...fields, err: error }, withoutErrorText(message, error));
  };
  return new Logger(factory);
}

function withoutErrorText(message: string, error: unknown): string {
  if (typeof error !== "object" || error === null) return message;
  let text = message;
  for (const part of [(error as Error).stack, (error as Error).message]) {
    if (typeof part === "string" && part) text = text.split(part).join("…");
  }
  return text;
}

export type TWorker = {
  /** Settles when the worker has stopped. */
  promise: Promise<void>;
  /**
   * Graceful stop: no new jobs, running ones finish, then any job still
   * locked by this worker is unlocked for the next one.
   */
  stop: () => Promise<void>;
};

/**
 * A job's outcome (completed, or failed with its error and next retry) is
 * written through graphile-worker's batcher, even with no delay: without it
 * (its default, -1) the outcome's query is started and not awaited, so a pool
 * that ends right after its last job (runOnce, a graceful stop) can end before
 * the query runs, leaving that job locked, its attempt counted and its error
 * unrecorded, for graphile-worker's 4-hour stale-lock timeout. The batcher is
 * flushed before the pool resolves. Seen as a flaky invitation-mail test:
 * attempts 1, last_error null, right after runOnce.
 */
const OUTCOMES_FLUSHED = { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } } as const;

/** Starts a worker that runs until stop(); it installs no signal handlers (callers own shutdown). */
export async function startWorker(options: TWorkerOptions): Promise<TWorker> {
  const events = new EventEmitter() as WorkerEvents;
  const poolIds: string[] = [];
  events.on("pool:create", ({ workerPool }) => poolIds.push(workerPool.id));
  const runner: Runner = await run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? getEnv().WORKER_CONCURRENCY,
    noHandleSignals: true,
    pollInterval: 2000,
    taskList: TASKS,
    preset: OUTCOMES_FLUSHED,
    parsedCronItems: options.withoutCron ? [] : parseCrontab(CRONTAB),
    logger: workerLogger(options.isSilent),
    events,
  });
  let stopping: Promise<void> | undefined;
  return {
    promise: runner.promise,
    stop: () => {
      stopping ??= (async () => {
        await runner.stop();
        await unlockJobsOf(options.connectionString, poolIds);
      })();
      return stopping;
    },
  };
}

/**
 * Measured with graphile-worker 0.18: a job fetched in the instant a graceful
 * stop begins can stay locked by the stopped pool, and would then wait for
 * graphile-worker's 4-hour stale-lock timeout. The pool runs nothing any more,
 * so releasing its locks is safe, and the next worker takes the job at once.
 */
async function unlockJobsOf(connectionString: string, poolIds: string[]): Promise<void> {
  if (poolIds.length === 0) return;
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT graphile_worker.force_unlock_workers($1::text[])", [poolIds]);
  } finally {
    await client.end();
  }
}

/** Runs every job that is ready now, then returns (tests, and one-off catch-ups). */
export function runJobsOnce(options: Pick<TWorkerOptions, "connectionString" | "isSilent">): Promise<void> {
  return runOnce({
    connectionString: options.connectionString,
    taskList: TASKS,
    preset: OUTCOMES_FLUSHED,
    logger: workerLogger(options.isSilent),
  });
}
