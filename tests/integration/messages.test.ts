// Messages between sessions (issue 25) against a real Postgres, through the
// real procedures (the tRPC caller), on the injected clock, with e-mails
// received by a real SMTP server inside the test (tests/support/smtp.ts) and
// jobs run by graphile-worker. What is proved:
// - off until the therapist turns it on, and only they set the rules;
// - reply-only, a pause and an ended engagement are enforced on the server,
//   and a refused message writes nothing;
// - the author withdraws within five minutes on the app clock, never after,
//   never someone else's, never once it is on an agenda;
// - a message sent twice is kept once; one brought to the agenda is linked
//   to its item, once;
// - read marks, unread counts and the bell agree;
// - notifications and e-mails say who and how many, never what: several
//   messages make one e-mail, quiet hours hold it back, reading in the app
//   (or a withdrawal) makes it unnecessary, "off" means nothing at all;
// - opening a conversation of 10,000 messages takes the statements one of
//   10 takes, and the pages hold every message exactly once;
// - no message text reaches a log line.
import { randomUUID } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { freezeClockForTests, resetClock } from "@/server/clock";
import { getDb } from "@/server/db/client";
import { newRowId } from "@/server/db/ids";
import { requireDatabaseUrl } from "@/server/env";
import { sealField } from "@/server/crypto/sealed-fields";
import { runJobsOnce } from "@/server/jobs/worker";
import { unreadMessagesBy } from "@/server/messages/counts";
import { MESSAGES_OFF, NO_NEXT_SESSION, REPLY_GONE, REPLY_ONLY, WITHDRAW_ON_AGENDA, WITHDRAW_TOO_LATE } from "@/server/messages/messages";
import { NAMELESS_SUBJECTS } from "@/server/notifications/emails";
import { findPlayableMemo } from "@/server/voice/memos";
import { memoWhereForUser } from "@/server/voice/access";
import { MAX_MESSAGE_CHARS, MESSAGE_PAGE_SIZE, type TMessagingMode } from "@/lib/schemas/message";
import { callerFor, seedCast, seedClient, seedEngagement, seedVoiceMemo, seedWorkingPair } from "../factories";
import { connectTestDb, snapshotDatabase } from "../support/db";
import { rejection } from "../support/errors";
import { captureLogs } from "../support/logs";
import { useTestSmtp } from "../support/smtp";
import { connectCountingDb } from "../support/statement-counter";

const db = connectTestDb();
const counting = connectCountingDb();
const databaseUrl = requireDatabaseUrl();
const { mailsTo } = useTestSmtp();

afterEach(() => resetClock());
// Jobs run through the app's own client.
afterAll(() => getDb().$disconnect());

const MINUTE = 60_000;

/** Words no other test writes: found in an e-mail, a notification or a log line, they would be a leak. */
function canary(label: string): string {
  return `MSGCANARY-${label}-${randomUUID().slice(0, 8)}`;
}

type TPair = Awaited<ReturnType<typeof workingPair>>;

/** A therapist and a client working together, signed in, with messages as the therapist set them (or off). */
async function workingPair(mode: TMessagingMode | null = "reply_only", names = { therapist: "Dr. Rosa Field", client: "Jonah Reed" }) {
  const { therapist, client, engagement } = await seedWorkingPair(db, names);
  const asTherapist = await callerFor(db, therapist);
  const asClient = await callerFor(db, client);
  if (mode) await asTherapist.message.setSettings({ engagementId: engagement.id, mode, replyTime: "I usually reply within two working days." });
  return { therapist, client, engagement, engagementId: engagement.id, asTherapist, asClient };
}

async function messagesOf(engagementId: string) {
  return db.message.findMany({ where: { engagementId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, authorId: true, body: true, replyToId: true, withdrawnAt: true } });
}

/**
 * Runs the job queue as it would run at `at` on the app clock. graphile-worker
 * compares run times with Postgres's own clock, so jobs due by `at` are
 * brought forward to now, as time would bring them; later ones keep waiting.
 */
async function runJobsAt(at: string | Date, isSilent = true) {
  const instant = freezeClockForTests(new Date(at));
  await db.$queryRaw`
    SELECT count(*)::int AS count FROM graphile_worker.reschedule_jobs(
      (SELECT coalesce(array_agg(id), '{}') FROM graphile_worker._private_jobs WHERE locked_at IS NULL AND run_at <= ${instant}),
      run_at => now())`;
  await runJobsOnce({ connectionString: databaseUrl, isSilent });
}

async function messageEmailJob(userId: string, engagementId: string): Promise<{ run_at: Date } | undefined> {
  const [job] = await db.$queryRaw<{ run_at: Date }[]>`SELECT run_at FROM graphile_worker.jobs WHERE key = ${`message-email:${userId}:${engagementId}`}`;
  return job;
}

