// The worker's database, for integration tests. One client per test file.
import { afterAll } from "vitest";
import { createDb, type TDb } from "@/server/db/client";
import { requireDatabaseUrl } from "@/server/env";

export function connectTestDb(): TDb {
  const db = createDb(requireDatabaseUrl());
  afterAll(() => db.$disconnect());
  return db;
}

// Bookkeeping tables that may legitimately change on a refused request.
const NOT_CLINICAL = new Set(["_prisma_migrations", "audit_events", "auth_throttles", "auth_sessions", "known_devices"]);

/**
 * How a table's row is digested, where the whole row as text would be
 * megabytes: a voice memo's chunk by its key and an md5 of its bytes (a
 * changed byte still changes the digest), not as hex text sorted with every
 * other chunk of every memo the worker's database holds.
 */
const ROW_DIGESTS: Record<string, string> = {
  voice_memo_chunks: "x.memo_id::text || ':' || x.idx::text || ':' || md5(x.data)",
};

/**
 * Row counts plus a digest of every row of every clinical table: two equal
 * snapshots mean a refused request changed nothing, not even an update.
 */
export async function snapshotDatabase(db: TDb): Promise<Record<string, string>> {
  const tables = (
    await db.$queryRaw<{ tablename: string }[]>`
      SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`
  )
    .map((row) => row.tablename)
    .filter((table) => !NOT_CLINICAL.has(table));
  const sql = tables
    .map(
      (table) =>
        `SELECT '${table}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(${ROW_DIGESTS[table] ?? "x::text"}, '|' ORDER BY ${ROW_DIGESTS[table] ?? "x::text"})), '') AS v FROM "${table}" x`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; v: string }[]>(sql);
  return Object.fromEntries(rows.map((row) => [row.t, row.v]));
}
