// Reminders and e-mail end to end: the tick on a moved app clock, jobs run by
// graphile-worker (runOnce, or real workers started and stopped), and every
// message received by a real SMTP server inside the test, parsed with
// mailparser. Each test lives in its own year so ticks of one test never find
// another's sessions due; e-mails are told apart by recipient.
import { appRoute } from "../support/next-route";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import ICAL from "ical.js";
import * as unsubscribeRoute from "@/app/api/unsubscribe/route";
import { freezeClockForTests, resetClock } from "@/server/clock";
import { createDb, getDb, type TDb } from "@/server/db/client";
import { requireDatabaseUrl } from "@/server/env";
import { runJobsOnce, startWorker } from "@/server/jobs/worker";
import { runRemindersTick, sessionReminderKey } from "@/server/notifications/reminders";
import { channelFor, setChannel } from "@/server/notifications/preferences";
import { sealField } from "@/server/crypto/sealed-fields";
import { newRowId } from "@/server/db/ids";
import { sealAssignmentText } from "@/server/homework/sealing";
import { sealAnswers } from "@/server/measures/sealing";
import { localDateToDb } from "@/lib/homework/schedule";
import { connectTestDb } from "../support/db";
import { useTestSmtp, type TReceivedMail } from "../support/smtp";
import { callerFor, seedClient, seedConversation, seedEngagement, seedMeasures, seedTherapist } from "../factories";
import { NAMELESS_SUBJECTS } from "@/server/notifications/emails";
import { kindsForRole } from "@/lib/notifications/kinds";

const db = connectTestDb();
const databaseUrl = requireDatabaseUrl();
const unsubscribe = appRoute("/api/unsubscribe/route", unsubscribeRoute);

const AGENDA_CANARY = "CANARY-agenda-7f3a9 my brother's drinking";
const REFLECTION_CANARY = "CANARY-reflection-51bc the panic came back";
const MESSAGE_CANARY = "CANARY-message-c41d I couldn't do the exposure";

const smtp = useTestSmtp({ NEXTAUTH_SECRET: "reminders-test-secret-0123456789abcdef012345" });
const { received, mailsTo } = smtp;

const payloads: string[] = [];

afterEach(() => resetClock());

afterAll(async () => {
  // No clinical text in any e-mail, notification or job payload that went by.
  const notifications = await db.notification.findMany({ select: { title: true, linkPath: true } });
  const everything = [...received.map((r) => r.raw), ...payloads, JSON.stringify(notifications)].join("\n");
  for (const canary of [AGENDA_CANARY, REFLECTION_CANARY, MESSAGE_CANARY]) expect(everything).not.toContain(canary);
  expect(received.length).toBeGreaterThan(0);
  await getDb().$disconnect();
});

/** Every job payload in the queue right now (kept for the canary check). */
async function capturePayloads(): Promise<{ task: string; payload: string }[]> {
  const rows = await db.$queryRaw<{ task: string; payload: string }[]>`
    SELECT t.identifier AS task, j.payload::text AS payload
    FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id`;
  payloads.push(...rows.map((row) => row.payload));
  return rows;
}

async function tickAt(at: string, tickDb: TDb = db) {
  freezeClockForTests(new Date(at));
  const result = await runRemindersTick(tickDb);
  await capturePayloads();
  return result;
}

async function runJobs() {
  await runJobsOnce({ connectionString: databaseUrl, isSilent: true });
}

// --- Seeds ---------------------------------------------------------------------------

async function seedPair(timeZone: string, therapistName = "Dr. Aiko Tanaka") {
  const therapist = await seedTherapist(db, { name: therapistName, timeZone });
  const client = await seedClient(db, { name: "Kenji Mori", timeZone });
  const engagement = await seedEngagement(db, { therapistId: therapist.id, clientId: client.id });
  return { therapist, client, engagement };
}

async function seedSessionAt(
  engagement: { id: string; therapistId: string; clientId: string | null },
  startsAt: string,
  place: { location?: string; videoUrl?: string } = {},
) {
  const session = await db.therapySession.create({
    data: { engagementId: engagement.id, createdById: engagement.therapistId, startsAt: new Date(startsAt), ...place },
    select: { id: true, startsAt: true },
  });
  await db.agendaItem.create({
    data: {
      sessionId: session.id,
      authorId: engagement.clientId!,
      text: sealField("agendaText", { sessionId: session.id, authorId: engagement.clientId! }, AGENDA_CANARY),
      position: 0,
    },
  });
  return session;
}

