import fc from "fast-check";
import superjson from "superjson";
import { describe, expect, it } from "vitest";
import { readWire, type TWirePayload } from "./wire";

/** What the server sends: superjson's output, through JSON as over HTTP. */
function overTheWire(value: unknown): TWirePayload {
  return JSON.parse(JSON.stringify(superjson.serialize(value))) as TWirePayload;
}

const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("a.b", "a\\b", "\\.", "..", "0", "x.y.z"));
const leaf = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.date({ noInvalidDate: true }),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: "small" }, leaf, tie("array"), tie("object")),
  array: fc.array(tie("value"), { maxLength: 4 }),
  object: fc.dictionary(key, tie("value"), { maxKeys: 4, noNullPrototype: true }),
}));

describe("the browser's wire reader", () => {
  it("reads back exactly what superjson wrote, for JSON with Dates, undefined, NaN and infinities anywhere", () => {
    fc.assert(
      fc.property(value, (original) => {
        expect(readWire(overTheWire(original))).toStrictEqual(original);
      }),
      { numRuns: 2_000 },
    );
  });

  it("reads the shapes Alliance sends: nested dates, optional fields, dates at the root", () => {
    const answer = { upcoming: [{ id: "s1", startsAt: new Date("2026-12-03T10:00:00.000Z"), note: undefined }], at: new Date(0) };
    expect(readWire(overTheWire(answer))).toStrictEqual(answer);
    expect(readWire(overTheWire(new Date("2026-01-01T00:00:00.000Z")))).toStrictEqual(new Date("2026-01-01T00:00:00.000Z"));
    expect(readWire(overTheWire(undefined))).toBeUndefined();
  });

  it("refuses what Alliance never sends, rather than showing it wrong", () => {
    expect(() => readWire(overTheWire({ counts: new Map([["a", 1]]) }))).toThrow(/map/i);
    expect(() => readWire(overTheWire({ big: BigInt(1) }))).toThrow(/bigint/i);
    expect(() => readWire({ json: { a: {} }, meta: { values: { "a.__proto__": ["Date"] } } })).toThrow(/bad path/);
  });
});
