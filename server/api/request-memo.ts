// Per-request identity map for the records access checks load (the
// engagement, a goal, a session): a page that prefetches several procedures,
// or a batch of calls, loads each once. Queries only: a mutation always loads
// what it changes afresh.
//
// A procedure that has just loaded records through an access-checked query
// may prime the map (engagement.list primes each engagement, goal.list each
// goal), since the same user may read them; priming never replaces an entry.
import type { TContext } from "./trpc";

type TMemoContext = Pick<TContext, "memo">;

export type TMemoKey = `engagement:${string}` | `goal:${string}` | `session:${string}`;

/** `load()` once per request and key (queries); every time for mutations or without a memo. */
export function memoized<T>(ctx: TMemoContext, type: string, key: TMemoKey, load: () => Promise<T>): Promise<T> {
  if (!ctx.memo || type !== "query") return load();
  let pending = ctx.memo.get(key) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    ctx.memo.set(key, pending);
  }
  return pending;
}

/** Records a value an access-checked query already returned, unless the key is known. */
export function prime<T>(ctx: TMemoContext, key: TMemoKey, value: T): void {
  if (ctx.memo && !ctx.memo.has(key)) ctx.memo.set(key, Promise.resolve(value));
}
