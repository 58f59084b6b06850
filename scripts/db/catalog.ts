// A normalised snapshot of a database's structure (enums, columns,
// constraints, indexes), for comparing two databases in the drift test.
// Only what Prisma's schema can express is compared: triggers and functions
// that migrations add by hand (e.g. the append-only audit trigger) are not.
import pg from "pg";

export type TCatalog = Record<"enums" | "columns" | "constraints" | "indexes", string[]>;

const QUERIES: Record<keyof TCatalog, string> = {
  enums: `
    SELECT t.typname || ': ' || string_agg(e.enumlabel, ', ' ORDER BY e.enumsortorder) AS line
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
    JOIN pg_namespace n ON n.oid = t.typnamespace
    WHERE n.nspname = 'public' GROUP BY t.typname`,
  columns: `
    SELECT table_name || '.' || column_name || ' ' || udt_name
      || coalesce('(' || character_maximum_length || ')', '')
      || CASE WHEN is_nullable = 'NO' THEN ' NOT NULL' ELSE '' END
      || coalesce(' DEFAULT ' || column_default, '') AS line
    FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
  constraints: `
    SELECT c.conrelid::regclass::text || ' ' || c.conname || ' ' || pg_get_constraintdef(c.oid) AS line
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.conrelid <> 0
      AND c.conrelid::regclass::text <> '_prisma_migrations'`,
  indexes: `
    SELECT indexdef AS line FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
};

export async function readCatalog(connectionString: string): Promise<TCatalog> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const entries = await Promise.all(
      (Object.keys(QUERIES) as (keyof TCatalog)[]).map(async (key) => {
        const { rows } = await client.query<{ line: string }>(QUERIES[key]);
        return [key, rows.map((row) => row.line).sort()] as const;
      }),
    );
    return Object.fromEntries(entries) as TCatalog;
  } finally {
    await client.end();
  }
}

/** Lines present in one catalog and not the other, labelled by side. */
export function diffCatalogs(migrated: TCatalog, expected: TCatalog): string[] {
  const differences: string[] = [];
  for (const key of Object.keys(expected) as (keyof TCatalog)[]) {
    const have = new Set(migrated[key]);
    const want = new Set(expected[key]);
    for (const line of want) if (!have.has(line)) differences.push(`missing from migrations: ${line}`);
    for (const line of have) if (!want.has(line)) differences.push(`not in schema.prisma: ${line}`);
  }
  return differences;
}
