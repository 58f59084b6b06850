// `npm run backup` / `npm run restore`: the demo practice goes into a file and
// back into a new database unchanged, in every format this machine can make
// (always the built-in one; pg_dump's too when a pg_dump fit for the server is
// installed), and a restore into a database that holds rows is refused
// without changing it.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "@/prisma/seed/demo";
import { seedStarterTemplates } from "@/prisma/seed/starter-templates";
import { createBackup, restoreBackup, type TBackupFormat } from "@/server/backup/backup";
import { findPgTools } from "@/server/backup/pg-dump-format";
import { isSealed } from "@/server/crypto/sealed-text";
import { createDb } from "@/server/db/client";
import { ensureDatabase } from "@/server/db/provision";

const execFileAsync = promisify(execFile);
const serverUrl = inject("databaseServerUrl");
const prefix = inject("databasePrefix");
const template = inject("templateDatabase");
const SLOW = 180_000;

let counter = 0;
/** A new database on the test server: blank (no tables) or migrated (a copy of the migrated template). */
async function newDatabase(label: string, kind: "blank" | "migrated"): Promise<string> {
  counter += 1;
  const name = `${prefix}bk_${label}_${process.env.VITEST_POOL_ID ?? 0}_${counter}`;
  return ensureDatabase(serverUrl, name, kind === "migrated" ? template : undefined);
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

type TContents = { counts: Record<string, number>; digests: Record<string, string>; migrations: string[] };

/** Row count and a digest of every row, per table of the app schema; the applied migrations by name. */
async function contents(url: string): Promise<TContents> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query<{ name: string }>(
      "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1",
    );
    const counts: Record<string, number> = {};
    const digests: Record<string, string> = {};
    for (const { name } of tables) {
      const { rows } = await client.query<{ n: number; digest: string }>(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS digest FROM ${client.escapeIdentifier(name)} x`,
      );
      counts[name] = rows[0]!.n;
      digests[name] = rows[0]!.digest;
    }
    const { rows: migrations } = await client.query<{ name: string }>(
      `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`,
    );
    return { counts, digests, migrations: migrations.map((row) => row.name) };
  });
}

async function journalBodies(url: string): Promise<{ id: string; body: string }[]> {
  return withClient(url, async (client) => (await client.query("SELECT id, body FROM journal_entries ORDER BY id")).rows);
}

async function tableCount(url: string): Promise<number> {
  return withClient(url, async (client) => (await client.query("SELECT 1 FROM pg_tables WHERE schemaname = 'public'")).rowCount ?? 0);
}

let dir = "";
let source = "";
let sourceContents: TContents;
const formats: TBackupFormat[] = ["builtin"];
const ran: TBackupFormat[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "alliance-backup-test-"));
  source = await newDatabase("source", "migrated");
  const db = createDb(source);
  try {
    await seedStarterTemplates(db);
    expect((await seedDemo(db)).seeded).toBe(true);
  } finally {
    await db.$disconnect();
  }
  sourceContents = await contents(source);
  const major = await withClient(source, async (client) =>
    Math.floor(Number((await client.query("SHOW server_version_num")).rows[0].server_version_num) / 10_000),
  );
  if (await findPgTools(major)) formats.push("pg_dump");
}, SLOW);

describe("backup and restore", () => {
  it(
    "round-trip the demo practice in every available format, and refuse to restore over rows",
    async () => {
      expect(Object.values(sourceContents.counts).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(100);
      const sealedBodies = await journalBodies(source);
      expect(sealedBodies.length).toBeGreaterThan(0);
      expect(sealedBodies.every((row) => isSealed(row.body))).toBe(true);
      // Messages between sessions come along too, sealed (their rows are in the digests compared below).
      const messageBodies = await withClient(source, async (client) => (await client.query<{ body: string }>("SELECT body FROM messages")).rows);
      expect(messageBodies.length).toBeGreaterThan(0);
      expect(messageBodies.every((row) => isSealed(row.body))).toBe(true);
      expect(sourceContents.counts.conversations).toBeGreaterThan(0);
      expect(sourceContents.counts.conversation_reads).toBeGreaterThan(0);

      for (const format of formats) {
        const backup = await createBackup({ databaseUrl: source, file: path.join(dir, `demo.${format}`), format });
        expect(backup).toMatchObject({ format, rows: Object.values(sourceContents.counts).reduce((sum, count) => sum + count, 0) });
        expect(existsSync(`${backup.file}.partial`)).toBe(false);
        await expect(createBackup({ databaseUrl: source, file: backup.file, format })).rejects.toThrow(/already exists/);

        const target = await newDatabase(`target_${format}`, "blank");
        const restored = await restoreBackup({ databaseUrl: target, file: backup.file });
        expect(restored).toMatchObject({ format, rows: backup.rows });
        const targetContents = await contents(target);
        expect(targetContents.counts).toEqual(sourceContents.counts);
        // Every row the same, down to the sealed text (still sealed, byte for byte).
        expect(targetContents.digests).toEqual(sourceContents.digests);
        expect(targetContents.migrations).toEqual(sourceContents.migrations);
        expect(await journalBodies(target)).toEqual(sealedBodies);

        // Restoring again, now over rows, is refused and changes nothing.
        await expect(restoreBackup({ databaseUrl: target, file: backup.file })).rejects.toThrow(/isn't empty|already has Alliance's tables/);
        expect(await contents(target)).toEqual(targetContents);
        ran.push(format);
      }
    },
    SLOW,
  );

  it(
    "refuse a backup with a migration this code doesn't know, before touching the target",
    async () => {
      const future = await newDatabase("future", "migrated");
      await withClient(future, (client) =>
        client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
           VALUES (gen_random_uuid()::text, repeat('0', 64), '99991231000000_from_the_future', now(), 1)`,
        ),
      );
      for (const format of formats) {
        const backup = await createBackup({ databaseUrl: future, file: path.join(dir, `future.${format}`), format });
        const target = await newDatabase(`future_target_${format}`, "blank");
        await expect(restoreBackup({ databaseUrl: target, file: backup.file })).rejects.toThrow(/newer Alliance.*99991231000000_from_the_future/);
        expect(await tableCount(target)).toBe(0);
      }
    },
    SLOW,
  );

  it(
    "run as npm scripts, each saying what it did (and where voice memo audio is) or why not",
    async () => {
      const tsx = path.resolve("node_modules/.bin/tsx");
      const { DATABASE_DIRECT_URL: _ignored, ...inherited } = process.env;
      const run = (script: string, args: string[], databaseUrl: string) =>
        execFileAsync(tsx, [`scripts/${script}.ts`, ...args], { env: { ...inherited, DATABASE_URL: databaseUrl } }).then(
          ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
          (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
        );
      const file = path.join(dir, "from-script.copy.gz");

      const backup = await run("backup", [file, "--format=builtin"], source);
      expect(backup).toMatchObject({ code: 0, stderr: "" });
      expect(backup.stdout).toMatch(new RegExp(`^\\[backup\\] wrote ${file} \\([\\d.]+ [KM]?B, [\\d,]+ rows in \\d+ tables of database "\\w+" \\(DATABASE_URL\\), built-in format\\)\\.\\n\\[backup\\] Voice memos' audio is kept in Postgres, so it is in this backup \\(sealed, like the journal\\)\\.\\n$`));

      // Into a migrated but empty database, as the migrator leaves a new one.
      const target = await newDatabase("script_target", "migrated");
      const restore = await run("restore", [file], target);
      expect(restore).toMatchObject({ code: 0, stderr: "" });
      expect(restore.stdout).toMatch(/^\[restore\] restored [\d,]+ rows in \d+ tables from .* \(built-in format\) into database "\w+" \(DATABASE_URL\)\.\n$/);
      expect((await contents(target)).counts).toEqual(sourceContents.counts);

      const again = await run("restore", [file], target);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^\[restore\] The target database isn't empty \(.*\); restore into a new, empty database\. Nothing was changed\.\n$/);

      const missingArgument = await run("restore", [], target);
      expect(missingArgument.code).toBe(2);
      expect(missingArgument.stderr).toMatch(/^\[restore\] Say which backup to restore/);
      const missingFile = await run("restore", [path.join(dir, "nope.dump")], target);
      expect(missingFile).toMatchObject({ code: 2, stderr: `[restore] There is no file ${path.join(dir, "nope.dump")}.\n` });
    },
    SLOW,
  );

  it("exercised every format this machine can make, the built-in one always", () => {
    expect(ran).toEqual(formats);
    expect(ran).toContain("builtin");
  });
});