// --- The rules ------------------------------------------------------------------------

describe("turning messages on", () => {
  it("is off until the therapist turns it on, and only the therapist sets the rules", async () => {
    const { engagementId, asTherapist, asClient } = await workingPair(null);
    for (const caller of [asTherapist, asClient]) {
      expect(await caller.message.conversation({ engagementId })).toMatchObject({ mode: "off", writing: { may: "none", reason: MESSAGES_OFF } });
    }
    expect(await asClient.message.mine()).toEqual([]);

    const before = await snapshotDatabase(db);
    for (const caller of [asTherapist, asClient]) {
      const refused = await rejection(caller.message.send({ engagementId, text: "Hello?" }));
      expect([refused.code, refused.message]).toEqual(["FORBIDDEN", MESSAGES_OFF]);
    }
    expect((await rejection(asClient.message.setSettings({ engagementId, mode: "open", replyTime: "" }))).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);

    const replyTime = "I usually reply within two working days.";
    expect(await asTherapist.message.setSettings({ engagementId, mode: "reply_only", replyTime })).toEqual({ mode: "reply_only", replyTime });
    expect(await asClient.message.conversation({ engagementId })).toMatchObject({
      mode: "reply_only",
      replyTime,
      pauseNotice: null,
      counterpartName: "Dr. Rosa Field",
      writing: { may: "reply", reason: null },
      latestTherapistMessage: null,
    });
    expect((await asTherapist.message.conversation({ engagementId })).writing).toEqual({ may: "start", reason: null });
    expect(await asClient.message.mine()).toEqual([{ engagementId, therapistName: "Dr. Rosa Field", isOpen: true, unread: 0 }]);

    // Turned off again: the box closes, what was written stays readable.
    const { id } = await asTherapist.message.send({ engagementId, text: "Checking in after Tuesday." });
    await asTherapist.message.setSettings({ engagementId, mode: "off", replyTime });
    expect((await asClient.message.conversation({ engagementId })).writing).toEqual({ may: "none", reason: MESSAGES_OFF });
    expect((await asClient.message.list({ engagementId })).items.map((message) => [message.id, message.text])).toEqual([[id, "Checking in after Tuesday."]]);
    expect(await asClient.message.mine()).toEqual([{ engagementId, therapistName: "Dr. Rosa Field", isOpen: false, unread: 1 }]);
  });
});

describe("reply-only, on the server", () => {
  it("refuses a client starting a thread, or replying to anything but the therapist's message here, and writes nothing", async () => {
    const { therapist, client, engagementId, asTherapist, asClient } = await workingPair("reply_only");
    const other = await workingPair("open", { therapist: "Dr. Other", client: "Other Client" });
    const { id: othersMessage } = await other.asTherapist.message.send({ engagementId: other.engagementId, text: "Someone else's conversation." });
    const { id: question } = await asTherapist.message.send({ engagementId, text: "How was the walk on Sunday?" });

    const before = await snapshotDatabase(db);
    const started = await rejection(asClient.message.send({ engagementId, text: "Something new I want to bring up." }));
    expect([started.code, started.message]).toEqual(["FORBIDDEN", REPLY_ONLY]);
    expect(await snapshotDatabase(db)).toEqual(before);

    const { id: answer } = await asClient.message.send({ engagementId, text: "Shorter than planned, but I went.", replyToId: question });
    expect((await messagesOf(engagementId)).map((message) => [message.authorId, message.replyToId])).toEqual([
      [therapist.id, null],
      [client.id, question],
    ]);

    // Their own message, another engagement's, or one that doesn't exist: a field error, and nothing written.
    const afterAnswer = await snapshotDatabase(db);
    for (const replyToId of [answer, othersMessage, randomUUID()]) {
      const refused = await rejection(asClient.message.send({ engagementId, text: "And another thing.", replyToId }));
      expect(refused.code).toBe("BAD_REQUEST");
      expect(refused.cause).toMatchObject({ fieldErrors: { replyToId: [REPLY_GONE] } });
    }
    expect(await snapshotDatabase(db)).toEqual(afterAnswer);

    // "Open": the client may start.
    await asTherapist.message.setSettings({ engagementId, mode: "open", replyTime: "" });
    expect((await asClient.message.conversation({ engagementId })).writing).toEqual({ may: "start", reason: null });
    await asClient.message.send({ engagementId, text: "A new thought, unprompted." });
    expect(await db.message.count({ where: { engagementId, authorId: client.id } })).toBe(2);
  });

  it("refuses a therapist a voice memo and a text over the limit, field by field", async () => {
    const { engagementId, asTherapist, asClient } = await workingPair("open");
    const before = await snapshotDatabase(db);
    const memo = await rejection(asTherapist.message.send({ engagementId, text: "Listen to this", voiceMemoId: randomUUID() }));
    expect(memo.cause).toMatchObject({ fieldErrors: { voiceMemoId: [expect.any(String)] } });
    const long = await rejection(asClient.message.send({ engagementId, text: "a".repeat(MAX_MESSAGE_CHARS + 1) }));
    expect(long.code).toBe("BAD_REQUEST");
    const empty = await rejection(asClient.message.send({ engagementId, text: "   " }));
    expect(empty.code).toBe("BAD_REQUEST");
    expect(await snapshotDatabase(db)).toEqual(before);
    await asClient.message.send({ engagementId, text: "a".repeat(MAX_MESSAGE_CHARS) });
  });
});

