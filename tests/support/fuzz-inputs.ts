// Generators of malformed and near-valid procedure inputs for the HTTP fuzz
// test (tests/integration/fuzz.test.ts, docs/house-style.md, H12). Near-valid
// inputs start from a valid-shaped object derived from the procedure's own
// zod schemas (via their JSON Schema), so a new procedure is covered without
// editing this file; only key names that need a real record (ids, the
// invitation token, the signed-in user's password) come from hints.
import fc from "fast-check";
import { z } from "zod";

/** The subset of JSON Schema that z.toJSONSchema emits for our inputs. */
export type TJsonSchema = {
  type?: string | string[];
  properties?: Record<string, TJsonSchema>;
  required?: string[];
  items?: TJsonSchema;
  minItems?: number;
  maxItems?: number;
  anyOf?: TJsonSchema[];
  oneOf?: TJsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
};

export function jsonSchemaOf(schema: unknown): TJsonSchema {
  return z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }) as TJsonSchema;
}

/** The fields of all of a procedure's input parsers, merged as tRPC merges their outputs. */
export function mergedFields(schemas: TJsonSchema[]): Record<string, TJsonSchema> {
  return Object.assign({}, ...schemas.map((schema) => schema.properties ?? {}));
}

// ---------------------------------------------------------------------------
// Building blocks of malformed input.

const deepArray = (depth: number): unknown => {
  let value: unknown = "bottom";
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
};
const deepObject = (depth: number, key: string): unknown => {
  let value: unknown = { end: true };
  for (let level = 0; level < depth; level += 1) value = { [key]: value };
  return value;
};

const HUGE_STRINGS = [
  "x".repeat(100_000),
  "é".repeat(100_000),
  "😀".repeat(50_000),
  "\u0000".repeat(10_000),
  "\ud800".repeat(20_000),
  " ".repeat(100_000),
  `${"a".repeat(99_999)}\u0000`,
];

/** Short strings that have broken text handling elsewhere: NUL, lone surrogates, RTL, BOM, emoji. */
const SPECIAL_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "%00",
  "\\u0000",
  "\ud800",
  "\udfff",
  "a\ud83dz",
  "\u202eevil\u202c",
  "\u200f\u200e\u2067",
  "\ufeffBOM",
  "\u200b\u200d\u2060",
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͕͆",
  "\r\n\t\v\f",
  "'; DROP TABLE users; --",
  "\" OR 1=1 --",
  "<script>alert(1)</script>",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "null",
  "undefined",
  "NaN",
  "-0",
  "1e999",
  "0x10",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "Europe/Atlantis",
  "UTC\u0000",
];

const BAD_UUIDS = [
  "",
  "not-a-uuid",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "00000000-0000-0000-0000-00000000000",
  "00000000-0000-0000-0000-0000000000000",
  "{0189c1a2-7e5b-7000-8000-000000000000}",
  "0189C1A2-7E5B-7000-8000-000000000000",
  "0189c1a27e5b70008000000000000000",
  "0189c1a2-7e5b-7000-8000-00000000000g",
  "0189c1a2-7e5b-7000-8000-000000000000\u0000",
  " 0189c1a2-7e5b-7000-8000-000000000000",
  "0189c1a2-7e5b-9000-8000-000000000000",
  "0189c1a2-7e5b-7000-c000-000000000000",
  "'; SELECT pg_sleep(1); --",
];

const BAD_DATES = [
  "2026-02-29",
  "2024-02-30",
  "2026-13-01",
  "2026-00-10",
  "2026-04-31",
  "0000-01-01",
  "0001-01-01",
  "9999-12-31",
  "+275760-09-13",
  "-000001-01-01",
  "275760-09-14",
  "2026-1-1",
  "26-01-01",
  "2026-01-01T00:00:00Z",
  "2026-01-01 ",
  "２０２６-０１-０１",
  "1970-01-01",
  "1899-12-31",
  "2026/01/01",
  "Invalid Date",
  "24:00",
  "23:60",
  "-1:00",
  "99:99",
  "00:00",
  "23:59",
];

const HUGE_NUMBERS = [
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  0.5,
  1e-7,
  2 ** 15,
  2 ** 15 - 1,
  -(2 ** 15) - 1,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31) - 1,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  Number.MAX_SAFE_INTEGER,
  -Number.MAX_SAFE_INTEGER,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

