// Counts the SQL statements Prisma sends while a piece of work runs, for the
// N+1 guard (docs/house-style.md, H13): the count must not grow with the data.
import { afterAll } from "vitest";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/server/db/generated/client";
import { requireDatabaseUrl } from "@/server/env";

export function connectCountingDb() {
  const db = new PrismaClient({
    adapter: new PrismaPg({ connectionString: requireDatabaseUrl() }),
    log: [{ emit: "event", level: "query" }],
  });
  let statements = 0;
  db.$on("query", () => {
    statements += 1;
  });
  afterAll(() => db.$disconnect());
  return {
    db,
    async countStatements(work: () => Promise<unknown>): Promise<number> {
      const before = statements;
      await work();
      return statements - before;
    },
  };
}
