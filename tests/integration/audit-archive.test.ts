// Audit retention (server/audit/archive.ts): months past the cut-off move to
// files, exactly and once; everything else stays append-only.
import { mkdtemp, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requireDatabaseUrl } from "@/server/env";
import { archiveAuditEvents, retentionCutoff } from "@/server/audit/archive";
import { connectTestDb } from "../support/db";

const db = connectTestDb();
const client = new pg.Client({ connectionString: requireDatabaseUrl() });
beforeAll(() => client.connect());
afterAll(() => client.end());

async function insertEvent(createdAt: string, recordType: string): Promise<string> {
  const { rows } = await client.query<{ id: string }>(
    `INSERT INTO audit_events (id, action, record_type, created_at) VALUES (gen_random_uuid(), 'read', $1, $2) RETURNING id`,
    [recordType, createdAt],
  );
  return rows[0].id;
}

describe("audit archive", () => {
  it("names the first instant of the month the retention period reaches back to", () => {
    expect(retentionCutoff(new Date("2026-12-02T11:00:00Z"), 72)).toEqual(new Date("2020-12-01T00:00:00.000Z"));
    expect(retentionCutoff(new Date("2026-01-31T23:59:59Z"), 1)).toEqual(new Date("2025-12-01T00:00:00.000Z"));
  });

  it("moves whole months before the cut-off to one file each, and leaves the rest", async () => {
    const marker = `archive_test_${Date.now()}`;
    const january = [await insertEvent("1999-01-03T10:00:00Z", marker), await insertEvent("1999-01-31T23:59:59.999Z", marker)];
    const february = [await insertEvent("1999-02-01T00:00:00Z", marker)];
    const march = await insertEvent("1999-03-01T00:00:00Z", marker);
    const dir = await mkdtemp(path.join(os.tmpdir(), "alliance-audit-archive-"));

    const months = await archiveAuditEvents(client, { before: new Date("1999-03-01T00:00:00Z"), dir, now: new Date("2026-12-02T12:00:00Z") });

    expect(months.map(({ month, events }) => ({ month, events }))).toEqual([
      { month: "1999-01", events: 2 },
      { month: "1999-02", events: 1 },
    ]);
    const lines = (file: string) =>
      readFile(file).then((body) => gunzipSync(body).toString("utf8").trim().split("\n").map((line) => JSON.parse(line) as { id: string; record_type: string }));
    expect((await lines(months[0].file)).map((event) => event.id)).toEqual(january);
    expect((await lines(months[1].file)).map((event) => event.id)).toEqual(february);
    expect((await lines(months[0].file))[0].record_type).toBe(marker);
    const left = await db.auditEvent.findMany({ where: { recordType: marker }, select: { id: true } });
    expect(left.map((event) => event.id)).toEqual([march]);
    // The archive is itself on the record, once per month.
    expect(await db.auditEvent.count({ where: { recordType: "audit_events", action: "archive", createdAt: new Date("2026-12-02T12:00:00Z") } })).toBe(2);

    // Run again: nothing more to move.
    expect(await archiveAuditEvents(client, { before: new Date("1999-03-01T00:00:00Z"), dir })).toEqual([]);
  });

  it("keeps events append-only outside the archive's own cut-off", async () => {
    const marker = `archive_guard_${Date.now()}`;
    const old = await insertEvent("1998-06-01T00:00:00Z", marker);
    await expect(client.query("DELETE FROM audit_events WHERE id = $1", [old])).rejects.toThrow(/append-only/);
    await expect(client.query("UPDATE audit_events SET action = 'x' WHERE id = $1", [old])).rejects.toThrow(/append-only/);
    await client.query("BEGIN");
    try {
      await client.query("SELECT set_config('alliance.audit_archive_before', '1998-06-01T00:00:00Z', true)");
      // At the cut-off itself, and any change: still refused.
      await expect(client.query("DELETE FROM audit_events WHERE id = $1", [old])).rejects.toThrow(/append-only/);
    } finally {
      await client.query("ROLLBACK");
    }
    await client.query("BEGIN");
    try {
      await client.query("SELECT set_config('alliance.audit_archive_before', '1998-07-01T00:00:00Z', true)");
      await expect(client.query("UPDATE audit_events SET action = 'x' WHERE id = $1", [old])).rejects.toThrow(/append-only/);
    } finally {
      await client.query("ROLLBACK");
    }
    expect(await db.auditEvent.count({ where: { id: old, action: "read" } })).toBe(1);
  });

  it("refuses a cut-off that is not the start of a month", async () => {
    await expect(archiveAuditEvents(client, { before: new Date("1999-03-02T00:00:00Z"), dir: os.tmpdir() })).rejects.toThrow(/first instant of a month/);
  });
});