describe("withdrawing", () => {
  it("lets the author take a message back for five minutes on the app clock: its words and voice go, a marker stays", async () => {
    const cast = await seedCast(db);
    const engagementId = cast.engagement.id;
    const [asClient, asTherapist] = [await callerFor(db, cast.client), await callerFor(db, cast.therapist)];
    const sentAt = freezeClockForTests(new Date());
    const spoken = await seedVoiceMemo(db, cast.client.id);
    const replyToId = cast.messages.fromTherapist.id;
    const { id } = await asClient.message.send({ engagementId, text: "Actually, I'd rather say this in person.", voiceMemoId: spoken.id, replyToId });
    const { id: kept } = await asClient.message.send({ engagementId, text: "It went well, thank you.", replyToId });

    freezeClockForTests(new Date(sentAt.getTime() + 4 * MINUTE + 59_000));
    const mine = (await asClient.message.list({ engagementId })).items.find((message) => message.id === id);
    expect(mine!.withdrawableUntil).toEqual(new Date(sentAt.getTime() + 5 * MINUTE));
    const before = await snapshotDatabase(db);
    expect((await rejection(asTherapist.message.withdraw({ messageId: id }))).code).toBe("FORBIDDEN");
    expect((await rejection(asTherapist.message.withdraw({ messageId: kept }))).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);
    const therapistsNotices = () => db.notification.count({ where: { userId: cast.therapist.id, kind: "message_from_client", readAt: null } });
    const noticesBefore = await therapistsNotices();
    expect(await asClient.message.withdraw({ messageId: id })).toEqual({ ok: true });
    // The therapist's bell no longer announces the message that was taken back.
    expect(await therapistsNotices()).toBe(noticesBefore - 1);

    const row = await db.message.findUniqueOrThrow({ where: { id }, select: { body: true, withdrawnAt: true } });
    expect(row).toEqual({ body: null, withdrawnAt: new Date(sentAt.getTime() + 4 * MINUTE + 59_000) });
    expect(await db.voiceMemo.count({ where: { id: spoken.id } })).toBe(0);
    const seen = (await asTherapist.message.list({ engagementId })).items.find((message) => message.id === id)!;
    expect(seen).toMatchObject({ isWithdrawn: true, text: null, voiceMemos: [], withdrawableUntil: null, authorName: "Cleo Client" });

    // Five minutes and a second after it was sent: part of the record.
    freezeClockForTests(new Date(sentAt.getTime() + 5 * MINUTE + 1000));
    const late = await rejection(asClient.message.withdraw({ messageId: kept }));
    expect([late.code, late.message]).toEqual(["BAD_REQUEST", WITHDRAW_TOO_LATE]);
    expect((await asTherapist.message.list({ engagementId })).items.find((message) => message.id === kept)?.text).toBe("It went well, thank you.");
  });

  it("keeps a message that is on an agenda", async () => {
    const cast = await seedCast(db);
    const asClient = await callerFor(db, cast.client);
    const { id } = await asClient.message.send({ engagementId: cast.engagement.id, text: "Can we talk about my sister?", replyToId: cast.messages.fromTherapist.id });
    await asClient.message.toAgenda({ messageId: id });
    const refused = await rejection(asClient.message.withdraw({ messageId: id }));
    expect([refused.code, refused.message]).toEqual(["BAD_REQUEST", WITHDRAW_ON_AGENDA]);
    expect((await db.message.findUniqueOrThrow({ where: { id } })).withdrawnAt).toBeNull();
  });
});

