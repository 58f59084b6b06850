// `npm run bench`: how fast Alliance is, as ratios (machines are noisy), in
// one run on the production build (README, "Performance"):
// - a tRPC query over HTTP against the same SQL through raw `pg` in a tiny
//   route (app/api/bench/raw);
// - the caseload, a client page and the client's home against the minimal
//   signed-in page (/privacy, same layout, no data), on the demo practice;
// - the same pages on the scale practice (prisma/seed/scale.ts: 1,000
//   therapists, 20,000 clients, ~1,000,000 homework days) against the demo;
// - requests/s and p50/p95 at concurrency 10 for each;
// - statements per page load, and every sequential scan Postgres planned on
//   a large table while serving them (auto_explain);
// - the JavaScript each page ships (Chromium, transferred in the first 5 s of
//   a fresh visit, prefetches included: scripts/lib/page-weight.ts);
// - Lighthouse's performance score on the main pages of both roles (its
//   mobile preset, LIGHTHOUSE_RUNS runs a page: scripts/lib/lighthouse.ts).
// `npm run bench -- --only=lighthouse` (or BENCH_ONLY=lighthouse) runs the
// last part alone, for quick iteration on a page's speed.
// Its own embedded Postgres in .data/bench (kept, so the scale practice is
// built once); its own key and secret. Nothing here touches your data.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { chromium } from "@playwright/test";
import { setEnvForChildren } from "../server/env";
import { applyMigrations } from "../server/db/migrate";
import { createDb, APP_APPLICATION_NAME } from "../server/db/client";
import { dropDatabases, ensureDatabase } from "../server/db/provision";
import { startEmbeddedPostgres } from "../server/db/embedded";
import { generateDataKey } from "../server/crypto/sealed-text";
import { DEMO_PASSWORD } from "../server/auth/demo-accounts";
import { seedDemo } from "../prisma/seed/demo";
import { seedStarterTemplates } from "../prisma/seed/starter-templates";
import { FULL_PRACTICE, scaleClientEmail, scaleTherapistEmail, seedScale } from "../prisma/seed/scale";
import { needsBuild } from "./lib/build";
import { freePort, startNextInstance, waitUntil, type TInstance } from "./lib/instance";
import { signInOverHttp } from "./lib/http-session";
import { measureLoad, type TLoadResult } from "./lib/load";
import { formatKb, PAGE_SCRIPT_BUDGET_BYTES, pageScriptWeight, serviceWorkerWeight } from "./lib/page-weight";
import { formatCls, LIGHTHOUSE_SCORE_GOAL, startLighthouse } from "./lib/lighthouse";
import { bin, run } from "./lib/process";
import { formatCount } from "./lib/format";

const BENCH_DIR = path.resolve(".data/bench");
const DATABASE = "alliance_bench";
const SCALE_PASSWORD = "alliance-scale-2026";
const CONCURRENCY = 10;
const DURATION_MS = Number(process.env.BENCH_SECONDS ?? 5) * 1000;
/** A table this large must be read through an index by the pages measured. */
const LARGE_TABLE_ROWS = 10_000;
const THERAPIST = "therapist@demo.alliance.test";
const CLIENT = "maya@demo.alliance.test";
const ONLY = process.argv.find((arg) => arg.startsWith("--only="))?.slice("--only=".length) ?? process.env.BENCH_ONLY;
if (ONLY !== undefined && ONLY !== "lighthouse") {
  console.error(`[bench] --only=${ONLY}: the one part that runs alone is "lighthouse"`);
  process.exit(2);
}
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);

/**
 * The pages Lighthouse measures, in this order: add a page here. `who` is who
 * is signed in; in `path`, :engagement is Maya's engagement and :session her
 * next scheduled session (the demo practice). A path that answers 404 is
 * skipped, so pages still being built elsewhere can be listed already.
 */
