// Sealing every value under the current key: key rotation, and the one-time
// move of rows written before encryption at rest (plaintext) into sealed form.
//
// INVARIANTS
// - Safe while the app runs: rows are read in keyset-ordered batches and each
//   update only lands where the column still holds the value that was read,
//   so a person's edit made meanwhile (already sealed under the current key)
//   is never overwritten with older text.
// - Idempotent: values already under the current key are never selected, so
//   running it again, or on several instances at once, only finishes the job.
// - A value that cannot be opened (a key that is not configured, tampered
//   bytes) is counted and left as it is; nothing is lost.
import type { TDb } from "../db/client";
import { SEALED_FIELDS, dataKeyring, sealContext, type TSealedFieldName } from "./sealed-fields";
import { SealedTextError, isSealed, open, seal, type TKeyring } from "./sealed-text";
import { countVoiceMemosUnderOldKeys, resealVoiceMemos } from "../voice/reseal";

export const RESEAL_BATCH_SIZE = 200;

export type TResealCounts = { resealed: number; unreadable: number };
/** Per sealed text field, and voice memo audio (server/voice/reseal.ts). */
export type TResealReport = Record<TSealedFieldName | "voiceMemoAudio", TResealCounts>;

type TRow = { id: string; value: string } & Record<string, string>;

export async function resealAll(
  db: TDb,
  options: { keyring?: TKeyring; batchSize?: number; log?: (line: string) => void } = {},
): Promise<TResealReport> {
  const keyring = options.keyring ?? dataKeyring();
  const report = {} as TResealReport;
  for (const field of Object.keys(SEALED_FIELDS) as TSealedFieldName[]) {
    report[field] = await resealField(db, field, keyring, options.batchSize ?? RESEAL_BATCH_SIZE);
    const { resealed, unreadable } = report[field];
    if (resealed || unreadable) options.log?.(`${field}: ${resealed} sealed with the current key, ${unreadable} unreadable`);
  }
  report.voiceMemoAudio = await resealVoiceMemos(db, keyring);
  const { resealed, unreadable } = report.voiceMemoAudio;
  if (resealed || unreadable) options.log?.(`voice memo audio: ${resealed} memos sealed with the current key, ${unreadable} unreadable`);
  return report;
}

async function resealField(db: TDb, field: TSealedFieldName, keyring: TKeyring, batchSize: number): Promise<TResealCounts> {
  const spec = SEALED_FIELDS[field];
  // Identifiers come from the constant SEALED_FIELDS, never from input.
  const ownerColumns = Object.entries(spec.owner).map(([key, column]) => `"${column}"::text AS "${key}"`);
  const select = `
    SELECT id::text AS id, "${spec.column}" AS value, ${ownerColumns.join(", ")}
    FROM "${spec.table}"
    WHERE "${spec.column}" <> '' AND NOT starts_with("${spec.column}", $1) AND id > $2::uuid
    ORDER BY id LIMIT ${Number(batchSize)}`;
  const update = `
    UPDATE "${spec.table}" AS t SET "${spec.column}" = v.sealed
    FROM unnest($1::uuid[], $2::text[], $3::text[]) AS v(id, previous, sealed)
    WHERE t.id = v.id AND t."${spec.column}" = v.previous`;
  const currentPrefix = `enc1:${keyring.current.id}:`;
  const counts: TResealCounts = { resealed: 0, unreadable: 0 };
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const rows = await db.$queryRawUnsafe<TRow[]>(select, currentPrefix, after);
    if (rows.length === 0) return counts;
    after = rows[rows.length - 1]!.id;
    const ids: string[] = [];
    const previous: string[] = [];
    const sealed: string[] = [];
    for (const row of rows) {
      const context = sealContext(spec, row);
      try {
        const plaintext = isSealed(row.value) ? open(keyring, row.value, context) : row.value;
        ids.push(row.id);
        previous.push(row.value);
        sealed.push(seal(keyring, plaintext, context));
      } catch (error) {
        if (!(error instanceof SealedTextError)) throw error;
        counts.unreadable += 1;
      }
    }
    if (ids.length > 0) counts.resealed += await db.$executeRawUnsafe(update, ids, previous, sealed);
  }
}

/** How many values are not yet sealed under the current key, per field. */
export async function countUnsealed(db: TDb, keyring: TKeyring = dataKeyring()): Promise<Record<TSealedFieldName | "voiceMemoAudio", number>> {
  const counts = {} as Record<TSealedFieldName | "voiceMemoAudio", number>;
  counts.voiceMemoAudio = await countVoiceMemosUnderOldKeys(db, keyring);
  for (const field of Object.keys(SEALED_FIELDS) as TSealedFieldName[]) {
    const spec = SEALED_FIELDS[field];
    const [row] = await db.$queryRawUnsafe<{ count: number }[]>(
      `SELECT count(*)::int AS count FROM "${spec.table}" WHERE "${spec.column}" <> '' AND NOT starts_with("${spec.column}", $1)`,
      `enc1:${keyring.current.id}:`,
    );
    counts[field] = row?.count ?? 0;
  }
  return counts;
}
