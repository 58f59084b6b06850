// `npm run worker`: the background worker alone (reminders, e-mails), against
// DATABASE_URL (the queue itself on DATABASE_DIRECT_URL when set). Run as many as you like next to app instances started with
// RUN_WORKER=false; graphile-worker shares the jobs out and runs each
// minute's reminder tick once. Stops gracefully on SIGTERM/SIGINT: jobs in
// flight finish, jobs not started stay queued for the next worker.
import { getEnv, requireDirectDatabaseUrl, setEnvForChildren } from "../server/env";
import { applyMigrations } from "../server/db/migrate";
import { startWorker } from "../server/jobs/worker";
import { localAuthSecret } from "./lib/local-secrets";
import { mailSetupFromEnv, mailSetupRefusal } from "../server/mail/setup";

const env = getEnv();
const log = (line: string) => console.log(`[alliance] ${line}`);
// It sends the e-mails: the same rule as `npm start` (server/mail/setup.ts).
const mailRefusal = mailSetupRefusal(mailSetupFromEnv(env));
if (mailRefusal) {
  console.error(`[alliance] ${mailRefusal}`);
  process.exit(1);
}
// The queue LISTENs and holds locks, and migrations take an advisory lock:
// neither survives a transaction-mode pooler. Tasks' queries use Prisma on DATABASE_URL.
const directUrl = requireDirectDatabaseUrl();

// Unsubscribe links are signed with NEXTAUTH_SECRET: the worker needs the
// same one as the app. A local install shares the one in .data/.
if (!env.NEXTAUTH_SECRET) {
  if (env.NODE_ENV === "production") throw new Error("Set NEXTAUTH_SECRET (see .env.example): e-mails carry signed links.");
  setEnvForChildren({ NEXTAUTH_SECRET: localAuthSecret(), NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}` });
}

// The queue's tables come with our migrations; a worker may start first.
await applyMigrations(directUrl, { log });
const runner = await startWorker({ connectionString: directUrl });
log(`worker running (${getEnv().SMTP_URL ? "sending through SMTP_URL" : `e-mails written to ${getEnv().MAIL_OUTBOX_DIR}`})`);

let isStopping = false;
async function stop(signal: string) {
  if (isStopping) return;
  isStopping = true;
  log(`${signal}: stopping the worker once running jobs finish…`);
  await runner.stop();
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
await runner.promise;
process.exit(0);
