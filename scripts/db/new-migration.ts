// Authors a migration from the change to prisma/schema.prisma since the last
// commit: `npm run db:migration -- add_goal_colour`. Review the SQL it
// writes; hand-written additions (triggers, data moves) go below it.
// Needs a reachable Postgres for Prisma 6's JS engine: DATABASE_URL, or the
// machine's 127.0.0.1:5432.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { diffSchemasToSql, readSchema } from "./schema-sql";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: npm run db:migration -- <snake_case_name>");
  process.exit(2);
}

function committedSchema(): string | null {
  try {
    return execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], { stdio: ["ignore", "pipe", "ignore"] }).toString();
  } catch {
    return null;
  }
}

const sql = await diffSchemasToSql({
  fromSchema: committedSchema(),
  toSchema: await readSchema(),
  adapterUrl: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
});
if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
  console.log("schema.prisma has not changed since the last commit; nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma/migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`wrote ${dir}/migration.sql`);