async function seedHomeworkDue(engagement: { id: string; therapistId: string; clientId: string | null }, day: string, isRecorded: boolean) {
  const id = newRowId();
  const assignment = await db.homeworkAssignment.create({
    data: {
      id,
      engagementId: engagement.id,
      assignedById: engagement.therapistId,
      ...sealAssignmentText(
        { engagementId: engagement.id, assignmentId: id },
        { title: "Three minutes of slow breathing", instructions: "Breathe in for four, out for six." },
      ),
      kind: "practice",
      schedule: "once",
      startsOn: localDateToDb(day),
      endsOn: localDateToDb(day),
      occurrences: { create: { opensOn: localDateToDb(day), dueOn: localDateToDb(day) } },
    },
    select: { occurrences: { select: { id: true } } },
  });
  const occurrenceId = assignment.occurrences[0].id;
  if (isRecorded) await recordHomework(occurrenceId, engagement.clientId!);
  return occurrenceId;
}

async function recordHomework(occurrenceId: string, clientId: string) {
  await db.homeworkCompletion.create({
    data: {
      occurrenceId,
      clientId,
      status: "done",
      response: sealField("completionResponse", { occurrenceId }, REFLECTION_CANARY),
    },
  });
}

/** A header exactly as it arrived (mailparser restructures List-* headers). */
function header(message: TReceivedMail, name: string): string | undefined {
  const line = message.mail.headerLines.find((h) => h.key === name)?.line;
  return line?.slice(line.indexOf(":") + 1).trim();
}

function oneClickLink(message: TReceivedMail): string {
  return (header(message, "list-unsubscribe") ?? "").replace(/^<|>$/g, "");
}

function icsOf(message: TReceivedMail) {
  const attachment = message.mail.attachments.find((a) => a.contentType === "text/calendar");
  if (!attachment) throw new Error("no calendar attachment");
  const calendar = new ICAL.Component(ICAL.parse(attachment.content.toString("utf8")));
  const vevent = calendar.getFirstSubcomponent("vevent");
  if (!vevent) throw new Error("no VEVENT");
  return new ICAL.Event(vevent);
}

// --- The tests ---------------------------------------------------------------------------

