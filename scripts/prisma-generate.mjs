// postinstall: generate the Prisma client. Prisma 7's CLI tries to download a
// schema-engine binary first, which machines without internet cannot do; the
// client generation itself does not need it. So: try the normal way, and only
// when the download fails, point PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file and try again (see docs/architecture.md, "Database and migrations").
import { spawnSync } from "node:child_process";

const cli = ["node_modules/prisma/build/index.js", "generate"];
const quiet = { encoding: "utf8", env: { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1" } };

let result = spawnSync(process.execPath, cli, quiet);
const output = `${result.stdout ?? ""}${result.stderr ?? ""}`;
if (result.status !== 0 && /ENOTFOUND|ECONNREFUSED|EAI_AGAIN|binaries\.prisma|fetch failed/i.test(output)) {
  result = spawnSync(process.execPath, cli, {
    ...quiet,
    env: { ...quiet.env, PRISMA_SCHEMA_ENGINE_BINARY: process.execPath },
  });
}
process.stdout.write(result.stdout ?? "");
process.stderr.write(result.stderr ?? "");
process.exit(result.status ?? 1);
