// The data-lifecycle registry (server/data-lifecycle/registry.ts) against the
// migrated database and the code that exports, deletes and seals: a table or
// text column nobody classified fails here, and so does a classification the
// code does not keep.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { DATA_LIFECYCLE, sealedColumns, type TColumnClass, type TTableClass } from "@/server/data-lifecycle/registry";
import { SEALED_FIELDS } from "@/server/crypto/sealed-fields";
import { buildClientExport } from "@/server/export/client-export";
import { clientArchiveStream } from "@/server/export/client-archive";
import { clientExportHtml } from "@/components/account/export-document";
import { checkCredentials } from "@/server/auth/accounts";
import { isResetRequestLimited } from "@/server/auth/throttle";
import { requireDatabaseUrl } from "@/server/env";
import { MEMO_FIXTURE, seedVoiceMemo, TEST_PASSWORD } from "../factories";
import { CANARY_ANSWER_LIST, CANARY_TABLES, writeCanaries, type TCanaryName } from "../support/canaries";
import { connectTestDb } from "../support/db";
import { dumpDatabase } from "../support/dump";
import { readZipBody } from "../support/zip";

const db = connectTestDb();

/** Every column that can hold words: text, varchar, char and json. */
async function textColumns(): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT table_name || '.' || column_name AS name FROM information_schema.columns
    WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')
    ORDER BY 1`;
  return rows.map((row) => row.name);
}

async function tables(): Promise<string[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`;
  return rows.map((row) => row.name);
}

const classifiedColumns = () =>
  Object.entries(DATA_LIFECYCLE).flatMap(([table, entry]) => Object.keys(entry.columns as Record<string, TColumnClass>).map((column) => `${table}.${column}`));

describe("the data-lifecycle registry", () => {
  it("classifies every table and every text column, and nothing that no longer exists", async () => {
    const [inDatabase, classified] = [await tables(), Object.keys(DATA_LIFECYCLE)];
    const [columnsInDatabase, classifiedColumnNames] = [await textColumns(), classifiedColumns()];
    // Named, so a failure says exactly what needs deciding in server/data-lifecycle/registry.ts.
    expect({
      unclassifiedTables: inDatabase.filter((table) => !classified.includes(table)),
      staleTables: classified.filter((table) => !inDatabase.includes(table)),
      unclassifiedColumns: columnsInDatabase.filter((column) => !classifiedColumnNames.includes(column)),
      staleColumns: classifiedColumnNames.filter((column) => !columnsInDatabase.includes(column)),
    }).toEqual({ unclassifiedTables: [], staleTables: [], unclassifiedColumns: [], staleColumns: [] });
  });

  it("says why for every plain or hashed column, and names real columns to find a person's rows by", async () => {
    for (const [table, entry] of Object.entries(DATA_LIFECYCLE)) {
      for (const [column, spec] of Object.entries(entry.columns as Record<string, TColumnClass>)) {
        expect(spec.why.length, `${table}.${column}`).toBeGreaterThan(10);
      }
      const columns = await db.$queryRaw<{ name: string }[]>`
        SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = ${table}`;
      for (const column of entry.personColumns) expect(columns.map((row) => row.name), `${table}.${column}`).toContain(column);
      if (entry.onClientDeletion.action === "deleted" && entry.personColumns.length === 0) {
        // Deleted without a column naming the person: the throttles (found by their keys), the flags (with their
        // response), the e-mailed links (by address; the dump check below finds any left) and a voice memo's
        // chunks (with their memo; checked by the memos' ids below).
        expect(["auth_throttles", "measure_flags", "email_proofs", "voice_memo_chunks"]).toContain(table);
      }
    }
  });

  it("marks as sealed exactly the columns the code seals", () => {
    const sealedInCode = Object.values(SEALED_FIELDS).map((field) => `${field.table}.${field.column}`);
    expect(sealedColumns().sort()).toEqual([...new Set(sealedInCode)].sort());
  });
});

const REGISTRY = DATA_LIFECYCLE as Record<string, TTableClass>;

