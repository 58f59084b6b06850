// `npm run audit:archive [-- --before YYYY-MM]`: moves audit events older than
// the retention period (AUDIT_RETENTION_MONTHS, default 72: six years) out of
// the database in use into one gzip JSON-lines file per month under
// backups/audit/ (server/audit/archive.ts). Keep those files as you keep
// backups. Safe to run while the app runs, and again: each month goes once.
import path from "node:path";
import pg from "pg";
import { getEnv } from "../server/env";
import { now } from "../server/clock";
import { archiveAuditEvents, retentionCutoff } from "../server/audit/archive";
import { DEFAULT_BACKUP_DIR } from "../server/backup/backup";
import { databaseInUse } from "./lib/database";
import { exitOnDatabaseStartError } from "./lib/process";
import { formatCount } from "./lib/format";

const log = (line: string) => console.log(`[audit:archive] ${line}`);
const beforeArgument = process.argv.slice(2).find((arg) => arg.startsWith("--before="))?.slice("--before=".length);
if (beforeArgument !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(beforeArgument)) {
  console.error(`[audit:archive] --before takes a month like 2020-01, not "${beforeArgument}".`);
  process.exit(2);
}
const before = beforeArgument ? new Date(`${beforeArgument}-01T00:00:00.000Z`) : retentionCutoff(now(), getEnv().AUDIT_RETENTION_MONTHS);
const retentionStart = retentionCutoff(now(), getEnv().AUDIT_RETENTION_MONTHS);
if (before > retentionStart) {
  console.error(`[audit:archive] Events from ${retentionStart.toISOString().slice(0, 7)} on are within the retention period (AUDIT_RETENTION_MONTHS); choose an earlier month.`);
  process.exit(2);
}

const database = await databaseInUse().catch(exitOnDatabaseStartError);
const client = new pg.Client({ connectionString: database.directUrl });
try {
  await client.connect();
  const months = await archiveAuditEvents(client, { before, dir: path.join(DEFAULT_BACKUP_DIR, "audit"), log });
  const total = months.reduce((sum, month) => sum + month.events, 0);
  log(months.length ? `done: ${formatCount(total, "event")} in ${formatCount(months.length, "month")}.` : `nothing before ${before.toISOString().slice(0, 7)} in ${database.description}.`);
} catch (error) {
  console.error(`[audit:archive] ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end().catch(() => undefined);
  await database.server?.stop();
}
