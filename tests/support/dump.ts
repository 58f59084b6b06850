// Everything a person holding a copy of the database would read: every row
// of every table, as text. Always by reading each row as text (what pg_dump's data section
// is made of); also through the real `pg_dump` when the machine has one that
// can dump this server (pg_dump refuses servers newer than itself, and the
// embedded Postgres ships without it).
import { execFileSync } from "node:child_process";
import pg from "pg";

export type TDatabaseDump = { text: string; tools: string[] };

export async function dumpDatabase(url: string): Promise<TDatabaseDump> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
    );
    const parts: string[] = [];
    for (const { name } of tables) {
      const { rows } = await client.query<{ line: string }>(`SELECT t::text AS line FROM ${name} t`);
      parts.push(`-- ${name}`, ...rows.map((row) => row.line));
    }
    const tools = ["rows as text"];
    const serverMajor = Number((await client.query<{ v: string }>("SELECT current_setting('server_version_num') AS v")).rows[0]!.v.slice(0, -4));
    const pgDump = pgDumpMajor();
    if (pgDump !== null && pgDump >= serverMajor) {
      parts.push(execFileSync("pg_dump", ["--no-owner", url], { maxBuffer: 256 * 1024 * 1024 }).toString("utf8"));
      tools.push("pg_dump");
    }
    return { text: parts.join("\n"), tools };
  } finally {
    await client.end();
  }
}

function pgDumpMajor(): number | null {
  try {
    const version = execFileSync("pg_dump", ["--version"]).toString();
    return Number(/(\d+)\./.exec(version)?.[1] ?? Number.NaN) || null;
  } catch {
    return null;
  }
}