describe("the session reminder", () => {
  it("reaches a client in Tokyo once, at 10:00 their time the day before, with both parts, an .ics and one-click unsubscribe", async () => {
    const { client, engagement } = await seedPair("Asia/Tokyo");
    // 10:00 in Tokyo (UTC+9) on 6 March 2031.
    const session = await seedSessionAt(engagement, "2031-03-06T01:00:00Z", { videoUrl: "https://video.example.org/room-42" });

    await tickAt("2031-03-05T00:59:00Z");
    await runJobs();
    expect(mailsTo(client.email)).toHaveLength(0);

    const tick = await tickAt("2031-03-05T01:00:00Z");
    expect(tick.sent).toBeGreaterThanOrEqual(1);
    await runJobs();
    await tickAt("2031-03-05T01:01:00Z");
    await tickAt("2031-03-05T09:30:00Z");
    await runJobs();

    const mails = mailsTo(client.email);
    expect(mails).toHaveLength(1);
    const [message] = mails;
    expect(message.mail.subject).toBe("Your session with Dr. Aiko Tanaka is tomorrow at 10:00");
    expect(message.mail.text).toContain("tomorrow at 10:00 (Asia/Tokyo time)");
    expect(message.mail.text).toContain("https://video.example.org/room-42");
    expect(message.mail.text).toContain(`https://alliance.test/sessions/${session.id}`);
    expect(message.mail.html).toContain(`href="https://alliance.test/sessions/${session.id}"`);
    expect(message.mail.html).toContain("Add something to the agenda");

    expect(oneClickLink(message)).toMatch(/^https:\/\/alliance\.test\/api\/unsubscribe\?token=[\w.%-]+$/);
    expect(header(message, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");

    const event = icsOf(message);
    expect(event.startDate.toUnixTime() * 1000).toBe(session.startsAt.getTime());
    expect(event.startDate.zone?.tzid).toBe("Asia/Tokyo");
    expect(event.startDate.hour).toBe(10);
    expect(event.summary).toBe("Therapy session with Dr. Aiko Tanaka");

    // The same reminder in the app.
    const notifications = await db.notification.findMany({ where: { userId: client.id, kind: "agenda_reminder" } });
    expect(notifications).toHaveLength(1);
    expect(notifications[0]).toMatchObject({
      title: "Your session with Dr. Aiko Tanaka is tomorrow at 10:00",
      linkPath: `/sessions/${session.id}`,
    });
  });

  it("mentions a questionnaire asked for before every session until it is sent for that session", async () => {
    const { client, engagement } = await seedPair("Europe/London", "Dr. Mina Shah");
    const first = await seedSessionAt(engagement, "2032-05-06T10:00:00Z");
    const second = await seedSessionAt(engagement, "2032-05-13T10:00:00Z");
    const measure = await db.measureAssignment.create({
      data: { engagementId: engagement.id, kind: "phq9", schedule: "before_each_session", assignedById: engagement.therapistId, createdAt: new Date("2032-05-01T10:00:00Z") },
      select: { id: true },
    });
    await tickAt("2032-05-05T10:00:00Z");
    await runJobs();
    const [before] = mailsTo(client.email);
    expect(before.mail.text).toContain(
      `Dr. Mina Shah also asked you to fill in a short questionnaire (PHQ-9) before the session. It takes about two minutes: https://alliance.test/questionnaires/${measure.id}`,
    );
    // Sent for the second session already: its reminder says nothing about it.
    await db.measureResponse.create({
      data: {
        assignmentId: measure.id, engagementId: engagement.id, clientId: client.id, kind: "phq9", periodKey: `session:${second.id}`,
        answers: sealAnswers({ engagementId: engagement.id, assignmentId: measure.id, periodKey: `session:${second.id}` }, [0, 0, 0, 0, 0, 0, 0, 0, 0]),
        difficulty: 0, total: 0, completedAt: new Date("2032-05-11T10:00:00Z"),
      },
    });
    await tickAt("2032-05-12T10:00:00Z");
    await runJobs();
    const mails = mailsTo(client.email);
    expect(mails).toHaveLength(2);
    expect(mails[1].mail.text).not.toContain("questionnaire");
    expect(first.id).not.toBe(second.id);
  });

  it("waits for the end of quiet hours, and is never sent after the session starts", async () => {
    const { client, engagement } = await seedPair("Asia/Tokyo");
    // 23:00 in Tokyo on 6 March 2032: 24 hours before is 23:00, inside the default 21:00–08:00 quiet hours.
    await seedSessionAt(engagement, "2032-03-06T14:00:00Z");
    await tickAt("2032-03-05T14:00:00Z");
    await tickAt("2032-03-05T22:59:00Z");
    await runJobs();
    expect(mailsTo(client.email)).toHaveLength(0);
    await tickAt("2032-03-05T23:00:00Z"); // 08:00 in Tokyo
    await runJobs();
    expect(mailsTo(client.email).map((m) => m.mail.subject)).toEqual(["Your session with Dr. Aiko Tanaka is today at 23:00"]);

    // A session booked at 07:30 for 07:45 the same morning (quiet until 08:00): no reminder at all.
    const early = await seedSessionAt(engagement, "2032-03-07T22:45:00Z");
    await tickAt("2032-03-07T22:30:00Z");
    await tickAt("2032-03-07T23:00:00Z"); // 08:00, but the session has started
    await runJobs();
    expect(await db.reminderDelivery.count({ where: { key: sessionReminderKey(early.id, early.startsAt) } })).toBe(0);
  });

  it("moves with a rescheduled session: nothing at the old time, one at the new; none once cancelled", async () => {
    const { client, engagement } = await seedPair("Europe/London");
    const session = await seedSessionAt(engagement, "2033-05-10T09:00:00Z");

    // Due and queued, then moved two days later before the worker ran: the queued e-mail re-checks and stays unsent.
    await tickAt("2033-05-09T09:00:00Z");
    await db.therapySession.update({ where: { id: session.id }, data: { startsAt: new Date("2033-05-12T09:00:00Z") } });
    await runJobs();
    await tickAt("2033-05-09T09:05:00Z");
    await runJobs();
    expect(mailsTo(client.email)).toHaveLength(0);

    await tickAt("2033-05-11T08:59:00Z");
    await runJobs();
    expect(mailsTo(client.email)).toHaveLength(0);
    await tickAt("2033-05-11T09:00:00Z");
    await runJobs();
    const mails = mailsTo(client.email);
    expect(mails).toHaveLength(1);
    // London is on BST (UTC+1) in May.
    expect(mails[0].mail.subject).toBe("Your session with Dr. Aiko Tanaka is tomorrow at 10:00");

    // Cancelled: never selected.
    const cancelled = await seedSessionAt(engagement, "2033-06-10T09:00:00Z");
    await db.therapySession.update({ where: { id: cancelled.id }, data: { status: "cancelled", cancelledAt: new Date() } });
    await tickAt("2033-06-09T09:00:00Z");
    await runJobs();
    expect(mailsTo(client.email)).toHaveLength(1);
  });
});

describe("the homework reminder", () => {
  it("is sent at the client's time only on a day with something still to do, at most once a day", async () => {
    const recorded = await seedPair("Europe/London");
    const open = await seedPair("Europe/London");
    await seedHomeworkDue(recorded.engagement, "2034-03-07", true);
    const openOccurrence = await seedHomeworkDue(open.engagement, "2034-03-07", false);

    await tickAt("2034-03-07T17:59:00Z");
    await runJobs();
    expect(mailsTo(open.client.email)).toHaveLength(0);

    await tickAt("2034-03-07T18:00:00Z"); // 18:00 in London (GMT), the default time
    await runJobs();
    expect(mailsTo(recorded.client.email)).toHaveLength(0);
    expect(await db.reminderDelivery.findUnique({ where: { key: `homework_due:${recorded.client.id}:2034-03-07` } })).toMatchObject({
      outcome: "nothing_due",
    });
    const mails = mailsTo(open.client.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].mail.subject).toBe("Something to try today");
    expect(mails[0].mail.text).toContain("https://alliance.test/between-sessions");

    // Later that evening (and after recording it), nothing more.
    await recordHomework(openOccurrence, open.client.id);
    await tickAt("2034-03-07T19:00:00Z");
    await tickAt("2034-03-07T20:59:00Z");
    await runJobs();
    expect(mailsTo(open.client.email)).toHaveLength(1);
  });

  it("is dropped when the day's homework is recorded after it was queued but before it was sent", async () => {
    const { client, engagement } = await seedPair("Europe/London");
    const occurrence = await seedHomeworkDue(engagement, "2035-03-07", false);
    await tickAt("2035-03-07T18:00:00Z");
    await recordHomework(occurrence, client.id);
    await runJobs();
    expect(mailsTo(client.email)).toHaveLength(0);
  });
});

/** A PHQ-9 response with item 9 above 0 and its open flag, raised at `at`. */
async function seedUrgentFlag(engagement: { id: string; therapistId: string; clientId: string | null }, at: string) {
  const assignment = await db.measureAssignment.create({
    data: { engagementId: engagement.id, kind: "phq9", schedule: "once", assignedById: engagement.therapistId, createdAt: new Date(at) },
    select: { id: true },
  });
  const response = await db.measureResponse.create({
    data: {
      assignmentId: assignment.id,
      engagementId: engagement.id,
      clientId: engagement.clientId!,
      kind: "phq9",
      periodKey: "once",
      answers: sealAnswers({ engagementId: engagement.id, assignmentId: assignment.id, periodKey: "once" }, [0, 0, 0, 0, 0, 0, 0, 0, 1]),
    },
    select: { id: true },
  });
  await db.measureFlag.create({ data: { responseId: response.id, engagementId: engagement.id, createdAt: new Date(at) } });
}

describe("the daily digest", () => {
  it("tells the therapist counts and names only, once, and nothing on a quiet day", async () => {
    const { therapist, client, engagement } = await seedPair("Europe/Paris", "Dr. Digest");
    // Tomorrow's session (Paris) with the client's agenda item, and a homework day recorded in the last 24 hours.
    await seedSessionAt(engagement, "2036-03-06T09:00:00Z");
    const occurrence = await seedHomeworkDue(engagement, "2036-03-05", false);
    freezeClockForTests(new Date("2036-03-05T06:00:00Z"));
    await recordHomework(occurrence, client.id);
    await db.homeworkCompletion.update({ where: { occurrenceId: occurrence }, data: { completedAt: new Date("2036-03-05T06:00:00Z") } });
    // An urgent questionnaire answer in the night, not yet acknowledged.
    await seedUrgentFlag(engagement, "2036-03-05T02:00:00Z");
    // A message from the client the therapist hasn't read, and one from the therapist (not counted).
    // A week later it is still unread, and waits on the caseload rather than in another digest.
    for (const [authorId, text] of [[client.id, MESSAGE_CANARY], [therapist.id, "See you on Friday."]] as const) {
      const id = newRowId();
      await db.message.create({
        data: {
          id,
          engagementId: engagement.id,
          authorId,
          body: sealField("messageBody", { engagementId: engagement.id, authorId, messageId: id }, text),
          createdAt: new Date("2036-03-04T20:00:00Z"),
        },
      });
    }

    await tickAt("2036-03-05T06:59:00Z"); // 07:59 in Paris
    await runJobs();
    expect(mailsTo(therapist.email)).toHaveLength(0);
    await tickAt("2036-03-05T07:00:00Z"); // 08:00 in Paris
    await tickAt("2036-03-05T07:01:00Z");
    await runJobs();
    const mails = mailsTo(therapist.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].mail.subject).toBe("Your Alliance digest: 1 client to look at");
    expect(mails[0].mail.text).toContain(
      "Kenji Mori: urgent: a questionnaire answer needs your follow-up, 1 unread message, 1 agenda item for tomorrow, 1 homework day recorded",
    );
    expect(mails[0].raw).not.toContain(MESSAGE_CANARY);
    expect(await db.notification.count({ where: { userId: therapist.id, kind: "daily_digest" } })).toBe(0);

    // A week later nothing is new (the flag, still open, waits on the caseload): no digest.
    await tickAt("2036-03-12T07:00:00Z");
    await runJobs();
    expect(mailsTo(therapist.email)).toHaveLength(1);
    expect(await db.reminderDelivery.findUnique({ where: { key: `daily_digest:${therapist.id}:2036-03-12` } })).toMatchObject({
      outcome: "nothing_due",
    });
  });
});