describe("pausing", () => {
  it("closes every client's box with the therapist's notice while the therapist can still write; unpausing reopens", async () => {
    const first = await workingPair("open");
    // The same therapist's second client.
    const second = { client: await seedClient(db, { name: "Second Client" }) };
    const secondEngagement = await seedEngagement(db, { therapistId: first.therapist.id, clientId: second.client.id });
    await first.asTherapist.message.setSettings({ engagementId: secondEngagement.id, mode: "open", replyTime: "" });
    const asSecond = await callerFor(db, second.client);

    expect(await first.asTherapist.message.pause()).toEqual({ isPaused: false, notice: "", pausedAt: null });
    const missing = await rejection(first.asTherapist.message.setPause({ isPaused: true, notice: "" }));
    expect(missing.cause).toMatchObject({ issues: [expect.objectContaining({ path: ["notice"] })] });
    expect((await rejection(first.asClient.message.setPause({ isPaused: true, notice: "Away" }))).code).toBe("FORBIDDEN");

    const notice = "I'm away until 4 January. If you need help sooner, call your GP or 116 123.";
    expect(await first.asTherapist.message.setPause({ isPaused: true, notice })).toMatchObject({ isPaused: true, notice });
    for (const [caller, engagementId] of [[first.asClient, first.engagementId], [asSecond, secondEngagement.id]] as const) {
      expect(await caller.message.conversation({ engagementId })).toMatchObject({ pauseNotice: notice, writing: { may: "none", reason: notice } });
      const before = await snapshotDatabase(db);
      const refused = await rejection(caller.message.send({ engagementId, text: "Are you there?" }));
      expect([refused.code, refused.message]).toEqual(["FORBIDDEN", notice]);
      expect(await snapshotDatabase(db)).toEqual(before);
    }
    expect((await first.asTherapist.message.conversation({ engagementId: first.engagementId })).writing.may).toBe("start");
    await first.asTherapist.message.send({ engagementId: first.engagementId, text: "A note before I go." });

    await first.asTherapist.message.setPause({ isPaused: false, notice: "" });
    expect(await first.asClient.message.conversation({ engagementId: first.engagementId })).toMatchObject({ pauseNotice: null, writing: { may: "start" } });
    await first.asClient.message.send({ engagementId: first.engagementId, text: "Welcome back." });
    expect(await db.messagePause.count({ where: { therapistId: first.therapist.id } })).toBe(0);
  });
});