const LIGHTHOUSE_PAGES: { name: string; who: "visitor" | "therapist" | "client"; path: string }[] = [
  { name: "sign-in", who: "visitor", path: "/sign-in" },
  { name: "caseload", who: "therapist", path: "/caseload" },
  { name: "client page (therapist)", who: "therapist", path: "/clients/:engagement" },
  { name: "session page (therapist)", who: "therapist", path: "/sessions/:session" },
  { name: "client home", who: "client", path: "/between-sessions" },
  { name: "session page (client)", who: "client", path: "/sessions/:session" },
  { name: "journal", who: "client", path: "/journal" },
  { name: "goals (client)", who: "client", path: "/goals" },
  { name: "progress (client)", who: "client", path: "/progress" },
  { name: "practice", who: "therapist", path: "/practice" },
  { name: "practice outcomes", who: "therapist", path: "/practice/outcomes" },
];

const log = (line: string) => console.log(line);
setEnvForChildren({ NEXT_TELEMETRY_DISABLED: "1" });

if (needsBuild()) {
  log("[bench] building the app first…");
  if ((await run(bin("next"), ["build"])) !== 0) process.exit(1);
}

// A key kept with the bench database, so its sealed text stays readable across runs.
mkdirSync(BENCH_DIR, { recursive: true });
const keyFile = path.join(BENCH_DIR, "encryption-key");
if (!existsSync(keyFile)) writeFileSync(keyFile, generateDataKey(), { mode: 0o600 });
setEnvForChildren({ DATA_ENCRYPTION_KEY: readFileSync(keyFile, "utf8").trim(), DATA_ENCRYPTION_OLD_KEYS: "" });

