// Notifications: each person's own inbox (list, counts, marking read), their
// preferences, and the domain changes that tell someone (issue 11).
import { describe, expect, it } from "vitest";
import type { ZodError } from "zod";
import { callerFor, seedCast, seedClient, seedSession } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";

const db = connectTestDb();

async function notificationsOf(userId: string) {
  return db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: { kind: true, title: true, linkPath: true } });
}

describe("the inbox", () => {
  it("shows a person only their own notifications, and another's can't be marked", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    const otherClient = await callerFor(db, cast.otherClient);

    expect((await client.notifications.list({})).items.map((item) => item.id)).toEqual([cast.notification.id]);
    expect(await client.notifications.unreadCount()).toEqual({ count: 1 });
    expect((await otherClient.notifications.list({})).items).toEqual([]);
    expect(await therapist.notifications.unreadCount()).toEqual({ count: 0 });

    const before = await snapshotDatabase(db);
    for (const stranger of [therapist, otherClient]) {
      expect((await rejection(stranger.notifications.markRead({ id: cast.notification.id }))).code).toBe("NOT_FOUND");
      expect(await stranger.notifications.markAllRead()).toEqual({ count: 0 });
    }
    expect(await snapshotDatabase(db)).toEqual(before);
    expect(await client.notifications.unreadCount()).toEqual({ count: 1 });

    await client.notifications.markRead({ id: cast.notification.id });
    const [read] = (await client.notifications.list({})).items;
    expect(read.readAt).toBeInstanceOf(Date);
    // Marking again keeps the first time it was read.
    await client.notifications.markRead({ id: cast.notification.id });
    expect((await client.notifications.list({})).items[0].readAt).toEqual(read.readAt);
    expect(await client.notifications.unreadCount()).toEqual({ count: 0 });
  });

  it("pages newest first, 20 at a time, without skipping or repeating items written in the same instant", async () => {
    const person = await seedClient(db);
    const base = Date.parse("2026-11-20T09:00:00.000Z");
    // 45 notifications; every third shares its millisecond with the next.
    await db.notification.createMany({
      data: Array.from({ length: 45 }, (_, index) => ({
        userId: person.id,
        kind: "homework_assigned" as const,
        title: `Notice ${index}`,
        linkPath: "/between-sessions",
        createdAt: new Date(base + Math.floor(index / 2) * 1000),
      })),
    });
    const caller = await callerFor(db, person);
    const first = await caller.notifications.list({});
    const second = await caller.notifications.list({ cursor: first.nextCursor });
    const third = await caller.notifications.list({ cursor: second.nextCursor, direction: "forward" });
    expect([first.items.length, second.items.length, third.items.length]).toEqual([20, 20, 5]);
    expect(third.nextCursor).toBeNull();
    const all = [...first.items, ...second.items, ...third.items];
    expect(new Set(all.map((item) => item.id)).size).toBe(45);
    const times = all.map((item) => item.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(all[0].title).toBe("Notice 44");

    expect(await caller.notifications.unreadCount()).toEqual({ count: 45 });
    expect(await caller.notifications.markAllRead()).toEqual({ count: 45 });
    expect(await caller.notifications.unreadCount()).toEqual({ count: 0 });
    expect((await rejection(caller.notifications.list({ cursor: "2026-13-45T99:00:00.000Z_nope" }))).code).toBe("BAD_REQUEST");
  });
});