describe("several workers", () => {
  it("racing on the same due reminders send each e-mail exactly once", async () => {
    const pairs = await Promise.all([1, 2, 3, 4].map(() => seedPair("America/New_York")));
    for (const { engagement } of pairs) {
      await seedSessionAt(engagement, "2037-04-02T14:00:00Z");
      await seedHomeworkDue(engagement, "2037-04-01", false);
    }
    const dbA = createDb(databaseUrl);
    const dbB = createDb(databaseUrl);
    try {
      // 18:00 in New York (EDT): both the session reminder (from 10:00) and the homework reminder are due.
      freezeClockForTests(new Date("2037-04-01T22:00:00Z"));
      const worker = async (workerDb: TDb) => {
        await runRemindersTick(workerDb);
        await runJobs();
      };
      await Promise.all([worker(dbA), worker(dbB), worker(dbA), worker(dbB)]);
      await capturePayloads();
    } finally {
      await Promise.all([dbA.$disconnect(), dbB.$disconnect()]);
    }
    for (const { client } of pairs) {
      const subjects = mailsTo(client.email).map((m) => m.mail.subject).sort();
      expect(subjects).toEqual(["Something to try today", "Your session with Dr. Aiko Tanaka is tomorrow at 10:00"]);
      expect(await db.reminderDelivery.count({ where: { userId: client.id } })).toBe(2);
      expect(await db.notification.count({ where: { userId: client.id } })).toBe(2);
    }
  });

  it("lose no job when a worker stops mid-way: the running job finishes, the next worker sends the rest, each once", async () => {
    const pairs = await Promise.all([1, 2].map(() => seedPair("Europe/London")));
    for (const { engagement } of pairs) await seedSessionAt(engagement, "2038-02-02T12:00:00Z");
    await tickAt("2038-02-01T12:00:00Z");
    const queued = (await capturePayloads()).filter((job) => job.task === "reminder_email");
    expect(queued.length).toBeGreaterThanOrEqual(2);

    const { started: isStarted, release } = smtp.holdNext();

    const first = await startWorker({ connectionString: databaseUrl, concurrency: 1, withoutCron: true, isSilent: true });
    await isStarted; // the first worker is mid-way through an e-mail
    const stopping = first.stop();
    release();
    await stopping;

    const second = await startWorker({ connectionString: databaseUrl, concurrency: 1, withoutCron: true, isSilent: true });
    await second.stop();
    await runJobs(); // and a restart finds whatever is left
    for (const { client } of pairs) expect(mailsTo(client.email)).toHaveLength(1);

    // A job that runs again (a lost completion, a crashed worker's lock timing out) sends nothing more.
    const { enqueue } = await import("@/server/jobs/queue");
    for (const { key } of queued.map((job) => JSON.parse(job.payload) as { key: string })) {
      await enqueue(db, "reminder_email", { key });
    }
    await runJobs();
    // On a loaded machine a stopping worker can give up on a job it was running (graphile-worker
    // aborts a graceful stop after 5 s) and leave it to be retried after a back-off. Bring such
    // retries forward, as time would, and run them: still nothing is sent twice.
    await db.$queryRaw`
      SELECT count(*)::int AS count FROM graphile_worker.reschedule_jobs(
        (SELECT array_agg(id) FROM graphile_worker._private_jobs WHERE locked_at IS NULL), run_at => now())`;
    await runJobs();
    for (const { client } of pairs) expect(mailsTo(client.email)).toHaveLength(1);
    const left = await db.$queryRaw<{ payload: string; last_error: string | null; attempts: number }[]>`
      SELECT j.payload::text AS payload, j.last_error, j.attempts FROM graphile_worker._private_jobs j
      JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier = 'reminder_email'`;
    // Said in full if it fails: which job is left, and why it did not finish.
    expect(left, JSON.stringify(left)).toEqual([]);
  });
});

