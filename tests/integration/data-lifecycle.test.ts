// The data-lifecycle registry (server/data-lifecycle/registry.ts) against the
// migrated database and the code that exports, deletes and seals: a table or
// text column nobody classified fails here, and so does a classification the
// code does not keep.
import { describe, expect, it } from "vitest";
import { DATA_LIFECYCLE, sealedColumns, type TColumnClass } from "@/server/data-lifecycle/registry";
import { SEALED_FIELDS } from "@/server/crypto/sealed-fields";
import { connectTestDb } from "../support/db";

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
    expect(Object.keys(DATA_LIFECYCLE).sort()).toEqual(await tables());
    expect(classifiedColumns().sort()).toEqual(await textColumns());
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
        // Deleted without a column naming the person: the throttles (found by their keys) and the flags (with their response).
        expect(["auth_throttles", "measure_flags"]).toContain(table);
      }
    }
  });

  it("marks as sealed exactly the columns the code seals", () => {
    const sealedInCode = Object.values(SEALED_FIELDS).map((field) => `${field.table}.${field.column}`);
    expect(sealedColumns().sort()).toEqual([...new Set(sealedInCode)].sort());
  });
});