const DEEP_VALUES = [deepArray(1_000), deepObject(1_000, "a"), deepObject(1_000, "__proto__")];

/** Own `__proto__`/`constructor` keys (JSON.parse makes them own properties, as a server would see them). */
const POLLUTION_VALUES: unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes","role":"therapist"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":null}'),
  JSON.parse('{"prototype":{"polluted":"yes"},"__defineGetter__":"x","hasOwnProperty":"x","toString":1,"valueOf":1}'),
  { toString: 1, valueOf: 1 },
];

const EXTRA_KEYS = ["extra", "role", "userId", "therapistId", "clientId", "id", "isAdmin", "__proto__", "constructor", "prototype", ""];

const fcString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 1, arbitrary: fc.constantFrom(...HUGE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_UUIDS) },
  { weight: 2, arbitrary: fc.constantFrom(...BAD_DATES) },
);

const fcNumber = fc.oneof(
  fc.constantFrom(...HUGE_NUMBERS),
  fc.double(),
  fc.integer(),
  fc.integer({ min: -20, max: 300 }),
);

/** Values superjson carries through `meta`: NaN/Infinity/-0 above, and these. */
const fcRichValue = fc.oneof(
  fc.bigInt(),
  fc.date({ noInvalidDate: false }),
  fc.constant(new Date(Number.NaN)),
  fc.constant(undefined),
  fc.constant(new Map([["engagementId", "x"]])),
  fc.constant(new Set(["a", "a"])),
  fc.constant(/.*/),
  fc.constant(new URL("https://example.org")),
);

/** Anything a client could send, weighted toward the shapes that break servers. */
export const fcMalformed: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fcString },
  { weight: 4, arbitrary: fcNumber },
  { weight: 2, arbitrary: fcRichValue },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, [], {}, [null], [{}], "", ["a", 1]) },
  { weight: 1, arbitrary: fc.constantFrom(...DEEP_VALUES) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTION_VALUES) },
  {
    weight: 3,
    arbitrary: fc.anything({
      maxDepth: 3,
      maxKeys: 6,
      withBigInt: true,
      withDate: true,
      withMap: true,
      withSet: true,
      withNullPrototype: true,
      withSparseArray: true,
      stringUnit: "binary",
    }),
  },
);

// ---------------------------------------------------------------------------
// Valid-shaped inputs from a procedure's schemas.

/** Real values for keys whose valid value is not a matter of shape. */
export type THints = {
  /** Ids of real records by key name ("goalId", "stepIds", ...). */
  idsByKey: Record<string, string[]>;
  /** Other fixed values by key name ("token", "timeZone", "currentPassword", ...). */
  valuesByKey: Record<string, unknown>;
};

function synthesize(schema: TJsonSchema, key: string, hints: THints): unknown {
  if (key in hints.valuesByKey) return hints.valuesByKey[key];
  const ids = hints.idsByKey[key];
  if (ids?.length) return schema.type === "array" ? ids : ids[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) {
    // Prefer a branch with content: `"" | uuid` should give a uuid.
    const preferred = branches.find((branch) => branch.const === undefined && branch.type !== "null") ?? branches[0];
    return synthesize(preferred, key, hints);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "object":
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([field, fieldSchema]) => [field, synthesize(fieldSchema, field, hints)]),
      );
    case "array":
      return Array.from({ length: schema.minItems ?? 0 }, () => synthesize(schema.items ?? {}, key, hints));
    case "boolean":
      return true;
    case "integer":
    case "number": {
      const low = schema.minimum ?? (schema.exclusiveMinimum === undefined ? 0 : schema.exclusiveMinimum + 1);
      const high = schema.maximum ?? (schema.exclusiveMaximum === undefined ? low + 10 : schema.exclusiveMaximum - 1);
      return Math.min(Math.max(Math.floor((low + high) / 2), low), high);
    }
    case "string": {
      if (schema.format === "uuid") return "0189c1a2-7e5b-7000-8000-000000000001";
      if (schema.format === "email") return "fuzz.person@example.org";
      if (schema.format === "date") return "2031-01-15";
      if (schema.format === "uri") return "https://example.org/meet";
      const text = "Fuzzed words";
      return text.padEnd(schema.minLength ?? 0, "x").slice(0, schema.maxLength ?? text.length);
    }
    default:
      return undefined;
  }
}

