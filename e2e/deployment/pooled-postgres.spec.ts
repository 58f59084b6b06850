// Managed Postgres usually sits behind PgBouncer in transaction mode, which
// hands a server connection to another client after every transaction, so
// LISTEN cannot work through it. An instance with DATABASE_URL on a real
// PgBouncer and DATABASE_DIRECT_URL on the database itself: every page and
// procedure goes through the pooler, and live updates still arrive, because
// the listener uses the direct connection.
import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { seedClient, seedEngagement, seedSession, seedTherapist, TEST_PASSWORD } from "../../tests/factories";
import { LIVE_APPLICATION_NAME } from "../../server/live/bus";
import { newCluster, sharedServerUrl, startInstance, startPgBouncer, type TCluster, type TInstance, type TPooler } from "./cluster";

let cluster: TCluster;
let pooler: TPooler;
let app: TInstance;
/** How much PgBouncer had logged before the app started (its own start-up check). */
let logBeforeApp = 0;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await newCluster(sharedServerUrl(), "pooled");
  pooler = await startPgBouncer(cluster.databaseUrl, "pooled");
  logBeforeApp = pooler.log().length;
  app = await startInstance(cluster, "app", { DATABASE_URL: pooler.url, DATABASE_DIRECT_URL: cluster.databaseUrl });
});

test.afterAll(async () => {
  await app?.stop();
  await pooler?.stop();
  await cluster?.drop();
});

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: app.url })).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  return page;
}

test("pages and procedures work through PgBouncer in transaction mode, and live updates use the direct connection", async ({ browser }) => {
  const therapistUser = await seedTherapist(cluster.db, { name: "Dr. Rosa Vega" });
  const clientUser = await seedClient(cluster.db, { name: "Jonah Bell" });
  const engagement = await seedEngagement(cluster.db, { therapistId: therapistUser.id, clientId: clientUser.id });
  const session = await seedSession(cluster.db, engagement, { hoursFromNow: 4 });

  const client = await signedIn(browser, clientUser.email);
  await client.goto(`/sessions/${session.id}`);
  await expect(client.getByText("Live: changes appear here as they happen")).toBeVisible();

  const therapist = await signedIn(browser, therapistUser.email);
  await therapist.goto("/caseload");
  await expect(therapist.getByRole("list", { name: "Clients" })).toContainText("Jonah Bell");
  await therapist.goto(`/sessions/${session.id}`);
  const words = `Through the pooler (${randomUUID().slice(0, 8)}).`;
  const summary = therapist.getByRole("region", { name: "Summary" });
  await summary.getByRole("textbox", { name: "Summary" }).fill(words);
  await summary.getByRole("button", { name: "Save" }).click();
  await expect(summary.getByText("Saved.")).toBeVisible();
  // Saved through PgBouncer (a transaction), announced by NOTIFY, heard by the direct LISTEN.
  await expect(client.getByText(words)).toBeVisible({ timeout: 10_000 });

  // The app's queries went through the pooler...
  const appLogins = pooler.log().slice(logBeforeApp).match(/login attempt: db=alliance_deploy_pooled_\d+/g) ?? [];
  expect(appLogins.length).toBeGreaterThan(0);
  // ...and the listener did not: it is a connection of its own on the database, from this host, not from PgBouncer.
  const listeners = await cluster.db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${LIVE_APPLICATION_NAME}`;
  expect(Number(listeners[0].count)).toBe(1);
});