describe("unsubscribing", () => {
  it("through the e-mail's one-click link stops that kind by e-mail (kept in the app); GET and bad tokens change nothing", async () => {
    const { client, engagement } = await seedPair("Europe/London");
    await seedSessionAt(engagement, "2039-01-11T10:00:00Z");
    await tickAt("2039-01-10T10:00:00Z");
    await runJobs();
    const [message] = mailsTo(client.email);
    const oneClick = oneClickLink(message);
    const token = new URL(oneClick).searchParams.get("token")!;
    // The footer's link leads to the page with the same token.
    expect(message.mail.text).toContain(`https://alliance.test/unsubscribe?token=${encodeURIComponent(token)}`);

    const path = `http://localhost/api/unsubscribe?token=${encodeURIComponent(token)}`;
    const get = await unsubscribe(new Request(path), {});
    expect(get.status).toBe(303);
    expect(get.headers.get("location")).toBe(`/unsubscribe?token=${encodeURIComponent(token)}`);
    expect(await channelFor(db, client.id, "agenda_reminder")).toBe("email");

    const forged = await unsubscribe(
      new Request(`http://localhost/api/unsubscribe?token=${encodeURIComponent(`${token.split(".")[0]}.AAAA`)}`, { method: "POST" }),
      {},
    );
    expect(forged.status).toBe(400);
    expect(await forged.text()).toBe("This link doesn't work.");
    expect(await channelFor(db, client.id, "agenda_reminder")).toBe("email");

    const post = await unsubscribe(
      new Request(path, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "List-Unsubscribe=One-Click",
      }),
      {},
    );
    expect(post.status).toBe(200);
    expect(await channelFor(db, client.id, "agenda_reminder")).toBe("in_app");
    // Other kinds are untouched.
    expect(await channelFor(db, client.id, "homework_due")).toBe("email");

    // The next session: a reminder in the app, no e-mail.
    const next = await seedSessionAt(engagement, "2039-01-18T10:00:00Z");
    await tickAt("2039-01-17T10:00:00Z");
    await runJobs();
    expect(mailsTo(client.email)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: client.id, linkPath: `/sessions/${next.id}` } })).toBe(1);

    // Switched off entirely: nothing at all, recorded as such.
    await setChannel(db, client.id, "agenda_reminder", "off");
    const third = await seedSessionAt(engagement, "2039-01-25T10:00:00Z");
    await tickAt("2039-01-24T10:00:00Z");
    await runJobs();
    expect(mailsTo(client.email)).toHaveLength(1);
    expect(await db.notification.count({ where: { userId: client.id, linkPath: `/sessions/${third.id}` } })).toBe(0);
    expect(await db.reminderDelivery.findUnique({ where: { key: sessionReminderKey(third.id, third.startsAt) } })).toMatchObject({
      outcome: "switched_off",
    });
  });

  it("of the e-mail-only digest switches it off", async () => {
    const { therapist } = await seedPair("Europe/London");
    const { oneClickUnsubscribeUrl } = await import("@/server/notifications/unsubscribe");
    const link = new URL(oneClickUnsubscribeUrl({ userId: therapist.id, kind: "daily_digest" }));
    const response = await unsubscribe(new Request(`http://localhost${link.pathname}${link.search}`, { method: "POST" }), {});
    expect(response.status).toBe(200);
    expect(await channelFor(db, therapist.id, "daily_digest")).toBe("off");
  });
});

