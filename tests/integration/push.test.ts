// Web push end to end (issue 28): a person's devices through the API, the
// push channel in their preferences, jobs run by graphile-worker on a moved
// app clock, and every push received by web-push-testing, a local STAND-IN
// for a browser vendor's push service (tests/support/push-service.ts): it
// checks our VAPID signature, decrypts each payload and keeps it, and
// answers 410 Gone for a subscription it was told to expire. It is not
// Google's, Mozilla's or Apple's service and reaches no browser.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freezeClockForTests, resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { newRowId } from "@/server/db/ids";
import { requireDatabaseUrl, setEnvForChildren } from "@/server/env";
import { runJobsOnce } from "@/server/jobs/worker";
import { runRemindersTick } from "@/server/notifications/reminders";
import { openField } from "@/server/crypto/sealed-fields";
import { sealAssignmentText } from "@/server/homework/sealing";
import { deviceLabel, endpointHash, forgetVapidKeysForTests, isAllowedPushEndpoint, vapidKeys } from "@/server/notifications/push";
import { localDateToDb } from "@/lib/homework/schedule";
import { callerFor, seedWorkingPair } from "../factories";
import { DISCREET_SUBJECTS, NAMELESS_SUBJECTS } from "@/server/notifications/emails";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { useTestPushService } from "../support/push-service";

const db = connectTestDb();
const databaseUrl = requireDatabaseUrl();
const pushService = useTestPushService();

const ANDROID_CHROME =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const IPHONE_SAFARI =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";

/** Everything that went by: no canary may be in any of it. */
const seen: string[] = [];
const canaries: string[] = [];

function canary(label: string): string {
  const words = `PUSHCANARY-${label}-${randomUUID().slice(0, 8)}`;
  canaries.push(words);
  return words;
}

afterEach(() => resetClock());

afterAll(async () => {
  const notifications = await db.notification.findMany({ select: { title: true, linkPath: true } });
  const everything = [...seen, JSON.stringify(notifications)].join("\n");
  for (const words of canaries) expect(everything).not.toContain(words);
  expect(seen.length).toBeGreaterThan(0);
  await getDb().$disconnect();
});

/** Runs the queue as at `at` on the app clock (graphile-worker compares run times with Postgres's clock). */
async function runJobsAt(at: string) {
  const instant = freezeClockForTests(new Date(at));
  await db.$queryRaw`
    SELECT count(*)::int AS count FROM graphile_worker.reschedule_jobs(
      (SELECT coalesce(array_agg(id), '{}') FROM graphile_worker._private_jobs WHERE locked_at IS NULL AND run_at <= ${instant}),
      run_at => now())`;
  await runJobsOnce({ connectionString: databaseUrl, isSilent: true });
}

async function pushJob(notificationId: string) {
  const [job] = await db.$queryRaw<{ run_at: Date; attempts: number; payload: string }[]>`
    SELECT j.run_at, j.attempts, j.payload::text AS payload FROM graphile_worker._private_jobs j WHERE j.key = ${`push:${notificationId}`}`;
  if (job) seen.push(job.payload);
  return job;
}

async function received(clientHash: string): Promise<unknown[]> {
  const messages = await pushService.messages(clientHash);
  seen.push(...messages);
  return messages.map((message) => JSON.parse(message) as unknown);
}

/** A pair working together, the client signed in on a phone with notifications on. */
async function pairWithPhone(names = { therapist: "Dr. Rosa Field", client: "Jonah Reed" }, timeZone = "Europe/London") {
  const { therapist, client, engagement } = await seedWorkingPair(db, names);
  await db.user.updateMany({ where: { id: { in: [therapist.id, client.id] } }, data: { timeZone } });
  const asTherapist = await callerFor(db, therapist);
  const asClient = await callerFor(db, client, { ip: "10.9.8.7", userAgent: ANDROID_CHROME });
  const { publicKey } = await asClient.push.publicKey();
  const phone = await pushService.subscribe(publicKey);
  const devices = await asClient.push.subscribe({ endpoint: phone.endpoint, keys: phone.keys });
  return { therapist, client, engagement, asTherapist, asClient, phone, device: devices[0]! };
}

async function sendMessage(pair: Awaited<ReturnType<typeof pairWithPhone>>, text: string) {
  await pair.asTherapist.message.setSettings({ engagementId: pair.engagement.id, mode: "open", replyTime: "Within two days." });
  await pair.asTherapist.message.send({ engagementId: pair.engagement.id, text });
  const notification = await db.notification.findFirstOrThrow({
    where: { userId: pair.client.id, kind: "message_from_therapist" },
    orderBy: { createdAt: "desc" },
    select: { id: true },
  });
  return notification.id;
}