const serverLog: string[] = [];
const postgres = await startEmbeddedPostgres({
  dataDir: path.join(BENCH_DIR, "postgres"),
  port: await freePort(),
  // auto_explain is loaded, and switched on only for the counting phase below.
  settings: { session_preload_libraries: "auto_explain", log_line_prefix: "%a|", shared_buffers: "256MB" },
  log: (line) => serverLog.push(`${line}\n`),
});
let app: TInstance | undefined;
try {
  const databaseUrl = await prepareDatabase(postgres.serverUrl);
  const db = createDb(databaseUrl);
  // The bench signs therapists in with a password alone, as a practice that turned the two-step requirement off.
  const env = {
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    BENCH_ROUTES: "true",
    LOG_LEVEL: "warn",
    REQUIRE_TWO_FACTOR_FOR_THERAPISTS: "false",
  };
  app = await startNextInstance(env, "bench");

  // Who signs in, and the records their pages show.
  const cookies = {
    therapist: await signInOverHttp(app.url, THERAPIST, DEMO_PASSWORD),
    client: await signInOverHttp(app.url, CLIENT, DEMO_PASSWORD),
    scaleTherapist: await signInOverHttp(app.url, scaleTherapistEmail(FULL_PRACTICE.prefix, 1), SCALE_PASSWORD),
    scaleClient: await signInOverHttp(app.url, scaleClientEmail(FULL_PRACTICE.prefix, 1), SCALE_PASSWORD),
  };
  const demoEngagement = await db.engagement.findFirstOrThrow({ where: { client: { email: CLIENT }, status: "active" }, select: { id: true } });
  const demoSession = await db.therapySession.findFirstOrThrow({
    where: { engagementId: demoEngagement.id, status: "scheduled" },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  const scaleEngagement = await db.engagement.findFirstOrThrow({
    where: { client: { email: scaleClientEmail(FULL_PRACTICE.prefix, 1) } },
    select: { id: true },
  });
  const therapistSession = await db.authSession.findFirstOrThrow({
    where: { user: { email: THERAPIST }, endedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, userId: true },
  });

  const pages = {
    minimal: { path: "/privacy", cookie: cookies.therapist },
    caseload: { path: "/caseload", cookie: cookies.therapist },
    "client page": { path: `/clients/${demoEngagement.id}`, cookie: cookies.therapist },
    "client home": { path: "/between-sessions", cookie: cookies.client },
  };
  const scalePages = {
    caseload: { path: "/caseload", cookie: cookies.scaleTherapist },
    "client page": { path: `/clients/${scaleEngagement.id}`, cookie: cookies.scaleTherapist },
    "client home": { path: "/between-sessions", cookie: cookies.scaleClient },
  };
  const load = (target: { path: string; cookie: string }) =>
    measureLoad(`${app!.url}${target.path}`, { headers: { cookie: target.cookie }, concurrency: CONCURRENCY, durationMs: DURATION_MS, warmupMs: 1_000 });

  if (ONLY !== "lighthouse") {
    log(`\n[bench] Alliance on ${formatCount(await db.user.count(), "person")} (demo practice + scale practice), concurrency ${CONCURRENCY}, ${DURATION_MS / 1000}s per target\n`);

    // 1. The framework against raw pg, for the same SQL.
    const raw = await load({ path: `/api/bench/raw?session=${therapistSession.id}&user=${therapistSession.userId}`, cookie: "" });
    const trpc = await load({ path: "/api/trpc/notifications.unreadCount", cookie: cookies.therapist });
    table("tRPC query against the same SQL through raw pg", [
      ["raw pg route (/api/bench/raw)", raw],
      ["tRPC notifications.unreadCount", trpc],
    ]);
    ratio("tRPC / raw pg (requests/s)", trpc.rps / raw.rps, "≥ 0.5", trpc.rps / raw.rps >= 0.5);

    // 2. Dashboards against the minimal signed-in page, demo data.
    const demo: Record<string, TLoadResult> = {};
    for (const [name, target] of Object.entries(pages)) demo[name] = await load(target);
    table("dashboards against the minimal signed-in page (demo practice)", Object.entries(demo));
    for (const name of ["caseload", "client page", "client home"]) {
      ratio(`${name} / minimal page (requests/s)`, demo[name].rps / demo.minimal.rps, "≥ 0.4", demo[name].rps / demo.minimal.rps >= 0.4);
    }

    // 3. The same pages at scale.
    const scale: Record<string, TLoadResult> = {};
    for (const [name, target] of Object.entries(scalePages)) scale[name] = await load(target);
    table("the same pages in the scale practice (a therapist with 20 clients among 20,000)", Object.entries(scale));
    for (const name of Object.keys(scalePages)) {
      const times = scale[name].p50 / demo[name].p50;
      ratio(`${name}: scale / demo (p50 time)`, times, "≤ 1.5×", times <= 1.5, "×");
    }

    // 4. Statements per page and the plans Postgres chose, with statement logging and auto_explain on.
    await app.stop();
    await setLogging(databaseUrl, true);
    app = await startNextInstance(env, "bench-explain");
    // Same secret and database: the cookies signed in above still hold.
    const counted = { ...prefixed("demo", pages), ...prefixed("scale", scalePages) };
    const sizes = await tableSizes(databaseUrl);
    log("\n== statements per page load, and sequential scans on large tables ==");
    const seqScans: string[] = [];
    for (const [name, target] of Object.entries(counted)) {
      const { cookie } = target;
      await fetch(`${app.url}${target.path}`, { headers: { cookie } }).then((response) => response.text());
      const from = serverLog.length;
      await fetch(`${app.url}${target.path}`, { headers: { cookie } }).then((response) => response.text());
      await quiet();
      const lines = serverLog.slice(from).join("");
      const statements = lines.split("\n").filter((line) => line.startsWith(`${APP_APPLICATION_NAME}|`) && /LOG: {2}(statement|execute [^:]*):/.test(line));
      const scans = sequentialScans(lines).filter((table) => (sizes.get(table) ?? 0) >= LARGE_TABLE_ROWS);
      for (const table of scans) seqScans.push(`${name}: ${table} (${formatCount(sizes.get(table) ?? 0, "row")})`);
      log(`${name.padEnd(22)} ${String(statements.length).padStart(3)} statements${scans.length ? `  seq scan on ${[...new Set(scans)].join(", ")}` : ""}`);
    }
    log(seqScans.length === 0 ? `no sequential scan on a table of ${formatCount(LARGE_TABLE_ROWS, "row")} or more` : `SEQUENTIAL SCANS:\n  ${seqScans.join("\n  ")}`);
    await setLogging(databaseUrl, false);

    // 5. JavaScript per page, as Chromium downloads it.
    log(`\n== script per page (encoded bytes transferred in the first 5 s of a fresh visit, prefetches included; budget ${formatKb(PAGE_SCRIPT_BUDGET_BYTES)}) ==`);
    const browser = await chromium.launch(launchOptions());
    try {
      for (const [name, target] of [["sign-in", { path: "/sign-in", cookie: "" }] as const, ...Object.entries(pages)]) {
        const context = await browser.newContext({ baseURL: app.url });
        const { cookie } = target;
        if (cookie) await context.addCookies(cookie.split("; ").map((pair) => ({ name: pair.split("=")[0], value: pair.slice(pair.indexOf("=") + 1), url: app!.url })));
        const weight = await pageScriptWeight(await context.newPage(), target.path);
        await context.close();
        log(`${name.padEnd(22)} ${formatKb(weight.bytes).padStart(9)}  ${weight.bytes <= PAGE_SCRIPT_BUDGET_BYTES ? "ok  " : "OVER"}  (+${formatKb(weight.headerBytes)} headers)`);
      }
      const worker = await serviceWorkerWeight(app.url);
      log(`${"service worker".padEnd(22)} ${formatKb(worker.bytes).padStart(9)}  ${worker.encoding}, ${formatKb(worker.rawBytes)} uncompressed; fetched once when it installs, in no page's budget`);
    } finally {
      await browser.close();
    }
    // The instance above logs every statement on its pooled connections: Lighthouse gets one of its own.
    await app.stop();
    app = await startNextInstance(env, "bench-lighthouse");
  }

  // 6. Lighthouse on the main pages of both roles, demo practice.
  await lighthouseSection(app.url, { therapist: cookies.therapist, client: cookies.client }, { engagement: demoEngagement.id, session: demoSession.id });
  await db.$disconnect();
} finally {
  await app?.stop();
  await postgres.stop();
}

/** Section 6: Lighthouse on LIGHTHOUSE_PAGES, a line a page against the goals (median ≥ 95, CLS 0 in every run). */
async function lighthouseSection(baseUrl: string, cookies: { therapist: string; client: string }, ids: { engagement: string; session: string }) {
  log(`\n== Lighthouse performance, mobile preset (simulated throttling), ${LIGHTHOUSE_RUNS} runs a page (goal: median ≥ ${LIGHTHOUSE_SCORE_GOAL}, CLS 0 in every run) ==`);
  log(`${"".padEnd(26)} ${"median".padStart(6)}  ${"runs".padEnd(11)} ${"LCP".padStart(7)} ${"TBT".padStart(7)}  ${"CLS (worst)".padEnd(11)}`);
  const lighthouse = startLighthouse();
  for (const target of LIGHTHOUSE_PAGES) {
    const cookie = target.who === "visitor" ? "" : cookies[target.who];
    const url = `${baseUrl}${target.path.replace(":engagement", ids.engagement).replace(":session", ids.session)}`;
    // A warm server, as a person's visit finds it; and a page not built on this branch is left out.
    const { status } = await fetch(url, { headers: { cookie }, redirect: "manual" }).then(async (response) => (await response.text(), response));
    if (status === 404) {
      log(`${target.name.padEnd(26)} skipped (${target.path} answers 404)`);
      continue;
    }
    if (status !== 200) throw new Error(`${target.name}: ${target.path} answered ${status}`);
    const page = await lighthouse.measure(url, { cookie, runs: LIGHTHOUSE_RUNS });
    const { median } = page;
    log(
      `${target.name.padEnd(26)} ${String(median.score).padStart(6)}  ${page.runs.map((run) => run.score).join("/").padEnd(11)} ` +
        `${`${(median.lcpMs / 1000).toFixed(1)} s`.padStart(7)} ${`${Math.round(median.tbtMs)} ms`.padStart(7)}  ${formatCls(page.worstCls).padEnd(11)} ${page.isMet ? "met" : "NOT MET"}`,
    );
    const worst = page.runs.find((run) => run.cls === page.worstCls);
    if (formatCls(page.worstCls) !== "0") for (const shift of worst?.shifts.slice(0, 3) ?? []) log(`${"".padEnd(28)}shift ${shift}`);
    if (median.score < LIGHTHOUSE_SCORE_GOAL) log(`${"".padEnd(28)}long tasks (median run): ${median.longTasks.join(", ") || "none"}`);
  }
}

function prefixed<T>(prefix: string, entries: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(entries).map(([name, value]) => [`${prefix} ${name}`, value]));
}

function table(title: string, rows: [string, TLoadResult][]) {
  log(`\n== ${title} ==`);
  log(`${"".padEnd(34)} ${"req/s".padStart(8)} ${"p50".padStart(9)} ${"p95".padStart(9)}`);
  for (const [name, result] of rows) {
    const errors = result.errors ? `  (${result.errors} errors)` : "";
    log(`${name.padEnd(34)} ${result.rps.toFixed(1).padStart(8)} ${`${result.p50.toFixed(1)}ms`.padStart(9)} ${`${result.p95.toFixed(1)}ms`.padStart(9)}${errors}`);
  }
}

function ratio(label: string, value: number, goal: string, isMet: boolean, unit = "") {
  log(`  ${label.padEnd(40)} ${value.toFixed(2)}${unit}  (goal ${goal}: ${isMet ? "met" : "NOT MET"})`);
}

async function prepareDatabase(serverUrl: string): Promise<string> {
  const url = await ensureDatabase(serverUrl, DATABASE);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const isSeeded = await client
      .query("SELECT 1 FROM users WHERE email = $1", [scaleTherapistEmail(FULL_PRACTICE.prefix, 1)])
      .then((result) => (result.rowCount ?? 0) > 0, () => false);
    if (isSeeded) return url;
  } finally {
    await client.end();
  }
  log("[bench] building the bench database: the demo practice and the scale practice (once; kept in .data/bench)…");
  await dropDatabases(serverUrl, DATABASE);
  const fresh = await ensureDatabase(serverUrl, DATABASE);
  await applyMigrations(fresh);
  const db = createDb(fresh);
  await seedStarterTemplates(db);
  await seedDemo(db);
  await db.$disconnect();
  const seeder = new pg.Client({ connectionString: fresh });
  await seeder.connect();
  try {
    const report = await seedScale(seeder, FULL_PRACTICE, { now: new Date(), password: SCALE_PASSWORD });
    log(`[bench] scale practice built in ${report.seconds}s: ${Object.entries(report.rows).map(([table, count]) => `${table} ${formatCount(count, "row")}`).join(", ")}`);
  } finally {
    await seeder.end();
  }
  return fresh;
}

