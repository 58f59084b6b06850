// Computes the DDL Prisma would write for a schema change, offline.
//
// Prisma 7's `migrate diff` needs a schema-engine binary that cannot be
// downloaded on the project's machines. Prisma 6.19 (installed as the npm
// alias `prisma6`) has an experimental JS schema engine that runs through a
// driver adapter and computes the same diff offline; it only needs a
// reachable Postgres for the adapter. Used to author migrations
// (scripts/db/new-migration.ts) and by the drift test.
import { execFile } from "node:child_process";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const WORK_DIR = path.resolve("node_modules/.cache/alliance-prisma6");
const PRISMA6_CLI = path.resolve("node_modules/prisma6/build/index.js");

/** Prisma 6 still wants a `url` in the datasource block; Prisma 7 forbids it. */
async function prisma6Schema(source: string, name: string): Promise<string> {
  const text = source.replace(/provider\s*=\s*"postgresql"/, '$&\n  url = "postgresql://unused"');
  const file = path.join(WORK_DIR, `${name}.prisma`);
  await writeFile(file, text);
  return file;
}

export async function diffSchemasToSql(options: {
  /** Schema text to diff from; null means an empty database. */
  fromSchema: string | null;
  toSchema: string;
  /** Any reachable Postgres; the JS engine needs an adapter to start. */
  adapterUrl: string;
}): Promise<string> {
  await mkdir(WORK_DIR, { recursive: true });
  const configFile = path.join(WORK_DIR, "prisma6.config.mjs");
  await writeFile(
    configFile,
    `import { PrismaPg } from "@prisma/adapter-pg";
export default {
  experimental: { adapter: true },
  engine: "js",
  adapter: async () => new PrismaPg({ connectionString: ${JSON.stringify(options.adapterUrl)} }),
};
`,
  );
  const to = await prisma6Schema(options.toSchema, "to");
  const from = options.fromSchema === null ? null : await prisma6Schema(options.fromSchema, "from");
  const args = [
    PRISMA6_CLI,
    "migrate",
    "diff",
    "--config",
    configFile,
    ...(from ? ["--from-schema-datamodel", from] : ["--from-empty"]),
    "--to-schema-datamodel",
    to,
    "--script",
  ];
  const { stdout } = await run(process.execPath, args, {
    maxBuffer: 32 * 1024 * 1024,
    env: {
      ...process.env,
      // Prisma 6 checks for its native engines before using the JS one; any
      // existing file satisfies the check. Machines that have the engines
      // keep them.
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_QUERY_ENGINE_LIBRARY: process.env.PRISMA_QUERY_ENGINE_LIBRARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  return stdout;
}

export function readSchema(file = "prisma/schema.prisma"): Promise<string> {
  return readFile(file, "utf8");
}
