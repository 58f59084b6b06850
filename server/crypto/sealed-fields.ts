// Which free text is encrypted at rest, and what each value is bound to.
//
// Sealed: everything a person writes about their inner life or their
// therapy. Session notes (all three kinds: the private note, the client's
// takeaways and the shared summary), journal entries, homework reflections
// (the response, what got in the way, and the therapist's reply), the
// comment on session feedback, and agenda items (topics a client has been
// avoiding, or is struggling with). Left plain on purpose: titles of goals,
// steps and homework (they name the work, appear in notifications, and
// are written to be shown), names, e-mail addresses and all scores.
//
// Each value's context names its field and the row's owner (columns that
// never change once written), so a value moved to another row fails to open.
import { getEnv } from "../env";
import { makeKeyring, open, parseDataKey, seal, type TKeyring } from "./sealed-text";

export const SEALED_FIELDS = {
  sessionNoteBody: { table: "session_notes", column: "body", owner: { sessionId: "session_id", kind: "kind" } },
  journalBody: { table: "journal_entries", column: "body", owner: { clientId: "client_id" } },
  completionResponse: { table: "homework_completions", column: "response", owner: { occurrenceId: "occurrence_id" } },
  completionObstacle: { table: "homework_completions", column: "obstacle", owner: { occurrenceId: "occurrence_id" } },
  completionFeedback: { table: "homework_completions", column: "feedback", owner: { occurrenceId: "occurrence_id" } },
  feedbackComment: { table: "session_feedback", column: "comment", owner: { sessionId: "session_id" } },
  agendaText: { table: "agenda_items", column: "text", owner: { sessionId: "session_id", authorId: "author_id" } },
  // Two-factor sign-in secrets (server/auth/totp.ts): not clinical text, but a
  // copied secret would let someone make codes, so they get the same sealing
  // and ride along with key rotation.
  totpSecret: { table: "users", column: "totp_secret", owner: { userId: "id" } },
  totpPending: { table: "users", column: "totp_pending", owner: { userId: "id" } },
} as const;

export type TSealedFieldName = keyof typeof SEALED_FIELDS;
export type TSealedFieldSpec = (typeof SEALED_FIELDS)[TSealedFieldName];
export type TOwnerOf<F extends TSealedFieldName> = Record<keyof (typeof SEALED_FIELDS)[F]["owner"], string>;

/** The additional authenticated data for one value: field plus owner values, in the spec's order. */
export function sealContext(spec: TSealedFieldSpec, owner: Record<string, string>): string {
  const values = Object.keys(spec.owner).map((key) => {
    const value = owner[key];
    if (typeof value !== "string" || value === "") throw new Error(`${spec.table}.${spec.column}: owner ${key} is missing`);
    return value;
  });
  return [`${spec.table}.${spec.column}`, ...values].join("|");
}

let cached: { source: string; keyring: TKeyring } | undefined;

/** The keyring from DATA_ENCRYPTION_KEY (seals) and DATA_ENCRYPTION_OLD_KEYS (still open). */
export function dataKeyring(): TKeyring {
  const env = getEnv();
  const source = `${env.DATA_ENCRYPTION_KEY ?? ""}|${env.DATA_ENCRYPTION_OLD_KEYS ?? ""}`;
  if (cached?.source === source) return cached.keyring;
  if (!env.DATA_ENCRYPTION_KEY) {
    throw new Error("DATA_ENCRYPTION_KEY is not set. Start Alliance with `npm start`, which provides one, or see .env.example.");
  }
  const older = (env.DATA_ENCRYPTION_OLD_KEYS ?? "")
    .split(",")
    .filter((part) => part.trim() !== "")
    .map((part, index) => parseDataKey(part, `DATA_ENCRYPTION_OLD_KEYS (key ${index + 1})`));
  const keyring = makeKeyring(parseDataKey(env.DATA_ENCRYPTION_KEY, "DATA_ENCRYPTION_KEY"), older);
  cached = { source, keyring };
  return keyring;
}

export function sealField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, plaintext: string): string;
export function sealField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, plaintext: string | null): string | null;
export function sealField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, plaintext: string | null): string | null {
  if (plaintext === null) return null;
  return seal(dataKeyring(), plaintext, sealContext(SEALED_FIELDS[field], owner));
}

export function openField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, stored: string): string;
export function openField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, stored: string | null): string | null;
export function openField<F extends TSealedFieldName>(field: F, owner: TOwnerOf<F>, stored: string | null): string | null {
  if (stored === null) return null;
  return open(dataKeyring(), stored, sealContext(SEALED_FIELDS[field], owner));
}
