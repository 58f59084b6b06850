// `npm test`: the whole suite, in the order a reviewer would want failures:
// types, lint, unit + integration (Vitest, real Postgres), production build,
// end-to-end (Playwright in Chromium against `next start`), then the
// deployment specs (two instances and two workers on one database, a
// Postgres stopped and started under a running app, graceful shutdown).
//
// Databases: on TEST_DATABASE_URL's (or DATABASE_URL's) server when set,
// otherwise on an embedded Postgres in .data/test-postgres. Tests create and
// drop their own databases; they never write to the named one.
import { mkdirSync, readFileSync, existsSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { getEnv, setEnvForChildren } from "../server/env";
import { resolveDatabaseServer } from "../server/db/provision";
import { bin, exitOnDatabaseStartError, onShutdown, run } from "./lib/process";

const REPORTS = ".data/reports";
const env = getEnv();
// Next.js telemetry would be a request to a third party (docs/security-and-privacy.md, S12).
setEnvForChildren({ NEXT_TELEMETRY_DISABLED: "1" });
const started = Date.now();

function step(name: string) {
  console.log(`\n=== ${name} (${Math.round((Date.now() - started) / 1000)}s) ===`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function main(): Promise<number> {
  rmSync(REPORTS, { recursive: true, force: true });
  mkdirSync(REPORTS, { recursive: true });

  step("type-check");
  if ((await run(bin("next"), ["typegen"])) !== 0) return 1;
  if ((await run(bin("tsc"), ["--noEmit"])) !== 0) return 1;

  step("lint");
  if ((await run(bin("eslint"), [".", "--max-warnings=0"])) !== 0) return 1;

  step("database");
  const server = await resolveDatabaseServer({
    url: env.TEST_DATABASE_URL ?? env.DATABASE_URL,
    dataDir: ".data/test-postgres",
    port: await freePort(),
  }).catch(exitOnDatabaseStartError);
  onShutdown(() => server.stop());
  setEnvForChildren({ TEST_DATABASE_SERVER_URL: server.serverUrl });
  try {
    step("unit + integration (vitest)");
    const vitest = await run(bin("vitest"), [
      "run",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${REPORTS}/vitest.json`,
    ]);

    step("production build");
    const build = await run(bin("next"), ["build"]);
    if (build !== 0) return 1;

    step("end-to-end (playwright)");
    const playwright = await run(bin("playwright"), ["test"]);

    step("deployment (playwright: two instances, database outage, shutdown)");
    const deployment = await run(bin("playwright"), ["test", "-c", "playwright.deployment.config.ts"]);
    printSummary();
    return vitest || playwright || deployment;
  } finally {
    await server.stop();
  }
}

/** One closing line CI can read: "N passed, N failed". */
function printSummary(): void {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  if (existsSync(`${REPORTS}/vitest.json`)) {
    const report = JSON.parse(readFileSync(`${REPORTS}/vitest.json`, "utf8"));
    passed += report.numPassedTests ?? 0;
    // A file that fails to load has no failed tests, only a failed suite.
    const failedTests = report.numFailedTests ?? 0;
    failed += failedTests > 0 ? failedTests : (report.numFailedTestSuites ?? 0);
    skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  for (const report of ["playwright.json", "playwright-deployment.json"]) {
    if (!existsSync(`${REPORTS}/${report}`)) continue;
    const stats = JSON.parse(readFileSync(`${REPORTS}/${report}`, "utf8")).stats ?? {};
    passed += (stats.expected ?? 0) + (stats.flaky ?? 0);
    failed += stats.unexpected ?? 0;
    skipped += stats.skipped ?? 0;
  }
  console.log(`\nfinished in ${Math.round((Date.now() - started) / 1000)}s`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
}

process.exit(await main());