describe("when the work ends", () => {
  it("keeps the conversation readable for both and closed to both; read marks still move", async () => {
    const cast = await seedCast(db);
    const engagementId = cast.engagement.id;
    const [asClient, asTherapist] = [await callerFor(db, cast.client), await callerFor(db, cast.therapist)];
    await asTherapist.engagement.end({ engagementId });

    for (const caller of [asClient, asTherapist]) {
      expect((await caller.message.conversation({ engagementId })).writing).toEqual({
        may: "none",
        reason: "This work together has ended, so the conversation is closed. You can still read it.",
      });
      expect((await caller.message.list({ engagementId })).items.map((message) => message.text)).toEqual(["Better than I expected.", "How did the breathing go this week?"]);
    }
    expect(await asClient.message.mine()).toEqual([{ engagementId, therapistName: "Tess Therapist", isOpen: false, unread: 1 }]);

    const before = await snapshotDatabase(db);
    const attempts = [
      () => asClient.message.send({ engagementId, text: "One more thing.", replyToId: cast.messages.fromTherapist.id }),
      () => asTherapist.message.send({ engagementId, text: "Take care." }),
      () => asClient.message.withdraw({ messageId: cast.messages.fromClient.id }),
      () => asClient.message.toAgenda({ messageId: cast.messages.fromTherapist.id }),
      () => asTherapist.message.setSettings({ engagementId, mode: "open", replyTime: "" }),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("FORBIDDEN");
    expect(await snapshotDatabase(db)).toEqual(before);

    await asClient.message.markRead({ engagementId });
    expect(await db.conversationRead.count({ where: { engagementId, userId: cast.client.id } })).toBe(1);
  });
});

describe("sending twice", () => {
  it("keeps a message sent twice with the same key once, one after the other or at the same moment", async () => {
    const { engagementId, therapist, asTherapist } = await workingPair("open");
    const input = { engagementId, text: "See you Thursday.", idempotencyKey: randomUUID() };
    const first = await asTherapist.message.send(input);
    expect(await asTherapist.message.send(input)).toEqual(first);
    const racing = { ...input, idempotencyKey: randomUUID(), text: "One more." };
    const [a, b] = await Promise.all([asTherapist.message.send(racing), asTherapist.message.send(racing)]);
    expect(a).toEqual(b);
    expect(await db.message.count({ where: { engagementId } })).toBe(2);
    expect(await db.notification.count({ where: { engagementId, kind: "message_from_therapist" } })).toBe(2);
    expect(await db.message.count({ where: { authorId: therapist.id } })).toBe(2);
  });
});

describe("to the agenda", () => {
  it("adds the message to the next session, linked to it, once; the client sees it there", async () => {
    const cast = await seedCast(db);
    const [asClient, asTherapist] = [await callerFor(db, cast.client), await callerFor(db, cast.therapist)];
    const text = "I keep putting off calling my sister. Can we look at why?";
    const { id } = await asClient.message.send({ engagementId: cast.engagement.id, text, replyToId: cast.messages.fromTherapist.id });

    const added = await asTherapist.message.toAgenda({ messageId: id });
    expect(added.sessionId).toBe(cast.session.id);
    expect(await asClient.message.toAgenda({ messageId: id })).toEqual(added);
    expect(await db.agendaItem.findMany({ where: { messageId: id }, select: { id: true, sessionId: true } })).toEqual([{ id: added.itemId, sessionId: cast.session.id }]);

    const view = await asClient.session.byId({ sessionId: cast.session.id });
    expect(view.agenda.find((item) => item.id === added.itemId)).toMatchObject({ text });
    expect((await asClient.message.list({ engagementId: cast.engagement.id })).items.find((message) => message.id === id)?.agendaSessionId).toBe(cast.session.id);
    // Either person may bring the other's message: the therapist's question, by the client.
    expect((await asClient.message.toAgenda({ messageId: cast.messages.fromTherapist.id })).sessionId).toBe(cast.session.id);
  });

  it("adds one item when both people bring the same message at the same moment", async () => {
    const cast = await seedCast(db);
    const [asClient, asTherapist] = [await callerFor(db, cast.client), await callerFor(db, cast.therapist)];
    const { id } = await asClient.message.send({ engagementId: cast.engagement.id, text: "Both of us pressed it.", replyToId: cast.messages.fromTherapist.id });
    const [first, second] = await Promise.all([asTherapist.message.toAgenda({ messageId: id }), asClient.message.toAgenda({ messageId: id })]);
    expect(second.itemId).toBe(first.itemId);
    expect(await db.agendaItem.count({ where: { messageId: id } })).toBe(1);
  });

  it("says so when no session is booked, and adds nothing", async () => {
    const { engagementId, asTherapist, asClient } = await workingPair("reply_only");
    const { id } = await asTherapist.message.send({ engagementId, text: "Something to think about." });
    const before = await snapshotDatabase(db);
    const refused = await rejection(asClient.message.toAgenda({ messageId: id }));
    expect([refused.code, refused.message]).toEqual(["BAD_REQUEST", NO_NEXT_SESSION]);
    expect(await snapshotDatabase(db)).toEqual(before);
  });
});

describe("voice memos in messages", () => {
  it("lets the pair's therapist hear the client's spoken message, and no other therapist", async () => {
    const cast = await seedCast(db);
    const asClient = await callerFor(db, cast.client);
    const memo = await seedVoiceMemo(db, cast.client.id);
    const { id } = await asClient.message.send({ engagementId: cast.engagement.id, voiceMemoId: memo.id, replyToId: cast.messages.fromTherapist.id });
    expect(await db.voiceMemo.findUniqueOrThrow({ where: { id: memo.id }, select: { messageId: true } })).toEqual({ messageId: id });

    const therapist = { id: cast.therapist.id, role: "therapist" as const };
    const otherTherapist = { id: cast.otherTherapist.id, role: "therapist" as const };
    expect((await findPlayableMemo(db, therapist, memo.id))?.id).toBe(memo.id);
    expect(await findPlayableMemo(db, otherTherapist, memo.id)).toBeNull();
    expect(await findPlayableMemo(db, { id: cast.otherClient.id, role: "client" }, memo.id)).toBeNull();
    expect(await db.voiceMemo.count({ where: { AND: [{ id: memo.id }, memoWhereForUser(otherTherapist)] } })).toBe(0);

    const heard = (await (await callerFor(db, cast.therapist)).message.list({ engagementId: cast.engagement.id })).items.find((message) => message.id === id)!;
    expect(heard).toMatchObject({ text: "", voiceMemos: [expect.objectContaining({ id: memo.id })] });
    // Placed once: it can't go into a second message.
    const again = await rejection(asClient.message.send({ engagementId: cast.engagement.id, voiceMemoId: memo.id, replyToId: cast.messages.fromTherapist.id }));
    expect(again.cause).toMatchObject({ fieldErrors: { voiceMemoId: [expect.any(String)] } });
    // The agenda says what it is; the recording stays in the conversation.
    const { itemId } = await asClient.message.toAgenda({ messageId: id });
    expect((await asClient.session.byId({ sessionId: cast.session.id })).agenda.find((item) => item.id === itemId)?.text).toBe("Voice memo from our messages");
  });
});

describe("read state", () => {
  it("counts what each person hasn't read, clears it and the bell when they read, and shows the other when they were seen", async () => {
    const { therapist, client, engagementId, asTherapist, asClient } = await workingPair("open");
    const t0 = freezeClockForTests(new Date("2026-11-02T10:00:00Z"));
    await asTherapist.message.send({ engagementId, text: "How are the mornings?" });
    freezeClockForTests(new Date(t0.getTime() + MINUTE));
    const { id: latest } = await asTherapist.message.send({ engagementId, text: "No rush to answer." });

    expect((await unreadMessagesBy(db, client.id, [engagementId])).get(engagementId)).toBe(2);
    expect((await unreadMessagesBy(db, therapist.id, [engagementId])).has(engagementId)).toBe(false);
    expect(await asClient.message.mine()).toEqual([{ engagementId, therapistName: "Dr. Rosa Field", isOpen: true, unread: 2 }]);
    expect(await asClient.notifications.unreadCount()).toEqual({ count: 2 });
    expect((await asTherapist.message.conversation({ engagementId })).otherReadAt).toBeNull();
    expect((await asClient.message.conversation({ engagementId })).latestTherapistMessage?.id).toBe(latest);

    const readAt = freezeClockForTests(new Date(t0.getTime() + 2 * MINUTE));
    // It says how many notices it cleared, so the page that read them re-reads its bell only then.
    expect(await asClient.message.markRead({ engagementId })).toEqual({ cleared: 2 });
    expect((await unreadMessagesBy(db, client.id, [engagementId])).has(engagementId)).toBe(false);
    expect((await asClient.message.mine())[0]!.unread).toBe(0);
    expect(await asClient.notifications.unreadCount()).toEqual({ count: 0 });
    expect(await db.notification.findMany({ where: { userId: client.id }, select: { kind: true, readAt: true } })).toEqual([
      { kind: "message_from_therapist", readAt },
      { kind: "message_from_therapist", readAt },
    ]);
    expect((await asTherapist.message.conversation({ engagementId })).otherReadAt).toEqual(readAt);
    expect((await asClient.message.conversation({ engagementId })).myReadAt).toEqual(readAt);
    expect(await asClient.message.markRead({ engagementId })).toEqual({ cleared: 0 });

    // The client's reply is read by its author as they write it; the therapist has one to read.
    freezeClockForTests(new Date(t0.getTime() + 3 * MINUTE));
    await asClient.message.send({ engagementId, text: "Better, mostly." });
    expect((await unreadMessagesBy(db, therapist.id, [engagementId])).get(engagementId)).toBe(1);
    expect((await unreadMessagesBy(db, client.id, [engagementId])).has(engagementId)).toBe(false);
  });
});

// --- Telling people ----------------------------------------------------------------------

describe("notifications and e-mail", () => {
  it("tells the other person in the app by default: who, and a link, never the words", async () => {
    const { therapist, engagementId, asClient, asTherapist } = await workingPair("open");
    const words = canary("in-app");
    await asClient.message.send({ engagementId, text: words });
    const notices = await db.notification.findMany({ where: { userId: therapist.id }, select: { kind: true, title: true, linkPath: true } });
    expect(notices).toEqual([{ kind: "message_from_client", title: "New message from Jonah Reed", linkPath: `/messages/${engagementId}` }]);
    expect(JSON.stringify(await asTherapist.notifications.list({}))).not.toContain(words);
    expect(await messageEmailJob(therapist.id, engagementId)).toBeUndefined();
  });

  it("groups three messages into one e-mail ten minutes after the first, saying how many and never what", async () => {
    const { therapist, client, engagementId, asClient, asTherapist } = await workingPair("open");
    await asTherapist.notifications.updatePreferences({ channels: { message_from_client: "email" }, hasQuietHours: false });
    const words = [canary("first"), canary("second"), canary("third")];
    // 10:00 in London (GMT).
    for (const [index, text] of words.entries()) {
      freezeClockForTests(new Date(Date.parse("2031-02-04T10:00:00Z") + index * 2 * MINUTE));
      await asClient.message.send({ engagementId, text });
    }
    expect((await messageEmailJob(therapist.id, engagementId))?.run_at.toISOString()).toBe("2031-02-04T10:10:00.000Z");

    await runJobsAt("2031-02-04T10:09:00Z");
    expect(mailsTo(therapist.email)).toHaveLength(0);
    await runJobsAt("2031-02-04T10:10:00Z");
    await runJobsAt("2031-02-04T10:30:00Z");
    const mails = mailsTo(therapist.email);
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail!.mail.subject).toBe(NAMELESS_SUBJECTS.message_from_client);
    expect(mail!.mail.subject).not.toMatch(/Jonah|Reed/);
    expect(mail!.mail.text).toContain("Jonah Reed sent you 3 messages in Alliance.");
    expect(mail!.mail.text).toContain(`https://alliance.test/messages/${engagementId}`);
    for (const text of words) {
      for (const part of [mail!.mail.subject ?? "", mail!.mail.text ?? "", String(mail!.mail.html), mail!.raw]) expect(part).not.toContain(text);
    }
    expect(mailsTo(client.email)).toHaveLength(0);

    // The next message starts a new group: one more e-mail, about one message.
    freezeClockForTests(new Date("2031-02-04T11:00:00Z"));
    await asClient.message.send({ engagementId, text: canary("fourth") });
    await runJobsAt("2031-02-04T11:10:00Z");
    expect(mailsTo(therapist.email).map((received) => received.mail.text?.includes("Jonah Reed sent you a message in Alliance."))).toEqual([false, true]);
  });

  it("holds an e-mail back through quiet hours, on the recipient's clock", async () => {
    const { client, engagementId, asClient, asTherapist } = await workingPair("open");
    await asClient.notifications.updatePreferences({ channels: { message_from_therapist: "email" }, hasQuietHours: true, quietFrom: "21:00", quietUntil: "08:00" });
    const words = canary("late");
    // 22:55 in London: ten minutes later is inside the quiet hours.
    freezeClockForTests(new Date("2032-01-14T22:55:00Z"));
    await asTherapist.message.send({ engagementId, text: words });
    expect((await messageEmailJob(client.id, engagementId))?.run_at.toISOString()).toBe("2032-01-15T08:00:00.000Z");

    await runJobsAt("2032-01-14T23:00:00Z");
    await runJobsAt("2032-01-15T07:59:00Z");
    expect(mailsTo(client.email)).toHaveLength(0);
    await runJobsAt("2032-01-15T08:00:00Z");
    const [mail] = mailsTo(client.email);
    expect(mail!.mail.subject).toBe("A message from Dr. Rosa Field in Alliance");
    expect(mail!.mail.text).toContain("Dr. Rosa Field sent you a message in Alliance.");
    expect(mail!.raw).not.toContain(words);
  });

  it("sends nothing when the person switched messages off, read them in the app first, or the message was withdrawn", async () => {
    // Off: no notification, no job, no e-mail.
    const off = await workingPair("open");
    await off.asTherapist.notifications.updatePreferences({ channels: { message_from_client: "off" }, hasQuietHours: false });
    freezeClockForTests(new Date("2033-03-01T12:00:00Z"));
    await off.asClient.message.send({ engagementId: off.engagementId, text: "Thanks for today." });
    expect(await db.notification.count({ where: { userId: off.therapist.id } })).toBe(0);
    expect(await messageEmailJob(off.therapist.id, off.engagementId)).toBeUndefined();

    // Read in the app before the e-mail was due.
    const read = await workingPair("open");
    await read.asTherapist.notifications.updatePreferences({ channels: { message_from_client: "email" }, hasQuietHours: false });
    freezeClockForTests(new Date("2033-03-01T12:00:00Z"));
    await read.asClient.message.send({ engagementId: read.engagementId, text: "Quick question about Thursday." });
    freezeClockForTests(new Date("2033-03-01T12:04:00Z"));
    await read.asTherapist.message.markRead({ engagementId: read.engagementId });

    // Withdrawn within its five minutes, before the e-mail was due.
    const withdrawn = await workingPair("open");
    await withdrawn.asTherapist.notifications.updatePreferences({ channels: { message_from_client: "email" }, hasQuietHours: false });
    freezeClockForTests(new Date("2033-03-01T12:00:00Z"));
    const { id } = await withdrawn.asClient.message.send({ engagementId: withdrawn.engagementId, text: "Sorry, wrong person." });
    freezeClockForTests(new Date("2033-03-01T12:02:00Z"));
    await withdrawn.asClient.message.withdraw({ messageId: id });

    await runJobsAt("2033-03-01T12:30:00Z");
    for (const pair of [off, read, withdrawn] as TPair[]) expect(mailsTo(pair.therapist.email), pair.therapist.email).toEqual([]);
  });
});