/** Statement logging and auto_explain (JSON plans) for new connections to the bench database. */
async function setLogging(url: string, isOn: boolean) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const [name, value] of [
      ["log_statement", "all"],
      ["auto_explain.log_min_duration", "0"],
      ["auto_explain.log_format", "json"],
    ]) {
      await client.query(isOn ? `ALTER DATABASE ${DATABASE} SET ${name} = '${value}'` : `ALTER DATABASE ${DATABASE} RESET ${name}`);
    }
  } finally {
    await client.end();
  }
}

async function tableSizes(url: string): Promise<Map<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ relname: string; rows: number }>(
      "SELECT relname, reltuples::bigint AS rows FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace",
    );
    return new Map(rows.map((row) => [row.relname, Number(row.rows)]));
  } finally {
    await client.end();
  }
}

/** The tables of every "Seq Scan" node in the JSON plans auto_explain logged. */
function sequentialScans(logText: string): string[] {
  const tables: string[] = [];
  for (const match of logText.matchAll(/"Node Type": "Seq Scan",[\s\S]*?"Relation Name": "([^"]+)"/g)) tables.push(match[1]);
  return tables;
}

/** Waits until the server log stops growing (it is written asynchronously). */
async function quiet() {
  let seen = -1;
  await waitUntil(
    () => {
      const isQuiet = serverLog.length === seen;
      seen = serverLog.length;
      return isQuiet;
    },
    10_000,
    () => "the server log never went quiet",
  );
}

/** Debian's Chromium where installed (as playwright.config.ts), else Playwright's own. */
function launchOptions() {
  const executablePath = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
  return executablePath
    ? { executablePath, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] }
    : {};
}