describe("the notification e-mail", () => {
  it("sends the title and an absolute link, once, and nothing once the notification was read", async () => {
    const { notify } = await import("@/server/notifications/notify");
    freezeClockForTests(new Date("2026-06-10T12:00:00Z"));
    const client = await seedClient(db, { name: "Noa Notified", timeZone: "Europe/London" });
    await setChannel(db, client.id, "homework_assigned", "email");
    const unread = await notify(db, { userId: client.id, kind: "homework_assigned", title: "New homework from Dr. Ames", linkPath: "/homework/abc", engagementId: null });
    const read = await notify(db, { userId: client.id, kind: "homework_assigned", title: "Read already", linkPath: "/homework/def", engagementId: null });
    await db.notification.update({ where: { id: read! }, data: { readAt: new Date() } });
    await capturePayloads();
    await runJobs();
    await runJobs();
    const mails = mailsTo(client.email);
    expect(mails.map((m) => m.mail.subject)).toEqual(["New homework from Dr. Ames"]);
    expect(mails[0].mail.text).toContain("https://alliance.test/homework/abc");
    expect(header(mails[0], "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(unread).toBeTruthy();
  });

  it("never names the client in a subject: the urgent PHQ-9 answer, and every other notice a therapist may take by e-mail", async () => {
    const { notify } = await import("@/server/notifications/notify");
    freezeClockForTests(new Date("2026-06-13T11:00:00Z")); // midday in London, outside quiet hours
    const { therapist, client, engagement } = await seedPair("Europe/London", "Dr. Urgent");
    const { running } = await seedMeasures(db, engagement);
    // The real flow: a client's draft with item 9 above 0 raises the flag and its e-mail (on by default).
    const draft = await (await callerFor(db, client)).measure.saveDraft({ measureId: running.id, q1: 1, q9: 1 });
    expect(draft.needsSafetyFollowUp).toBe(true);
    await runJobs();
    const [urgent] = mailsTo(therapist.email);
    expect(urgent.mail.subject).toBe("Urgent: a client's questionnaire needs your attention");
    // Inside, where it takes opening the message, the therapist learns who and where to look.
    expect(urgent.mail.text).toContain("Kenji Mori's questionnaire needs your attention");
    expect(urgent.mail.text).toContain(`https://alliance.test/clients/${engagement.id}`);

    // Every other therapist kind (the digest has its own test) titles its notice with the client's name.
    const named = kindsForRole("therapist").filter((kind) => kind !== "daily_digest" && kind !== "measure_urgent");
    expect(Object.keys(NAMELESS_SUBJECTS).sort()).toEqual([...named, "measure_urgent"].sort());
    for (const kind of named) {
      await setChannel(db, therapist.id, kind, "email");
      if (kind === "message_from_client") {
        // A message's e-mail counts the messages still there to read, so it takes a real one.
        await seedConversation(db, engagement.id, "open");
        await (await callerFor(db, client)).message.send({ engagementId: engagement.id, text: "A question before Thursday." });
        continue;
      }
      await notify(db, { userId: therapist.id, kind, title: `${client.name} did something (${kind})`, linkPath: `/clients/${engagement.id}`, engagementId: engagement.id });
    }
    await runJobs();
    const mails = mailsTo(therapist.email);
    expect(mails).toHaveLength(named.length + 1);
    for (const mail of mails) {
      expect(mail.mail.subject).not.toMatch(/Kenji|Mori/);
      expect(mail.mail.text).toContain("Kenji Mori");
    }
    expect(mails.map((m) => m.mail.subject).sort()).toEqual(Object.values(NAMELESS_SUBJECTS).sort());
  });

  it("is dropped when the work it is about ends before it goes out", async () => {
    const { notify } = await import("@/server/notifications/notify");
    freezeClockForTests(new Date("2026-06-09T12:00:00Z"));
    const { client, engagement } = await seedPair("Europe/London");
    await setChannel(db, client.id, "session_cancelled", "email");
    await notify(db, { userId: client.id, kind: "session_cancelled", title: "A session is cancelled", linkPath: "/caseload", engagementId: engagement.id });
    await db.engagement.update({ where: { id: engagement.id }, data: { status: "ended", endedAt: new Date("2026-06-09T12:00:00Z") } });
    await runJobs();
    expect(mailsTo(client.email)).toEqual([]);
  });

  it("waits for the end of quiet hours on the person's own clock", async () => {
    const { notify } = await import("@/server/notifications/notify");
    // 23:30 in Tokyo; quiet hours are 21:00–08:00 by default.
    freezeClockForTests(new Date("2026-06-10T14:30:00Z"));
    const client = await seedClient(db, { name: "Yui Late", timeZone: "Asia/Tokyo" });
    await setChannel(db, client.id, "homework_reply", "email");
    const id = await notify(db, { userId: client.id, kind: "homework_reply", title: "Dr. Ames replied about your homework", linkPath: "/homework/abc", engagementId: null });
    const [job] = await db.$queryRaw<{ run_at: Date }[]>`
      SELECT run_at FROM graphile_worker.jobs WHERE key = ${`notification-email:${id}`}`;
    // 08:00 the next morning in Tokyo.
    expect(job.run_at.toISOString()).toBe("2026-06-10T23:00:00.000Z");
  });

  it("sends at most one homework e-mail a day, whatever its kind; the rest stay in the app", async () => {
    const { notify } = await import("@/server/notifications/notify");
    freezeClockForTests(new Date("2026-06-11T10:00:00Z"));
    const client = await seedClient(db, { name: "Ada Capped", timeZone: "Europe/London" });
    await setChannel(db, client.id, "homework_assigned", "email");
    await setChannel(db, client.id, "homework_reply", "email");
    await notify(db, { userId: client.id, kind: "homework_assigned", title: "New homework from Dr. Ames", linkPath: "/homework/one", engagementId: null });
    await runJobs();
    await notify(db, { userId: client.id, kind: "homework_assigned", title: "More homework from Dr. Ames", linkPath: "/homework/two", engagementId: null });
    await notify(db, { userId: client.id, kind: "homework_reply", title: "Dr. Ames replied about your homework", linkPath: "/homework/one", engagementId: null });
    await runJobs();
    expect(mailsTo(client.email).map((m) => m.mail.subject)).toEqual(["New homework from Dr. Ames"]);
    expect(await db.notification.count({ where: { userId: client.id } })).toBe(3);

    // The next day on their calendar, one may go again.
    freezeClockForTests(new Date("2026-06-12T10:00:00Z"));
    await notify(db, { userId: client.id, kind: "homework_reply", title: "Dr. Ames replied again", linkPath: "/homework/one", engagementId: null });
    await runJobs();
    expect(mailsTo(client.email).map((m) => m.mail.subject)).toEqual(["New homework from Dr. Ames", "Dr. Ames replied again"]);
  });
});