// --- At scale ------------------------------------------------------------------------------

/** `count` messages in one statement, each sealed to its row as the app seals it, three to a second (ties broken by id). */
async function seedManyMessages(engagement: { id: string; therapistId: string; clientId: string | null }, count: number, from: Date) {
  const ids: string[] = [];
  const authors: string[] = [];
  const bodies: string[] = [];
  const times: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = newRowId();
    const authorId = index % 2 === 0 ? engagement.therapistId : engagement.clientId!;
    ids.push(id);
    authors.push(authorId);
    bodies.push(sealField("messageBody", { engagementId: engagement.id, authorId, messageId: id }, `Message number ${index}`));
    times.push(new Date(from.getTime() + Math.floor(index / 3) * 1000).toISOString());
  }
  await db.$executeRaw`
    INSERT INTO messages (id, engagement_id, author_id, body, created_at)
    SELECT m.id, ${engagement.id}::uuid, m.author_id, m.body, m.created_at
    FROM unnest(${ids}::uuid[], ${authors}::uuid[], ${bodies}::text[], ${times}::timestamptz[]) AS m(id, author_id, body, created_at)`;
  return ids;
}

describe("at scale", () => {
  it("opens a conversation of 10,000 messages with the statements one of 10 takes, for either person", async () => {
    const opened = async (count: number) => {
      const pair = await workingPair("open");
      await seedManyMessages(pair.engagement, count, new Date("2026-06-01T08:00:00Z"));
      expect(await db.message.count({ where: { engagementId: pair.engagementId } })).toBe(count);
      const statements: number[] = [];
      for (const person of [pair.therapist, pair.client]) {
        const caller = await callerFor(counting.db, person);
        statements.push(
          await counting.countStatements(async () => {
            await caller.engagement.byId({ engagementId: pair.engagementId });
            await caller.message.conversation({ engagementId: pair.engagementId });
            const page = await caller.message.list({ engagementId: pair.engagementId });
            expect(page.items).toHaveLength(Math.min(count, MESSAGE_PAGE_SIZE));
          }),
        );
      }
      return { pair, statements };
    };
    const small = await opened(10);
    const large = await opened(10_000);
    expect(small.statements.every((count) => count > 0)).toBe(true);
    expect(large.statements).toEqual(small.statements);

    // A page deep in the history costs what the second one does.
    const caller = await callerFor(counting.db, large.pair.client);
    const second = (await caller.message.list({ engagementId: large.pair.engagementId })).nextCursor!;
    const [early] = await db.message.findMany({ where: { engagementId: large.pair.engagementId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], skip: 100, take: 1 });
    const deep = `${early!.createdAt.toISOString()}_${early!.id}`;
    const secondCount = await counting.countStatements(() => caller.message.list({ engagementId: large.pair.engagementId, cursor: second }));
    const deepCount = await counting.countStatements(() => caller.message.list({ engagementId: large.pair.engagementId, cursor: deep }));
    expect(deepCount).toBe(secondCount);
    // Counted: the 10,000 go, so the files after this one in the worker's database (key rotation
    // reseals every row it holds: encryption-at-rest, two-factor, voice memos) don't carry them.
    await db.message.deleteMany({ where: { engagementId: large.pair.engagementId } });
  }, 120_000);

  it("pages newest first and returns every message exactly once, ties in the same instant included", async () => {
    const { engagement, engagementId, asClient } = await workingPair("open");
    const ids = await seedManyMessages(engagement, 75, new Date("2026-06-01T08:00:00Z"));
    const pages = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof asClient.message.list>> = await asClient.message.list({ engagementId, cursor, direction: "forward" });
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(pages.map((page) => page.length)).toEqual([30, 30, 15]);
    const seen = pages.flat();
    expect(seen.map((message) => message.id)).toEqual([...ids].reverse());
    expect(seen[0]!.text).toBe("Message number 74");
  });
});

