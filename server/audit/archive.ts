// Audit retention: audit events grow fastest of all tables (every read of a
// record writes one), so events older than the retention period
// (AUDIT_RETENTION_MONTHS, default six years) move out of the database into
// one file per month, `npm run audit:archive` (scripts/audit-archive.ts).
//
// Invariants:
// - Whole months only, oldest first; a month is removed only after its file
//   is complete on disk (written as `.partial`, synced, renamed) and holds
//   exactly the events the removal then finds.
// - The removal is the append-only trigger's one exception (migration
//   20261202151154): a transaction that names the cut-off may delete events
//   older than it, nothing else; UPDATE stays refused. The archive records
//   itself as an audit event in the same transaction.
// - Files are gzip of JSON lines, one event per line, as stored (ids, kinds,
//   times; never clinical text, which audit events do not hold).
import { createWriteStream } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import path from "node:path";
import { once } from "node:events";
import { createGzip } from "node:zlib";
import type pg from "pg";
import { now as clockNow } from "../clock";

const BATCH = 10_000;

export type TArchivedMonth = { month: string; file: string; events: number };

/** The first instant of the month `months` before the month of `now` (UTC). */
export function retentionCutoff(now: Date, months: number): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - months, 1));
}

type TEventRow = { id: string; created_at: Date } & Record<string, unknown>;

export async function archiveAuditEvents(
  client: pg.Client,
  options: { before: Date; dir: string; log?: (line: string) => void; now?: Date },
): Promise<TArchivedMonth[]> {
  const { before } = options;
  if (before.getUTCDate() !== 1 || before.getUTCHours() + before.getUTCMinutes() + before.getUTCSeconds() + before.getUTCMilliseconds() !== 0) {
    throw new Error("The cut-off must be the first instant of a month (UTC).");
  }
  const { rows: months } = await client.query<{ month: Date }>(
    `SELECT date_trunc('month', created_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS month
     FROM audit_events WHERE created_at < $1 GROUP BY 1 ORDER BY 1`,
    [before],
  );
  await mkdir(options.dir, { recursive: true });
  const archived: TArchivedMonth[] = [];
  for (const { month: from } of months) {
    const to = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + 1, 1));
    const label = from.toISOString().slice(0, 7);
    const file = path.join(options.dir, `audit-events-${label}.jsonl.gz`);
    const events = await writeMonth(client, from, to, file);
    await removeMonth(client, from, to, events, options.now ?? clockNow());
    options.log?.(`archived ${events} audit events of ${label} to ${file}`);
    archived.push({ month: label, file, events });
  }
  return archived;
}

/** Streams the month's events, in time order, to `file`; returns how many. */
async function writeMonth(client: pg.Client, from: Date, to: Date, file: string): Promise<number> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const output = createWriteStream(partial, { mode: 0o600 });
  gzip.pipe(output);
  let count = 0;
  try {
    let after: { createdAt: Date; id: string } | null = null;
    for (;;) {
      const result: pg.QueryResult<TEventRow> = await client.query<TEventRow>(
        `SELECT * FROM audit_events
         WHERE created_at >= $1 AND created_at < $2 AND ($3::timestamptz IS NULL OR (created_at, id) > ($3::timestamptz, $4::uuid))
         ORDER BY created_at, id LIMIT ${BATCH}`,
        [from, to, after?.createdAt ?? null, after?.id ?? null],
      );
      const rows = result.rows;
      for (const row of rows) {
        if (!gzip.write(`${JSON.stringify(row)}\n`)) await once(gzip, "drain");
      }
      count += rows.length;
      if (rows.length < BATCH) break;
      const last: TEventRow = rows[rows.length - 1];
      after = { createdAt: last.created_at, id: last.id };
    }
    gzip.end();
    await once(output, "close");
    const handle = await open(partial, "r");
    await handle.sync();
    await handle.close();
    await rename(partial, file);
    return count;
  } catch (error) {
    gzip.destroy();
    output.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Removes the month's events, if they are exactly the `expected` ones written, and records the archive. */
async function removeMonth(client: pg.Client, from: Date, to: Date, expected: number, now: Date): Promise<void> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT set_config('alliance.audit_archive_before', $1, true)", [to.toISOString()]);
    const removed = await client.query("DELETE FROM audit_events WHERE created_at >= $1 AND created_at < $2", [from, to]);
    if (removed.rowCount !== expected) {
      throw new Error(`The month changed while it was archived (${expected} written, ${removed.rowCount} found); nothing was removed.`);
    }
    await client.query(
      `INSERT INTO audit_events (id, actor_id, actor_role, record_type, action, created_at)
       VALUES (gen_random_uuid(), NULL, NULL, 'audit_events', 'archive', $1)`,
      [now],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}
