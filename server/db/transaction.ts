// The ladder owns the transaction (atomicWrites in server/api/trpc.ts): a
// mutation's domain code receives it as `ctx.db`, and the transactions that
// domain code opens of its own (so that it is atomic when a script or a seed
// calls it directly) simply join it. Postgres has no nested transactions and
// Prisma's transaction client has no `$transaction`: here `$transaction(fn)`
// runs `fn` on the same transaction, and a batch (`$transaction([...])`) runs
// its statements in order.
//
// Invariant: nothing inside a transaction catches a database error to carry
// on, so no savepoint is needed: a failed statement fails the whole
// mutation, which rolls back. Duplicates are not errors to catch but
// `INSERT … ON CONFLICT DO NOTHING` (Prisma's `createMany({ skipDuplicates })`)
// followed by a read.
import type { TDb } from "./client";
import type { Prisma } from "./generated/client";

export function joinedTransactionClient(tx: Prisma.TransactionClient): TDb {
  const joined: TDb = new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return async (work: unknown) => {
        if (typeof work === "function") return (work as (client: TDb) => Promise<unknown>)(joined);
        const results: unknown[] = [];
        for (const statement of work as Promise<unknown>[]) results.push(await statement);
        return results;
      };
    },
  }) as unknown as TDb;
  return joined;
}
