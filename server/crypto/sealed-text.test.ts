import { describe, expect, it } from "vitest";
import { generateDataKey, isSealed, makeKeyring, open, parseDataKey, seal, sealedKeyId, SealedTextError } from "./sealed-text";

const keyA = parseDataKey(generateDataKey(), "A");
const keyB = parseDataKey(generateDataKey(), "B");
const onlyA = makeKeyring(keyA);
const context = "session_notes.body|0192f0e0-0000-7000-8000-000000000001|therapist_private";

describe("sealed text", () => {
  it("round-trips any text, unicode included, and never stores it readable", () => {
    for (const text of ["A private note.", "Ünïcødé — 心 — 🙂", "x".repeat(20_000), "enc1:looks:like:a:value", "\n\t  "]) {
      const stored = seal(onlyA, text, context);
      expect(stored).not.toContain(text.trim() || "\n");
      expect(isSealed(stored)).toBe(true);
      expect(sealedKeyId(stored)).toBe(keyA.id);
      expect(open(onlyA, stored, context)).toBe(text);
    }
  });

  it("seals the same text differently each time (random IV)", () => {
    expect(seal(onlyA, "same", context)).not.toBe(seal(onlyA, "same", context));
  });

  it("keeps the empty string empty", () => {
    expect(seal(onlyA, "", context)).toBe("");
    expect(open(onlyA, "", context)).toBe("");
  });

  it("refuses a value moved to another row or field", () => {
    const stored = seal(onlyA, "secret", context);
    expect(() => open(onlyA, stored, context.replace("therapist_private", "shared_summary"))).toThrow(SealedTextError);
  });

  it("refuses tampered bytes, plaintext, and keys it does not hold", () => {
    const stored = seal(onlyA, "secret", context);
    const parts = stored.split(":");
    const body = Buffer.from(parts[3]!, "base64url");
    body[0] = body[0]! ^ 1;
    const tampered = [...parts.slice(0, 3), body.toString("base64url")].join(":");
    expect(() => open(onlyA, tampered, context)).toThrow(/integrity/);
    expect(() => open(onlyA, "plain words", context)).toThrow(/not sealed/);
    expect(() => open(makeKeyring(keyB), stored, context)).toThrow(/not configured/);
  });

  it("opens values under an older key while sealing under the current one", () => {
    const underA = seal(onlyA, "before rotation", context);
    const rotated = makeKeyring(keyB, [keyA]);
    expect(open(rotated, underA, context)).toBe("before rotation");
    expect(sealedKeyId(seal(rotated, "after", context))).toBe(keyB.id);
  });

  it("accepts 32-byte keys in base64 or base64url and names the variable otherwise", () => {
    const raw = Buffer.alloc(32, 7);
    expect(parseDataKey(raw.toString("base64"), "K").id).toBe(parseDataKey(raw.toString("base64url"), "K").id);
    expect(() => parseDataKey("too-short", "DATA_ENCRYPTION_KEY")).toThrow(/DATA_ENCRYPTION_KEY must be 32 random bytes/);
  });
});
