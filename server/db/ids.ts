// Row ids made in the app, for rows whose sealed text is bound to their own id
// (server/crypto/sealed-fields.ts): the value is sealed before the insert, so
// the id must exist before the row does.
//
// INVARIANTS
// - UUIDv7 (RFC 9562), like the schema's `@default(uuid(7))`: time-ordered, so
//   an id made here sorts among the ones Prisma makes, and ties on
//   created_at still break in creation order (e.g. goal ratings).
// - Monotonic within a process: ids made in the same millisecond carry a
//   counter (method 1 of the RFC), and the time in an id never goes back, so
//   a later id always sorts after, even when a test moves the clock back.
// - The time comes from the app's clock (server/clock.ts), like every time
//   the server writes; an id only orders rows, no rule reads it.
import { randomBytes, randomInt } from "node:crypto";
import { now } from "../clock";

/** 31 bits of counter, started low in each new millisecond so it has room to count. */
const SEQ_MAX = 0x7fffffff;
let last = { ms: 0, seq: 0 };

export function newRowId(): string {
  const nowMs = now().getTime();
  if (nowMs > last.ms) last = { ms: nowMs, seq: randomInt(0, 0x40000000) };
  else if (last.seq < SEQ_MAX) last = { ms: last.ms, seq: last.seq + 1 };
  else last = { ms: last.ms + 1, seq: 0 };
  const bytes = randomBytes(16);
  bytes.writeUIntBE(last.ms, 0, 6);
  const { seq } = last;
  // ver (4 bits) | seq[30..27]; seq[26..19]; var (2 bits) | seq[18..13]; seq[12..5]; seq[4..0] | 3 random bits
  bytes[6] = 0x70 | ((seq >>> 27) & 0x0f);
  bytes[7] = (seq >>> 19) & 0xff;
  bytes[8] = 0x80 | ((seq >>> 13) & 0x3f);
  bytes[9] = (seq >>> 5) & 0xff;
  bytes[10] = ((seq & 0x1f) << 3) | (bytes[10]! & 0x07);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