describe("notification preferences", () => {
  it("offers a client only client kinds with gentle defaults, and saves their choices", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const defaults = await client.notifications.preferences();
    expect(defaults.kinds.map((kind) => kind.kind)).not.toContain("daily_digest");
    expect(defaults.kinds.find((kind) => kind.kind === "homework_due")?.channel).toBe("email");
    expect(defaults.reminder).toEqual({ field: "homeworkReminderAt", at: "18:00" });
    expect(defaults.hasQuietHours).toBe(true);

    const saved = await client.notifications.updatePreferences({
      channels: { homework_due: "off", session_moved: "email" },
      homeworkReminderAt: "07:30",
      hasQuietHours: false,
    });
    expect(saved.kinds.find((kind) => kind.kind === "homework_due")?.channel).toBe("off");
    expect(saved.kinds.find((kind) => kind.kind === "session_moved")?.channel).toBe("email");
    expect(saved.reminder.at).toBe("07:30");
    expect(saved.hasQuietHours).toBe(false);
    expect(await db.notificationSettings.findUnique({ where: { userId: cast.client.id }, select: { quietFrom: true } })).toEqual({
      quietFrom: null,
    });
  });

  it("refuses another role's kinds, channels a kind doesn't allow and bad times on their fields, changing nothing", async () => {
    const cast = await seedCast(db);
    const therapist = await callerFor(db, cast.therapist);
    const client = await callerFor(db, cast.client);
    const before = await snapshotDatabase(db);

    const foreignKind = await rejection(
      therapist.notifications.updatePreferences({ channels: { feedback_received: "off", homework_due: "off" }, hasQuietHours: false }),
    );
    expect(foreignKind.code).toBe("BAD_REQUEST");
    expect(foreignKind.cause).toMatchObject({ fieldErrors: { channels: [expect.any(String)] } });

    const digestInApp = await rejection(therapist.notifications.updatePreferences({ channels: { daily_digest: "in_app" }, hasQuietHours: false }));
    expect(digestInApp.code).toBe("BAD_REQUEST");

    const badTime = await rejection(
      client.notifications.updatePreferences({ channels: {}, homeworkReminderAt: "7pm", hasQuietHours: false }),
    );
    expect(badTime.code).toBe("BAD_REQUEST");
    const missingQuiet = await rejection(client.notifications.updatePreferences({ channels: {}, hasQuietHours: true, quietFrom: "22:00" }));
    expect(missingQuiet.code).toBe("BAD_REQUEST");
    const digestForClient = await rejection(client.notifications.updatePreferences({ channels: {}, digestAt: "08:00", hasQuietHours: false }));
    expect(digestForClient.cause).toMatchObject({ fieldErrors: { digestAt: [expect.any(String)] } });
    const reminderInQuietHours = await rejection(
      client.notifications.updatePreferences({ channels: {}, homeworkReminderAt: "22:30", hasQuietHours: true, quietFrom: "21:00", quietUntil: "08:00" }),
    );
    expect(reminderInQuietHours.code).toBe("BAD_REQUEST");
    expect((reminderInQuietHours.cause as ZodError).issues).toEqual([
      expect.objectContaining({ path: ["homeworkReminderAt"], message: expect.stringContaining("inside your quiet hours") }),
    ]);

    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("what tells someone", () => {
  it("homework: a day recorded or skipped tells the therapist; a reply tells the client; no reflection text travels", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    await client.homework.complete({ occurrenceId: cast.homework.openOccurrence.id, status: "skipped", obstacle: "CANARY obstacle" });
    await therapist.homework.reply({ occurrenceId: cast.homework.completedOccurrence.id, feedback: "CANARY reply" });
    const link = `/homework/${cast.homework.assignment.id}`;
    expect(await notificationsOf(cast.therapist.id)).toEqual([
      { kind: "homework_recorded", title: "Cleo Client skipped a homework day", linkPath: link },
    ]);
    expect((await notificationsOf(cast.client.id)).filter((notice) => notice.kind === "homework_reply")).toEqual([
      { kind: "homework_reply", title: "Tess Therapist replied about your homework", linkPath: link },
    ]);
  });

  it("sessions: booked, moved and cancelled reach the client with the time on their own clock", async () => {
    const cast = await seedCast(db);
    await db.user.update({ where: { id: cast.therapist.id }, data: { timeZone: "America/New_York" } });
    await db.user.update({ where: { id: cast.client.id }, data: { timeZone: "Europe/Paris" } });
    const therapist = await callerFor(db, { ...cast.therapist });
    // 10:00 in New York on 3 March 2031 is 16:00 in Paris.
    const { id } = await therapist.session.schedule({ engagementId: cast.engagement.id, day: "2031-03-03", time: "10:00", durationMinutes: 50 });
    await therapist.session.reschedule({ sessionId: id, day: "2031-03-04", time: "09:30", durationMinutes: 50 });
    // Same time, another length: not a move.
    await therapist.session.reschedule({ sessionId: id, day: "2031-03-04", time: "09:30", durationMinutes: 30 });
    await therapist.session.cancel({ sessionId: id });
    const notices = (await notificationsOf(cast.client.id)).filter((notice) => notice.kind.startsWith("session_") && notice.linkPath.endsWith(id));
    expect(notices).toEqual([
      { kind: "session_scheduled", title: "New session with Tess Therapist: Mon 3 Mar, 16:00", linkPath: `/sessions/${id}` },
      { kind: "session_moved", title: "Session with Tess Therapist moved to Tue 4 Mar, 15:30", linkPath: `/sessions/${id}` },
      { kind: "session_cancelled", title: "Session with Tess Therapist on Tue 4 Mar, 15:30 is cancelled", linkPath: `/sessions/${id}` },
    ]);
  });

  it("agenda: the client's new item tells the therapist who and when, never what; the therapist's own doesn't", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const therapist = await callerFor(db, cast.therapist);
    await client.session.addAgendaItem({ sessionId: cast.session.id, text: "CANARY something hard", kind: "avoided_topic" });
    await therapist.session.addAgendaItem({ sessionId: cast.session.id, text: "Review the plan", kind: "topic" });
    const notices = await notificationsOf(cast.therapist.id);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ kind: "agenda_item_added", linkPath: `/sessions/${cast.session.id}` });
    expect(notices[0].title).toMatch(/^Cleo Client added to the agenda for \w{3} \d{1,2} \w{3}, \d{2}:\d{2}$/);
    expect(JSON.stringify(notices)).not.toContain("CANARY");
  });

  it("feedback: tells the therapist it arrived, and raises the flag once when it turns on", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const scores = (overall: number) => ({ feltHeard: overall, workedOnWanted: overall, approachFit: overall, overall });
    const past = await Promise.all([-300, -200, -100].map((hours) => seedSession(db, cast.engagement, { hoursFromNow: hours, status: "completed" })));
    await client.feedback.submit({ sessionId: past[0].id, ...scores(8), comment: "CANARY comment" });
    await client.feedback.submit({ sessionId: past[1].id, ...scores(3) });
    await client.feedback.submit({ sessionId: past[2].id, ...scores(2) });
    const notices = await notificationsOf(cast.therapist.id);
    expect(notices.map((notice) => notice.kind)).toEqual(["feedback_received", "feedback_received", "signal_raised", "feedback_received"]);
    expect(notices[2]).toEqual({
      kind: "signal_raised",
      title: "Cleo Client's recent answers suggest therapy may not be helping right now",
      linkPath: `/clients/${cast.engagement.id}`,
    });
    expect(JSON.stringify(notices)).not.toContain("CANARY");
  });

  it("check-ins: three falling in a row raise the flag; nothing is written for a kind switched off", async () => {
    const cast = await seedCast(db);
    const client = await callerFor(db, cast.client);
    const checkIn = (overall: number) =>
      client.feedback.checkIn({ engagementId: cast.engagement.id, personal: overall, relationships: overall, social: overall, overall });
    await checkIn(8);
    await checkIn(6);
    await checkIn(4);
    expect((await notificationsOf(cast.therapist.id)).map((notice) => notice.kind)).toEqual(["signal_raised"]);

    const therapist = await callerFor(db, cast.therapist);
    await therapist.notifications.updatePreferences({ channels: { homework_recorded: "off" }, hasQuietHours: false });
    await client.homework.complete({ occurrenceId: cast.homework.openOccurrence.id, status: "done" });
    expect((await notificationsOf(cast.therapist.id)).map((notice) => notice.kind)).toEqual(["signal_raised"]);
  });
});
