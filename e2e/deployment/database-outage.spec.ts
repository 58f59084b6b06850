// A real Postgres goes away under a running instance and comes back: pages
// answer a plain 503 page, procedures a clear 503 message, readiness fails
// while liveness holds, nothing shows a stack trace; then the same instance,
// never restarted, serves pages again and its live listener delivers again.
import { expect, test, type Browser, type Page } from "@playwright/test";
import superjson from "superjson";
import { seedClient, seedEngagement, seedSession, seedTherapist, TEST_PASSWORD } from "../../tests/factories";
import { DATABASE_UNAVAILABLE_MESSAGE } from "../../server/db/outage";
import { newCluster, ownPostgres, startInstance, type TCluster, type TInstance, type TOwnPostgres } from "./cluster";

let postgres: TOwnPostgres;
let cluster: TCluster;
let app: TInstance;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  postgres = await ownPostgres("outage");
  cluster = await newCluster(postgres.serverUrl, "outage");
  app = await startInstance(cluster, "app");
});

test.afterAll(async () => {
  await app?.stop();
  await postgres?.start();
  await cluster?.drop();
  await postgres?.stop();
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

/** No stack frames, driver names or error classes in what a person or a script is shown. */
function expectNoInternals(body: string): void {
  expect(body).not.toMatch(/\n\s+at |ECONNREFUSED|PrismaClient|node_modules|DriverAdapterError|Error:/);
}

test("while Postgres is down people get a plain 503, and when it is back the same instance recovers by itself", async ({ browser }) => {
  test.setTimeout(120_000);
  const therapistUser = await seedTherapist(cluster.db, { name: "Dr. Noor Aziz" });
  const clientUser = await seedClient(cluster.db, { name: "Eli Moss" });
  const engagement = await seedEngagement(cluster.db, { therapistId: therapistUser.id, clientId: clientUser.id });
  const session = await seedSession(cluster.db, engagement, { hoursFromNow: 3 });
  const therapist = await signedIn(browser, therapistUser.email);
  const client = await signedIn(browser, clientUser.email);
  await client.goto(`/sessions/${session.id}`);
  await expect(client.getByText("Live: changes appear here as they happen")).toBeVisible();
  const cookie = (await therapist.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const query = (path: string, input: unknown) =>
    fetch(`${app.url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input as never)))}`, { headers: { cookie } });

  await postgres.stop();

  // Liveness holds, so an orchestrator does not restart a healthy process; readiness fails.
  expect((await fetch(`${app.url}/api/health`)).status).toBe(200);
  const ready = await fetch(`${app.url}/api/health/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toEqual({ status: "database unavailable" });

  // A page: the 503 page, in plain words, that tries again by itself.
  const down = await therapist.goto("/caseload");
  expect(down?.status()).toBe(503);
  await expect(therapist.getByRole("heading", { name: "Alliance is briefly unavailable" })).toBeVisible();
  await expect(therapist.getByText("Everything you saved before is safe.")).toBeVisible();
  expectNoInternals(await therapist.content());

  // A procedure: 503 with the sentence the forms show.
  const procedure = await query("engagement.byId", { engagementId: engagement.id });
  expect(procedure.status).toBe(503);
  const procedureBody = await procedure.text();
  expect(procedureBody).toContain(DATABASE_UNAVAILABLE_MESSAGE);
  expectNoInternals(procedureBody);

  await postgres.start();

  // The 503 page reloads itself: the caseload comes back without anyone touching it, or restarting the app.
  await expect(therapist.getByRole("heading", { name: "Your caseload" })).toBeVisible({ timeout: 30_000 });
  expect((await fetch(`${app.url}/api/health/ready`)).status).toBe(200);
  expect((await query("engagement.byId", { engagementId: engagement.id })).status).toBe(200);

  // The live listener reconnected: a summary saved now reaches the client's open page.
  await therapist.goto(`/sessions/${session.id}`);
  const words = "We named one thing that helped this week.";
  const summary = therapist.getByRole("region", { name: "Summary" });
  await summary.getByRole("textbox", { name: "Summary" }).fill(words);
  await summary.getByRole("button", { name: "Save" }).click();
  await expect(summary.getByText("Saved.")).toBeVisible();
  await expect(client.getByText(words)).toBeVisible({ timeout: 15_000 });

  // The instance said what happened, in its JSON log lines.
  const messages = app.logs().map((line) => line.msg);
  expect(messages).toContain("database unreachable; answering 503 until it is back");
  expect(messages).toContain("database reachable again");
  expect(app.child.exitCode).toBeNull();
});
