// Migrations apply to an empty database, are recorded as Prisma records
// them, and match prisma/schema.prisma (the drift test). The drift detector
// is itself tested: a migration missing a column must be reported.
import { createHash, randomUUID } from "node:crypto";
import { cp, mkdtemp, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "@/server/db/migrate";
import { ensureDatabase } from "@/server/db/provision";
import { diffCatalogs, readCatalog } from "@/scripts/db/catalog";
import { diffSchemasToSql, readSchema } from "@/scripts/db/schema-sql";
import { createDb } from "@/server/db/client";
import { countUnsealed, resealAll } from "@/server/crypto/reseal";
import { openGoalText } from "@/server/goals/sealing";
import { openAnswers } from "@/server/measures/sealing";

const serverUrl = inject("databaseServerUrl");
const prefix = inject("databasePrefix");
let counter = 0;

async function scratchDatabase(label: string): Promise<string> {
  counter += 1;
  return ensureDatabase(serverUrl, `${prefix}${label}_${process.env.VITEST_POOL_ID ?? 0}_${counter}`);
}

async function runSql(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function expectedSchemaDatabase(): Promise<string> {
  const url = await scratchDatabase("expected");
  const sql = await diffSchemasToSql({ fromSchema: null, toSchema: await readSchema(), adapterUrl: serverUrl });
  await runSql(url, sql);
  return url;
}

describe("migrations", () => {
  it("apply to an empty database once, recorded with Prisma's sha256 checksums", async () => {
    const url = await scratchDatabase("fresh");
    const migrations = await readMigrations();
    expect(await applyMigrations(url)).toEqual(migrations.map((migration) => migration.name));
    expect(await applyMigrations(url)).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();
    for (const [index, migration] of migrations.entries()) {
      const file = await readFile(path.join(MIGRATIONS_DIR, migration.name, "migration.sql"));
      expect(rows[index]).toMatchObject({
        migration_name: migration.name,
        checksum: createHash("sha256").update(file).digest("hex"),
        applied_steps_count: 1,
      });
      expect(rows[index].finished_at).toBeInstanceOf(Date);
    }
  });

  it("refuse to continue when an applied migration was edited afterwards", async () => {
    const url = await scratchDatabase("edited");
    await applyMigrations(url);
    const dir = await mkdtemp(path.join(os.tmpdir(), "alliance-migrations-"));
    await cp(MIGRATIONS_DIR, dir, { recursive: true });
    const [first] = await readMigrations();
    await writeFile(path.join(dir, first.name, "migration.sql"), `${first.sql}\n-- edited\n`);
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/was changed after it was applied/);
  });

  it("match prisma/schema.prisma exactly (drift test)", async () => {
    const migrated = await scratchDatabase("migrated");
    await applyMigrations(migrated);
    const differences = diffCatalogs(await readCatalog(migrated), await readCatalog(await expectedSchemaDatabase()));
    expect(differences).toEqual([]);
  });

  it("drift test catches a migration that misses a column", async () => {
    const [first] = await readMigrations();
    const broken = first.sql.replace(/^\s*"why_it_matters" .*\n/m, "");
    expect(broken).not.toBe(first.sql);
    const url = await scratchDatabase("broken");
    await runSql(url, broken);
    const differences = diffCatalogs(await readCatalog(url), await readCatalog(await expectedSchemaDatabase()));
    expect(differences.some((line) => line.startsWith("missing from migrations: goals.why_it_matters"))).toBe(true);
  });

  it("keep text written before sealing, answers as JSON text, for the sealing pass to seal on start", async () => {
    const url = await scratchDatabase("sealing");
    // The database as it stood just before goals, homework and answers were sealed.
    const names = (await readMigrations()).map((migration) => migration.name);
    const sealing = names.findIndex((name) => name.endsWith("_seal_more_free_text"));
    expect(sealing).toBeGreaterThan(0);
    await applyMigrations(url, { only: names.slice(0, sealing) });
    const [therapist, client, engagement, assignment, goal] = Array.from({ length: 5 }, () => randomUUID());
    await runSql(url, `
      INSERT INTO users (id, email, name, role, password_hash, updated_at) VALUES
        ('${therapist}', 't-${therapist}@test.alliance.test', 'T', 'therapist', 'x', now()),
        ('${client}', 'c-${client}@test.alliance.test', 'C', 'client', 'x', now());
      INSERT INTO engagements (id, therapist_id, client_id, status, updated_at) VALUES ('${engagement}', '${therapist}', '${client}', 'active', now());
      INSERT INTO goals (id, engagement_id, title, description, created_by_id, updated_at)
        VALUES ('${goal}', '${engagement}', 'Sleep before midnight', 'Wind down earlier.', '${therapist}', now());
      INSERT INTO measure_assignments (id, engagement_id, kind, schedule, assigned_by_id) VALUES ('${assignment}', '${engagement}', 'phq9', 'once', '${therapist}');
      INSERT INTO measure_responses (id, assignment_id, engagement_id, client_id, kind, period_key, answers, total, completed_at, updated_at)
        VALUES (gen_random_uuid(), '${assignment}', '${engagement}', '${client}', 'phq9', 'once', '[1, 0, 2, null, 3, 0, 0, 1, 0]'::jsonb, NULL, NULL, now());`);

    await applyMigrations(url);
    const db = createDb(url);
    try {
      const [before] = await db.measureResponse.findMany({ select: { answers: true } });
      expect(JSON.parse(before!.answers)).toEqual([1, 0, 2, null, 3, 0, 0, 1, 0]);
      await resealAll(db);
      expect(Object.values(await countUnsealed(db)).every((count) => count === 0)).toBe(true);
      const [response] = await db.measureResponse.findMany({ select: { engagementId: true, assignmentId: true, periodKey: true, answers: true } });
      expect(response!.answers).toMatch(/^enc1:/);
      expect(openAnswers(response!, response!.answers)).toEqual([1, 0, 2, null, 3, 0, 0, 1, 0]);
      const stored = await db.goal.findUniqueOrThrow({ where: { id: goal }, select: { title: true, description: true } });
      expect(stored.title).toMatch(/^enc1:/);
      expect(openGoalText({ engagementId: engagement, goalId: goal }, stored)).toEqual({ title: "Sleep before midnight", description: "Wind down earlier." });
    } finally {
      await db.$disconnect();
    }
  });

  it("make audit events append-only", async () => {
    const url = await scratchDatabase("audit");
    await applyMigrations(url);
    await runSql(url, `INSERT INTO audit_events (id, record_type, action) VALUES (gen_random_uuid(), 'user', 'read')`);
    await expect(runSql(url, `UPDATE audit_events SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(runSql(url, `DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
  });
});