describe("devices", () => {
  it("are listed with a label from the browser, never with their address, and only to their owner", async () => {
    const pair = await pairWithPhone();
    const list = await pair.asClient.push.list();
    expect(list).toEqual([
      { id: pair.device.id, label: "Chrome on Android", createdAt: expect.any(Date), lastSuccessAt: null, endpointHash: endpointHash(pair.phone.endpoint) },
    ]);
    expect(JSON.stringify(list)).not.toContain(pair.phone.clientHash);
    expect(await pair.asTherapist.push.list()).toEqual([]);

    // Someone else can't remove it, nor learn it exists.
    const before = await snapshotDatabase(db);
    expect((await rejection(pair.asTherapist.push.remove({ id: pair.device.id }))).code).toBe("NOT_FOUND");
    expect(await snapshotDatabase(db)).toEqual(before);

    // The same browser subscribing again is the same device; signed in as someone else, it becomes theirs.
    await pair.asClient.push.subscribe({ endpoint: pair.phone.endpoint, keys: pair.phone.keys });
    expect(await db.pushSubscription.count({ where: { endpoint: pair.phone.endpoint } })).toBe(1);
    await pair.asTherapist.push.subscribe({ endpoint: pair.phone.endpoint, keys: pair.phone.keys });
    expect(await pair.asClient.push.list()).toEqual([]);
    expect((await pair.asTherapist.push.list()).map((d) => d.label)).toEqual(["A browser"]);
  });

  it("accept only push services of browser vendors (and the configured stand-in), over https, with field messages", async () => {
    const pair = await pairWithPhone();
    const keys = pair.phone.keys;
    const before = await snapshotDatabase(db);
    for (const endpoint of [
      "http://fcm.googleapis.com/fcm/send/abc",
      "https://169.254.169.254/latest/meta-data",
      "https://internal.example.org/hook",
      "https://fcm.googleapis.com.evil.example/fcm/send/abc",
      "not a url",
    ]) {
      const error = await rejection(pair.asClient.push.subscribe({ endpoint, keys }));
      expect(error.code, endpoint).toBe("BAD_REQUEST");
    }
    expect((await rejection(pair.asClient.push.subscribe({ endpoint: pair.phone.endpoint, keys: { p256dh: "short", auth: keys.auth } }))).code).toBe(
      "BAD_REQUEST",
    );
    // Keys that are the right length but no point on the curve: nothing could ever be encrypted to them.
    const unusable = await rejection(pair.asClient.push.subscribe({ endpoint: pair.phone.endpoint.replace(/.$/, "0"), keys: { p256dh: `B${"A".repeat(86)}`, auth: keys.auth } }));
    expect(unusable.code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(isAllowedPushEndpoint("https://fcm.googleapis.com/fcm/send/abc")).toBe(true);
    expect(isAllowedPushEndpoint("https://updates.push.services.mozilla.com/wpush/v2/abc")).toBe(true);
    expect(isAllowedPushEndpoint("https://web.push.apple.com/QGx")).toBe(true);
    expect(isAllowedPushEndpoint("https://wns2-by3p.notify.windows.com/w/?token=x")).toBe(true);
    expect(isAllowedPushEndpoint("https://fcm.googleapis.com:8443/fcm/send/abc")).toBe(false);
    expect(deviceLabel(IPHONE_SAFARI)).toBe("Safari on iPhone");
  });

  it("go with a sign-out on that device, and with 'sign out everywhere else' for the others (and with the account: data-lifecycle.test.ts)", async () => {
    const pair = await pairWithPhone();
    // A laptop, signed in separately.
    const laptop = await pushService.subscribe((await pair.asClient.push.publicKey()).publicKey);
    const asLaptop = await callerFor(db, pair.client, { ip: "10.1.2.3", userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) Gecko/20100101 Firefox/132.0" });
    await asLaptop.push.subscribe({ endpoint: laptop.endpoint, keys: laptop.keys });
    expect((await pair.asClient.push.list()).map((d) => d.label)).toEqual(["Chrome on Android", "Firefox on Mac"]);

    await asLaptop.account.signOutOthers();
    expect((await pair.asClient.push.list()).map((d) => d.label)).toEqual(["Firefox on Mac"]);

    const { endSession } = await import("@/server/auth/session-user");
    const laptopSession = await db.pushSubscription.findFirstOrThrow({ where: { userId: pair.client.id }, select: { authSessionId: true } });
    await endSession(db, laptopSession.authSessionId!, "signed_out");
    expect(await db.pushSubscription.count({ where: { userId: pair.client.id } })).toBe(0);
  });
});

describe("the VAPID key pair", () => {
  it("is made once, kept with its private half sealed, and the same for every instance starting at once", async () => {
    await db.webPushKey.deleteMany();
    forgetVapidKeysForTests();
    const pairs = await Promise.all(
      Array.from({ length: 4 }, async () => {
        forgetVapidKeysForTests();
        return vapidKeys(db);
      }),
    );
    expect(new Set(pairs.map((pair) => pair.publicKey)).size).toBe(1);
    const [row] = await db.webPushKey.findMany({ select: { id: true, publicKey: true, privateKey: true } });
    expect(row!.publicKey).toBe(pairs[0]!.publicKey);
    expect(row!.privateKey).not.toContain(pairs[0]!.privateKey);
    expect(row!.privateKey.startsWith("enc1:")).toBe(true);
    expect(openField("webPushPrivateKey", { keyId: row!.id }, row!.privateKey)).toBe(pairs[0]!.privateKey);
    expect(pairs[0]!.subject).toMatch(/^mailto:/);

    // From the environment when it names a pair (both halves, or it refuses).
    setEnvForChildren({ WEB_PUSH_VAPID_PUBLIC_KEY: row!.publicKey });
    forgetVapidKeysForTests();
    await expect(vapidKeys(db)).rejects.toThrow(/both/);
    delete process.env.WEB_PUSH_VAPID_PUBLIC_KEY;
    setEnvForChildren({});
    forgetVapidKeysForTests();
  });
});

describe("a push", () => {
  it("brings the homework reminder as a title and a link, never what the homework says, at most one homework push a day", async () => {
    const pair = await pairWithPhone({ therapist: "Dr. Ada Ames", client: "Kim Park" });
    const words = canary("homework");
    const id = newRowId();
    await db.homeworkAssignment.create({
      data: {
        id,
        engagementId: pair.engagement.id,
        assignedById: pair.therapist.id,
        ...sealAssignmentText({ engagementId: pair.engagement.id, assignmentId: id }, { title: words, instructions: words }),
        kind: "practice",
        schedule: "once",
        startsOn: localDateToDb("2034-05-02"),
        endsOn: localDateToDb("2034-05-02"),
        occurrences: { create: { opensOn: localDateToDb("2034-05-02"), dueOn: localDateToDb("2034-05-02") } },
      },
    });
    await pair.asClient.notifications.updatePreferences({ channels: { homework_due: "push", homework_assigned: "push" }, hasQuietHours: true, quietFrom: "21:00", quietUntil: "08:00" });
    expect((await pair.asClient.notifications.preferences()).hasPushDevice).toBe(true);

    // 18:00 in London (BST): the reminder is due.
    freezeClockForTests(new Date("2034-05-02T17:00:00Z"));
    // (Other files' clients may share this database and this day: count this client's reminder.)
    await runRemindersTick(db);
    expect(await db.reminderDelivery.count({ where: { userId: pair.client.id } })).toBe(1);
    await runJobsAt("2034-05-02T17:00:30Z");
    expect(await received(pair.phone.clientHash)).toEqual([{ title: "You have something to try today", url: "/between-sessions" }]);
    const [device] = await pair.asClient.push.list();
    expect(device!.lastSuccessAt).toEqual(new Date("2034-05-02T17:00:30Z"));
    // No e-mail for it either: the person chose their devices.
    expect(await db.reminderDelivery.count({ where: { userId: pair.client.id, emailedAt: { not: null } } })).toBe(0);

    // More homework the same evening: in the app, but no second homework push today.
    freezeClockForTests(new Date("2034-05-02T18:00:00Z"));
    const { notify } = await import("@/server/notifications/notify");
    await notify(db, { userId: pair.client.id, kind: "homework_assigned", title: "New homework from Dr. Ada Ames", linkPath: `/homework/${id}`, engagementId: pair.engagement.id });
    await runJobsAt("2034-05-02T18:00:30Z");
    expect(await received(pair.phone.clientHash)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: pair.client.id } })).toBe(2);
  });

  it("is titled as an e-mail's subject is: a therapist's lock screen names no client, a client's says nothing of a safety plan", async () => {
    const pair = await pairWithPhone({ therapist: "Dr. Lee Shaw", client: "Priya Nair" });
    const laptop = await pushService.subscribe((await pair.asTherapist.push.publicKey()).publicKey);
    await pair.asTherapist.push.subscribe({ endpoint: laptop.endpoint, keys: laptop.keys });
    await pair.asTherapist.notifications.updatePreferences({ channels: { agenda_item_added: "push" }, hasQuietHours: false });
    await pair.asClient.notifications.updatePreferences({ channels: { safety_plan_updated_by_therapist: "push" }, hasQuietHours: false });

    freezeClockForTests(new Date("2037-02-03T12:00:00Z"));
    const { notify } = await import("@/server/notifications/notify");
    await notify(db, { userId: pair.therapist.id, kind: "agenda_item_added", title: "Priya Nair added to the agenda", linkPath: "/caseload", engagementId: pair.engagement.id });
    await notify(db, { userId: pair.client.id, kind: "safety_plan_updated_by_therapist", title: "Dr. Lee Shaw changed your safety plan", linkPath: "/safety-plan", engagementId: pair.engagement.id });
    await runJobsAt("2037-02-03T12:00:10Z");
    expect(await received(laptop.clientHash)).toEqual([{ title: NAMELESS_SUBJECTS.agenda_item_added, url: "/caseload" }]);
    expect(await received(pair.phone.clientHash)).toEqual([{ title: DISCREET_SUBJECTS.safety_plan_updated_by_therapist, url: "/safety-plan" }]);
  });

  it("waits for the end of quiet hours on the person's clock", async () => {
    const pair = await pairWithPhone();
    await pair.asClient.notifications.updatePreferences({ channels: { message_from_therapist: "push" }, hasQuietHours: true, quietFrom: "21:00", quietUntil: "08:00" });
    const words = canary("late-message");
    // 22:55 in London (GMT): inside quiet hours.
    freezeClockForTests(new Date("2035-01-14T22:55:00Z"));
    const notificationId = await sendMessage(pair, words);
    expect((await pushJob(notificationId))?.run_at.toISOString()).toBe("2035-01-15T08:00:00.000Z");

    await runJobsAt("2035-01-14T23:00:00Z");
    await runJobsAt("2035-01-15T07:59:00Z");
    expect(await received(pair.phone.clientHash)).toEqual([]);
    await runJobsAt("2035-01-15T08:00:00Z");
    expect(await received(pair.phone.clientHash)).toEqual([{ title: "New message from Dr. Rosa Field", url: `/messages/${pair.engagement.id}` }]);
  });

  it("reaches nothing on a removed device, and nothing once the person read it in the app", async () => {
    const pair = await pairWithPhone();
    const tablet = await pushService.subscribe((await pair.asClient.push.publicKey()).publicKey);
    await pair.asClient.push.subscribe({ endpoint: tablet.endpoint, keys: tablet.keys });
    await pair.asClient.notifications.updatePreferences({ channels: { message_from_therapist: "push" }, hasQuietHours: false });
    await pair.asClient.push.remove({ id: pair.device.id });

    freezeClockForTests(new Date("2036-03-01T12:00:00Z"));
    await sendMessage(pair, canary("removed"));
    await runJobsAt("2036-03-01T12:00:10Z");
    expect(await received(pair.phone.clientHash)).toEqual([]);
    expect(await received(tablet.clientHash)).toHaveLength(1);

    // Read before its time came (held by quiet hours): nothing is pushed.
    await pair.asClient.notifications.updatePreferences({ channels: { message_from_therapist: "push" }, hasQuietHours: true, quietFrom: "21:00", quietUntil: "08:00" });
    freezeClockForTests(new Date("2036-03-01T23:00:00Z"));
    await sendMessage(pair, canary("read-first"));
    await pair.asClient.message.markRead({ engagementId: pair.engagement.id });
    await runJobsAt("2036-03-02T08:00:00Z");
    expect(await received(tablet.clientHash)).toHaveLength(1);

    // Without any device, the form says so and nothing is pushed (the in-app row still comes).
    await pair.asClient.push.remove({ id: (await pair.asClient.push.list())[0]!.id });
    expect((await pair.asClient.notifications.preferences()).hasPushDevice).toBe(false);
  });

  it("removes a device whose push service answers 410 Gone, and retries a push service that fails", async () => {
    const pair = await pairWithPhone();
    await pair.asClient.notifications.updatePreferences({ channels: { message_from_therapist: "push" }, hasQuietHours: false });
    await pushService.expire(pair.phone.clientHash);

    freezeClockForTests(new Date("2037-06-01T12:00:00Z"));
    await sendMessage(pair, canary("gone"));
    await runJobsAt("2037-06-01T12:00:10Z");
    expect(await db.pushSubscription.count({ where: { userId: pair.client.id } })).toBe(0);
    expect(await pair.asClient.push.list()).toEqual([]);

    // A device whose service fails otherwise (here: keys that don't match, a 400) is kept, and the job retries.
    const other = await pushService.subscribe((await pair.asClient.push.publicKey()).publicKey);
    const wrong = await pushService.subscribe((await pair.asClient.push.publicKey()).publicKey);
    await pair.asClient.push.subscribe({ endpoint: other.endpoint, keys: wrong.keys });
    freezeClockForTests(new Date("2037-06-01T13:00:00Z"));
    const notificationId = await sendMessage(pair, canary("retry"));
    await runJobsAt("2037-06-01T13:00:10Z");
    expect(await db.pushSubscription.count({ where: { userId: pair.client.id } })).toBe(1);
    const job = await pushJob(notificationId);
    expect(job?.attempts).toBe(1);
    expect(await db.notification.findUniqueOrThrow({ where: { id: notificationId }, select: { pushedAt: true } })).toEqual({ pushedAt: null });
  });
});

