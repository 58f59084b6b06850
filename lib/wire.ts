// The browser's half of the wire format between tRPC and the pages. The
// server writes answers with superjson (server/api/trpc.ts); what Alliance
// sends that JSON cannot carry is Dates, `undefined` and the odd non-finite
// number, so the browser reads exactly those annotations here instead of
// loading superjson on every page
// (README, "Performance"). Anything else superjson can annotate (Map, Set,
// BigInt, classes) is refused with an error: a procedure that starts
// returning one must be caught by tests (lib/wire.test.ts), not shown wrong.
//
// Inputs from the browser are plain JSON ({ json: input }), which superjson
// reads as is: forms send strings, numbers, booleans, arrays and objects.

type TAnnotationNode = [string, { [key: string]: TAnnotationTree }?];
type TAnnotationTree = TAnnotationNode | { [key: string]: TAnnotationTree };
export type TWirePayload = { json: unknown; meta?: { values?: TAnnotationTree; v?: number } };

/** superjson's path syntax: segments joined by ".", with "\\." and "\\\\" escaped. */
function parsePath(text: string): string[] {
  const segments: string[] = [];
  let segment = "";
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === "\\") {
      const next = text[index + 1];
      if (next !== "." && next !== "\\") throw new Error("Unreadable answer: a bad path.");
      segment += next;
      index += 1;
    } else if (char === ".") {
      segments.push(segment);
      segment = "";
    } else {
      segment += char;
    }
  }
  segments.push(segment);
  return segments;
}

const FORBIDDEN = new Set(["__proto__", "prototype", "constructor"]);

function revive(type: string, value: unknown): unknown {
  if (type === "Date" && typeof value === "string") return new Date(value);
  if (type === "undefined") return undefined;
  // NaN, the infinities and -0, which JSON cannot write as numbers (an average of nothing, say).
  if (type === "number" && typeof value === "string") return Number(value);
  throw new Error(`Unreadable answer: values of type ${type} are not expected here.`);
}

/** Replaces the value at `path` inside `root` (returns the new root when the path is empty). */
function setAt(root: unknown, path: string[], type: string): unknown {
  if (path.length === 0) return revive(type, root);
  let parent = root as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (FORBIDDEN.has(key)) throw new Error("Unreadable answer: a bad path.");
    parent = parent[key] as Record<string, unknown>;
    if (typeof parent !== "object" || parent === null) throw new Error("Unreadable answer: a path that isn't there.");
  }
  const last = path[path.length - 1];
  if (FORBIDDEN.has(last)) throw new Error("Unreadable answer: a bad path.");
  parent[last] = revive(type, parent[last]);
  return root;
}

function walk(tree: TAnnotationTree | undefined, origin: string[], visit: (type: string, path: string[]) => void): void {
  if (tree === undefined) return;
  if (typeof tree !== "object" || tree === null) throw new Error("Unreadable answer: bad annotations.");
  if (Array.isArray(tree)) {
    const [type, children] = tree;
    for (const [key, child] of Object.entries(children ?? {})) walk(child, [...origin, ...parsePath(key)], visit);
    if (typeof type !== "string") throw new Error("Unreadable answer: a value of an unexpected type.");
    return visit(type, origin);
  }
  for (const [key, child] of Object.entries(tree)) walk(child, [...origin, ...parsePath(key)], visit);
}

/** Reads what the server's superjson wrote: its JSON with Dates and `undefined` put back. */
export function readWire(payload: TWirePayload): unknown {
  let value = payload.json;
  walk(payload.meta?.values, [], (type, path) => {
    value = setAt(value, path, type);
  });
  return value;
}

/** The browser's tRPC transformer: plain JSON out, superjson's Dates and `undefined` in. */
export const browserTransformer = {
  serialize: (value: unknown): TWirePayload => ({ json: value }),
  deserialize: (payload: unknown): unknown => readWire(payload as TWirePayload),
};
