// SIGTERM, as an orchestrator sends it before replacing an instance: the app
// stops taking connections, finishes the request in flight, ends live streams
// with a retry hint, closes its pool and exits; a worker finishes the job it
// is running, then exits.
import { expect, test } from "@playwright/test";
import pg from "pg";
import superjson from "superjson";
import { seedClient, seedEngagement, seedSession, seedTherapist, TEST_PASSWORD } from "../../tests/factories";
import { notify } from "../../server/notifications/notify";
import { setChannel } from "../../server/notifications/preferences";
import { newCluster, outboxFiles, sharedServerUrl, startInstance, startWorkerProcess, waitUntil, type TCluster } from "./cluster";

test.describe.configure({ mode: "serial" });

let cluster: TCluster;

test.beforeAll(async () => {
  cluster = await newCluster(sharedServerUrl(), "shutdown");
});

test.afterAll(async () => {
  await cluster?.drop();
});

/** A transaction on its own connection holding a lock until release(). */
async function holdLock(sql: string, params: unknown[] = []): Promise<{ release: () => Promise<void> }> {
  const client = new pg.Client({ connectionString: cluster.databaseUrl });
  await client.connect();
  await client.query("BEGIN");
  await client.query(sql, params);
  return {
    release: async () => {
      await client.query("COMMIT");
      await client.end();
    },
  };
}

/** Whether some other connection of this database is waiting for a lock. */
async function someoneWaitsForALock(): Promise<boolean> {
  const rows = await cluster.db.$queryRaw<{ count: bigint }[]>`
    SELECT count(*) AS count FROM pg_stat_activity
    WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`;
  return Number(rows[0].count) > 0;
}

test("an app instance finishes the request in flight, ends live streams with a retry hint, closes its pool, and exits", async ({ browser }) => {
  const app = await startInstance(cluster, "app");
  const therapistUser = await seedTherapist(cluster.db, { name: "Dr. Ada Lowe" });
  const clientUser = await seedClient(cluster.db);
  const engagement = await seedEngagement(cluster.db, { therapistId: therapistUser.id, clientId: clientUser.id });
  const session = await seedSession(cluster.db, engagement, { hoursFromNow: 5 });
  const page = await (await browser.newContext({ baseURL: app.url })).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(therapistUser.email);
  await page.getByLabel("Password").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  await page.context().close();

  // A live stream, read to its end.
  const stream = await fetch(`${app.url}/api/live/sessions/${session.id}`, { headers: { cookie } });
  expect(stream.status).toBe(200);
  const streamText = stream.text();

  // A request held in flight by a lock on the table it reads.
  const lock = await holdLock("LOCK TABLE engagements IN ACCESS EXCLUSIVE MODE");
  const input = encodeURIComponent(JSON.stringify(superjson.serialize({} as never)));
  const inFlight = fetch(`${app.url}/api/trpc/engagement.list?input=${input}`, { headers: { cookie } });
  await waitUntil(someoneWaitsForALock, 10_000, () => "the request never reached the lock");

  app.child.kill("SIGTERM");

  // Live streams end at once, telling the browser when to come back.
  expect(await streamText).toContain("retry: 5000");
  // No new connections.
  await waitUntil(async () => (await fetch(`${app.url}/api/health`).then(() => false, () => true)), 10_000, () => "still accepting connections");
  // The request in flight is still being served, and the process waits for it.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(app.child.exitCode).toBeNull();

  await lock.release();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(superjson.deserialize((await response.json()).result.data)).toEqual(expect.arrayContaining([expect.objectContaining({ id: engagement.id })]));

  expect(await app.exited).toBe(143); // 128 + SIGTERM: a clean exit on that signal
  const messages = app.logs().map((line) => line.msg);
  expect(messages).toContain("finishing requests in flight; live streams told to reconnect");
  expect(messages).toContain("database pool closed");
});

test("a worker told to stop finishes the job it is running, then exits", async () => {
  const clientUser = await seedClient(cluster.db);
  await setChannel(cluster.db, clientUser.id, "homework_assigned", "email");
  await cluster.db.notificationSettings.create({ data: { userId: clientUser.id, quietFrom: null, quietUntil: null } });
  const notificationId = await notify(cluster.db, {
    userId: clientUser.id,
    kind: "homework_assigned",
    title: "New homework from Dr. Lowe",
    linkPath: "/between-sessions",
    engagementId: null,
  });
  // Its e-mail job waits on this row's lock once the worker takes it.
  const lock = await holdLock("SELECT id FROM notifications WHERE id = $1 FOR UPDATE", [notificationId]);
  const worker = await startWorkerProcess(cluster, "worker");
  await waitUntil(someoneWaitsForALock, 20_000, () => `the job never started:\n${worker.lines().join("\n")}`);

  worker.child.kill("SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  expect(worker.child.exitCode, "the worker waits for its running job").toBeNull();

  await lock.release();
  expect(await worker.exited).toBe(0);
  expect(worker.lines().some((line) => /Completed task \d+ \(notification_email,/.test(line))).toBe(true);
  expect(outboxFiles(cluster.outboxDir).filter((file) => file.includes(clientUser.email))).toHaveLength(1);
  expect((await cluster.db.notification.findUniqueOrThrow({ where: { id: notificationId! } })).emailedAt).not.toBeNull();
});
