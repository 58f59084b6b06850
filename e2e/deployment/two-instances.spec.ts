// Two app instances (`next start` on two ports) and two background workers on
// one database, as a practice behind a load balancer runs Alliance: a change
// made through one instance reaches a live page served by the other, sign-in
// throttling counts across both, and every background job runs exactly once.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { seedClient, seedEngagement, seedSession, seedTherapist, TEST_PASSWORD } from "../../tests/factories";
import { notify } from "../../server/notifications/notify";
import { setChannel } from "../../server/notifications/preferences";
import { MAX_FAILURES_PER_PAIR } from "../../server/auth/throttle";
import { CLIENT_ADDRESS_HEADER } from "../../server/auth/request-meta";
import { newCluster, outboxFiles, sharedServerUrl, startInstance, startWorkerProcess, waitUntil, type TCluster, type TInstance, type TProcess } from "./cluster";

test.describe.configure({ mode: "serial" });

let cluster: TCluster;
let first: TInstance;
let second: TInstance;
let workers: TProcess[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  cluster = await newCluster(sharedServerUrl(), "pair");
  [first, second] = await Promise.all([startInstance(cluster, "app-1"), startInstance(cluster, "app-2")]);
  workers = await Promise.all([startWorkerProcess(cluster, "worker-1"), startWorkerProcess(cluster, "worker-2")]);
});

test.afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop(), ...workers.map((worker) => worker.stop())]);
  await cluster?.drop();
});

async function signInOn(browser: Browser, instance: TInstance, email: string, password = TEST_PASSWORD): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: instance.url })).newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  return page;
}

test("a change saved through one instance appears on a live session page served by the other", async ({ browser }) => {
  const therapistUser = await seedTherapist(cluster.db, { name: "Dr. Ines Park" });
  const clientUser = await seedClient(cluster.db, { name: "Tomas Reed" });
  const engagement = await seedEngagement(cluster.db, { therapistId: therapistUser.id, clientId: clientUser.id });
  const session = await seedSession(cluster.db, engagement, { hoursFromNow: 2 });

  const client = await signInOn(browser, second, clientUser.email);
  await expect(client.getByRole("button", { name: "Sign out" })).toBeVisible();
  await client.goto(`/sessions/${session.id}`);
  await expect(client.getByText("Live: changes appear here as they happen")).toBeVisible();

  const therapist = await signInOn(browser, first, therapistUser.email);
  await expect(therapist.getByRole("button", { name: "Sign out" })).toBeVisible();
  await therapist.goto(`/sessions/${session.id}`);
  const words = `We planned one small step together (${randomUUID().slice(0, 8)}).`;
  const summary = therapist.getByRole("region", { name: "Summary" });
  await summary.getByRole("textbox", { name: "Summary" }).fill(words);
  await summary.getByRole("button", { name: "Save" }).click();
  await expect(summary.getByText("Saved.")).toBeVisible();

  // The client's page, served by the other instance, shows it without a reload.
  await expect(client.getByText(words)).toBeVisible({ timeout: 10_000 });
  expect(new URL(client.url()).port).toBe(String(second.port));
  expect(new URL(therapist.url()).port).toBe(String(first.port));
});

test("wrong passwords sent to either instance count together, and forging X-Forwarded-For on each changes nothing", async ({ browser }) => {
  const clientUser = await seedClient(cluster.db, { name: "Mara Quinn" });
  const wrong = "That email and password don't match. Check them and try again.";
  const throttled = /Too many attempts\. Please wait \d+ minutes and try again\./;
  const pages = { first: await (await browser.newContext({ baseURL: first.url })).newPage(), second: await (await browser.newContext({ baseURL: second.url })).newPage() };

  // Alternating, so neither instance alone saw enough failures to throttle;
  // each guess claims another address, as a guesser would (TRUSTED_PROXY_HOPS is 0 here).
  for (let attempt = 0; attempt < MAX_FAILURES_PER_PAIR; attempt += 1) {
    const page = attempt % 2 === 0 ? pages.first : pages.second;
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${attempt + 1}`, [CLIENT_ADDRESS_HEADER]: `198.51.100.${attempt + 1}` });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(clientUser.email);
    await page.getByLabel("Password").fill(`not it ${attempt}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: wrong })).toBeVisible();
  }

  // Now even the right password, from this address, waits: on either instance.
  for (const page of [pages.second, pages.first]) {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": "198.51.100.99", [CLIENT_ADDRESS_HEADER]: "198.51.100.99" });
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(clientUser.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: throttled })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
  }
});

