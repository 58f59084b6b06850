// Running a whole procedure in one transaction (atomicWrites in
// server/api/trpc.ts) while the domain code it calls opens transactions of
// its own. Postgres has no nested transactions and Prisma's transaction
// client has no `$transaction`, so inside, a nested `$transaction(fn)` is a
// SAVEPOINT: when `fn` fails, its statements are rolled back and the outer
// transaction goes on, as the code expects of a transaction of its own (an
// idempotent insert catching a unique violation, then reading the row that
// won). A batch (`$transaction([...])`) runs its statements in order.
//
// Invariant: nested transactions of one procedure run one after another,
// never concurrently (savepoints are a stack on one connection).
import type { TDb } from "./client";
import type { Prisma } from "./generated/client";

export function joinedTransactionClient(tx: Prisma.TransactionClient): TDb {
  let depth = 0;
  const joined: TDb = new Proxy(tx, {
    get(target, property, receiver) {
      if (property !== "$transaction") return Reflect.get(target, property, receiver);
      return async (work: unknown) => {
        if (typeof work !== "function") {
          const results: unknown[] = [];
          for (const statement of work as Promise<unknown>[]) results.push(await statement);
          return results;
        }
        depth += 1;
        const savepoint = `nested_${depth}`;
        await tx.$executeRawUnsafe(`SAVEPOINT ${savepoint}`);
        try {
          const result = await (work as (client: TDb) => Promise<unknown>)(joined);
          await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${savepoint}`);
          return result;
        } catch (error) {
          await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${savepoint}`);
          throw error;
        } finally {
          depth -= 1;
        }
      };
    },
  }) as unknown as TDb;
  return joined;
}