// --- Logs -----------------------------------------------------------------------------------

describe("logs", () => {
  it("carry no message text: sent, refused, brought to the agenda, withdrawn or e-mailed", async () => {
    const cast = await seedCast(db);
    const engagementId = cast.engagement.id;
    const [asClient, asTherapist] = [await callerFor(db, cast.client), await callerFor(db, cast.therapist)];
    await asTherapist.notifications.updatePreferences({ channels: { message_from_client: "email" }, hasQuietHours: false });
    const words = { sent: canary("log-sent"), started: canary("log-started"), tooLong: canary("log-too-long"), withdrawn: canary("log-withdrawn"), reply: canary("log-reply") };
    const replyToId = cast.messages.fromTherapist.id;
    const logs = captureLogs();
    try {
      const { id } = await asClient.message.send({ engagementId, text: words.sent, replyToId });
      await asClient.message.toAgenda({ messageId: id });
      await rejection(asClient.message.send({ engagementId, text: words.started }));
      await rejection(asClient.message.send({ engagementId, text: `${words.tooLong}${"x".repeat(MAX_MESSAGE_CHARS)}`, replyToId }));
      await rejection(asClient.message.send({ engagementId, text: words.reply, replyToId: randomUUID() }));
      const { id: withdrawn } = await asClient.message.send({ engagementId, text: words.withdrawn, replyToId });
      await asClient.message.withdraw({ messageId: withdrawn });
      await asTherapist.message.list({ engagementId });
      await asTherapist.message.markRead({ engagementId });
      await asClient.message.send({ engagementId, text: words.sent, replyToId });
      // Past the e-mail's ten minutes: the worker sends it, and logs as it goes.
      await runJobsAt(new Date(Date.now() + 11 * MINUTE), false);
    } finally {
      logs.stop();
    }
    expect(mailsTo(cast.therapist.email)).toHaveLength(1);
    const lines = logs.lines();
    expect(lines.filter((line) => line.route === "message.send").length).toBeGreaterThanOrEqual(5);
    const text = logs.text();
    for (const [label, value] of Object.entries(words)) expect(text, label).not.toContain(value);
    expect(text).not.toContain("MSGCANARY");
  });
});