type TCompletion = { jobId: string; task: string; pid: unknown; time: string };

/** "Completed task 17 (notification_email, 21.3ms) with success", from each worker's JSON lines. */
function completions(): TCompletion[] {
  return workers.flatMap((worker) =>
    worker.logs().flatMap((line) => {
      const match = /^Completed task (\d+) \((\w+),/.exec(String(line.msg ?? ""));
      return match ? [{ jobId: match[1], task: match[2], pid: line.pid, time: String(line.time) }] : [];
    }),
  );
}

test("with two workers on one queue, each job runs once and each e-mail is sent once", async () => {
  test.setTimeout(150_000);
  const count = 24;
  const clients = await Promise.all(Array.from({ length: count }, (_, index) => seedClient(cluster.db, { name: `Queue Client ${index}` })));
  // Each one chose e-mail for this kind, and no quiet hours (the run may be at
  // night), so notify() queues one e-mail job each, due at once.
  await Promise.all(clients.map((client) => setChannel(cluster.db, client.id, "homework_assigned", "email")));
  await cluster.db.notificationSettings.createMany({ data: clients.map((client) => ({ userId: client.id, quietFrom: null, quietUntil: null })) });
  const ids = await cluster.db.$transaction(async (tx) =>
    Promise.all(
      clients.map((client) =>
        notify(tx, { userId: client.id, kind: "homework_assigned", title: "New homework from Dr. Park", linkPath: "/between-sessions", engagementId: null }),
      ),
    ),
  );
  expect(ids.every(Boolean)).toBe(true);

  await waitUntil(
    async () => (await cluster.db.notification.count({ where: { id: { in: ids as string[] }, emailedAt: { not: null } } })) === count,
    60_000,
    () => `not every notification was e-mailed; completions so far: ${JSON.stringify(completions())}`,
  );
  // Both workers would have had every chance to run a job twice by now.
  await new Promise((resolve) => setTimeout(resolve, 3_000));

  const emails = completions().filter((completion) => completion.task === "notification_email");
  expect(emails).toHaveLength(count);
  expect(new Set(emails.map((completion) => completion.jobId)).size).toBe(count);
  const byWorker = new Map<unknown, number>();
  for (const completion of emails) byWorker.set(completion.pid, (byWorker.get(completion.pid) ?? 0) + 1);
  console.log(`notification e-mails per worker: ${[...byWorker.values()].join(" + ")}`);

  // One e-mail in the outbox per person, none twice.
  const files = outboxFiles(cluster.outboxDir);
  for (const client of clients) {
    const theirs = files.filter((file) => file.includes(client.email.replace(/[^a-z0-9@.-]/gi, "_")));
    expect(theirs, client.email).toHaveLength(1);
    expect(readFileSync(path.join(cluster.outboxDir, theirs[0]), "utf8")).toContain("New homework from Dr. Park");
  }

  // The once-a-minute reminder tick: both workers schedule it; it runs once per minute.
  await waitUntil(() => completions().some((completion) => completion.task === "reminders_tick"), 75_000, () => "no reminder tick ran");
  const ticks = completions().filter((completion) => completion.task === "reminders_tick");
  const minutes = ticks.map((tick) => tick.time.slice(0, 16));
  expect(new Set(minutes).size, `ticks at ${minutes.join(", ")}`).toBe(ticks.length);
});