/** A valid-shaped input object for these merged fields (all optional fields filled too). */
export function validShapeFor(fields: Record<string, TJsonSchema>, hints: THints): Record<string, unknown> {
  return synthesize({ type: "object", properties: fields }, "", hints) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------
// Near-valid inputs: a valid shape with one field (sometimes two) broken.

const REMOVE = Symbol("remove field");

/** Values at and just past a field's own limits. */
function boundaryValues(schema: TJsonSchema): unknown[] {
  const values: unknown[] = [];
  const stringSchemas = [schema, ...(schema.anyOf ?? [])].filter((candidate) => candidate.type === "string");
  for (const string of stringSchemas) {
    if (string.maxLength !== undefined) {
      const max = string.maxLength;
      values.push("a".repeat(max), "a".repeat(max + 1), "é".repeat(max), "😀".repeat(Math.floor(max / 2)));
      values.push(`${"a".repeat(Math.max(max - 2, 0))}\u0000`, ` ${"b".repeat(max)} `, "\u0000".repeat(Math.min(max, 50)));
    }
    values.push("   ", "valid words\u0000then a NUL", "lone \ud800 surrogate", "\u202eright to left", "emoji 😀 text");
  }
  const numbers = [schema, ...(schema.anyOf ?? [])].filter((candidate) => candidate.type === "integer" || candidate.type === "number");
  for (const number of numbers) {
    const low = number.minimum ?? number.exclusiveMinimum ?? 0;
    const high = number.maximum ?? number.exclusiveMaximum ?? 2 ** 31;
    values.push(low, low - 1, high, high + 1, String(high), ` ${low} `, `${low}.5`, [low], 2 ** 31, 2 ** 31 - 1, 2 ** 32 + 1, 2 ** 53 - 1);
  }
  const arrays = [schema, ...(schema.anyOf ?? [])].filter((candidate) => candidate.type === "array");
  for (const array of arrays) {
    const max = array.maxItems ?? 50;
    values.push(Array.from({ length: max + 1 }, (_, index) => `0189c1a2-7e5b-7000-8000-${String(index).padStart(12, "0")}`));
    values.push(Array.from({ length: 10_000 }, () => "x"), [null], [1, 2, 3]);
  }
  return values;
}

type TFuzzContext = {
  /** Every real id of the seeded world (both casts, all kinds), for swapping into any id field. */
  allIds: string[];
};

export function fcNearValid(base: Record<string, unknown>, fields: Record<string, TJsonSchema>, context: TFuzzContext) {
  const keys = Object.keys(fields);
  const fieldValue = (key: string): fc.Arbitrary<unknown> => {
    const boundaries = boundaryValues(fields[key]);
    return fc.oneof(
      { weight: 5, arbitrary: fcMalformed },
      { weight: 3, arbitrary: context.allIds.length ? fc.constantFrom(...context.allIds) : fcMalformed },
      { weight: 4, arbitrary: boundaries.length ? fc.constantFrom(...boundaries) : fcMalformed },
      { weight: 1, arbitrary: fc.constant(REMOVE) },
      // Swap in another field's valid value: right shape, wrong meaning.
      { weight: 1, arbitrary: keys.length ? fc.constantFrom(...keys).map((other) => base[other]) : fcMalformed },
    );
  };
  const fieldValues = new Map(keys.map((key) => [key, fieldValue(key)]));
  const oneField = keys.length
    ? fc.constantFrom(...keys).chain((key) => fieldValues.get(key)!.map((value) => [[key, value]] as [string, unknown][]))
    : fc.constant([] as [string, unknown][]);
  const twoFields = fc.tuple(oneField, oneField).map(([first, second]) => [...first, ...second]);
  const extraKey = fc.tuple(fc.constantFrom(...EXTRA_KEYS), fcMalformed).map(([key, value]) => [[key, value]] as [string, unknown][]);
  return fc
    .oneof({ weight: 6, arbitrary: oneField }, { weight: 2, arbitrary: twoFields }, { weight: 1, arbitrary: extraKey })
    .map((changes) => {
      // defineProperty, not assignment: a `__proto__` key stays an own key, as JSON.parse on the server makes it.
      const set = (target: object, key: string, value: unknown) =>
        Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
      const input: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(base)) set(input, key, value);
      for (const [key, value] of changes) {
        if (value === REMOVE) delete input[key];
        else set(input, key, value);
      }
      return input;
    });
}