describe("the registry held to what the code does", () => {
  it("the client's export carries what every table marked 'in the export' holds, and nothing from a table marked otherwise", async () => {
    const { cast, canaries } = await writeCanaries(db);
    const exported = JSON.stringify(await buildClientExport(db, { id: cast.client.id, role: "client" }));
    for (const [name, table] of Object.entries(CANARY_TABLES) as [TCanaryName, string][]) {
      // Row by row, the therapist's private note never leaves (records.ts chooses notes by audience).
      const isExpected = REGISTRY[table]!.clientExport.isIncluded && name !== "privateNote";
      expect(exported.includes(canaries[name]), `${name} (${table})`).toBe(isExpected);
    }
    expect(REGISTRY.measure_responses!.clientExport.isIncluded).toBe(true);
    expect(exported).toContain(JSON.stringify(CANARY_ANSWER_LIST));
  });

  it("the client's export archive carries every voice memo's audio (voice_memo_chunks), opened, and no one else's", async () => {
    const { cast } = await writeCanaries(db);
    const othersMemo = await seedVoiceMemo(db, cast.otherClient.id);
    const client = { id: cast.client.id, role: "client" as const };
    const data = await buildClientExport(db, client);
    const archive = await readZipBody(clientArchiveStream({ db, user: client }, data, await clientExportHtml(data, cast.client.timeZone)));

    expect(REGISTRY.voice_memo_chunks!.clientExport.isIncluded).toBe(true);
    const theirs = await db.voiceMemo.findMany({ where: { clientId: cast.client.id }, select: { id: true } });
    expect(data.voiceMemos.map((memo) => memo.id).sort()).toEqual(theirs.map((memo) => memo.id).sort());
    expect(data.voiceMemos.map((memo) => memo.id)).not.toContain(othersMemo.id);
    for (const memo of data.voiceMemos) {
      // The chunks in the table are sealed; what leaves is the recording itself.
      const chunks = await db.voiceMemoChunk.findMany({ where: { memoId: memo.id }, select: { data: true } });
      expect(chunks.length, memo.file).toBeGreaterThan(0);
      expect(archive.get(memo.file)!.bytes.equals(MEMO_FIXTURE), memo.file).toBe(true);
      for (const chunk of chunks) expect(archive.get(memo.file)!.bytes.includes(Buffer.from(chunk.data)), memo.file).toBe(false);
    }
    expect([...archive.keys()].filter((name) => name.startsWith("voice-memos/"))).toHaveLength(theirs.length);
  });

  it("after a client deletes their account: no rows of theirs where the registry says deleted, and a dump holds neither their address, their name nor their words", async () => {
    const { cast, client, canaries } = await writeCanaries(db);
    // A name and an address found nowhere else, and bookkeeping of every kind.
    const name = `Juniper Canary ${randomUUID().slice(0, 8)}`;
    await db.user.update({ where: { id: cast.client.id }, data: { name } });
    await checkCredentials(db, { email: cast.client.email, password: "a wrong guess" }, "10.44.0.1");
    await isResetRequestLimited(db, cast.client.email, "10.44.0.1");
    await client.notifications.list({});
    const before = await dumpDatabase(requireDatabaseUrl());
    expect(before.text).toContain(cast.client.email);
    expect(before.text).toContain(name);

    const memoIds = (await db.voiceMemo.findMany({ where: { clientId: cast.client.id }, select: { id: true } })).map((memo) => memo.id);
    expect(await db.voiceMemoChunk.count({ where: { memoId: { in: memoIds } } })).toBeGreaterThan(0);

    await client.account.deleteAccount({ password: TEST_PASSWORD });

    for (const [table, entry] of Object.entries(REGISTRY)) {
      if (entry.onClientDeletion.action !== "deleted") continue;
      for (const column of entry.personColumns) {
        const [row] = await db.$queryRawUnsafe<{ count: number }[]>(`SELECT count(*)::int AS count FROM "${table}" WHERE "${column}" = $1::uuid`, cast.client.id);
        expect(row!.count, `${table}.${column}`).toBe(0);
      }
    }
    expect(await db.voiceMemoChunk.count({ where: { memoId: { in: memoIds } } })).toBe(0);
    // "Private rows deleted": the exercise they never sent goes, the one they sent stays with the therapist (sealed).
    expect(await db.exerciseEntry.count({ where: { clientId: cast.client.id, sentAt: null } })).toBe(0);
    expect(await db.exerciseEntry.count({ where: { clientId: cast.client.id, sentAt: { not: null } } })).toBeGreaterThan(0);
    const after = await dumpDatabase(requireDatabaseUrl());
    expect(after.tools).toContain("rows as text");
    expect(after.text).not.toContain(cast.client.email);
    expect(after.text).not.toContain(name);
    for (const [canaryName, canary] of Object.entries(canaries)) expect(after.text, canaryName).not.toContain(canary);
  });
});
