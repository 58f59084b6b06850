// The e-mails behind notifications and reminders, built when the job runs.
//
// Invariants:
// - Everything is re-read and re-checked at send time: a job may run long
//   after it was queued (retries, a worker that was down). A session moved
//   or cancelled, work ended (for a notification too: it names its
//   engagement), homework recorded, a preference changed, a notification
//   already read: nothing is sent.
// - An e-mail carries a title, times, a place, names and links: never note,
//   journal, reflection, agenda or feedback text. Every one has a one-click
//   unsubscribe for its kind.
// - At most one e-mail per notification or reminder: the row is claimed
//   (emailed_at set, only if still unset) just before the mailer gets the
//   message. A job that runs again (graphile-worker 0.18 can lose the
//   completion of a job finished during a graceful stop, and a crashed
//   worker's job runs again after its lock times out) finds it claimed and
//   sends nothing. A failure to send gives the claim back and throws, so the
//   queue retries with backoff. The price: a worker killed between the claim
//   and SMTP's answer loses that one e-mail rather than sending it twice,
//   which the product prefers ("at most one homework e-mail a day").
import type { TDb } from "../db/client";
import type { NotificationKind } from "../db/generated/enums";
import { appUrl } from "../env";
import { now as clockNow } from "../clock";
import { deliverMail, type TMailAttachment } from "../mail/send";
import { renderMail, type TMailContent } from "../mail/layout";
import { sessionIcs } from "../../lib/sessions/ics";
import { localDay, wallClockToInstant } from "../../lib/time/zones";
import { channelFor } from "./preferences";
import { oneClickUnsubscribeUrl, unsubscribePageUrl, describeUnsubscribe } from "./unsubscribe";
import { digestsFor, describeDigestLine } from "./digest";
import { relativeDay, zonedTime } from "./reminder-wording";
import { INSTRUMENTS } from "../../lib/measures/instruments";
import { safeReturnPath } from "../../lib/auth/return-path";
import { MESSAGE_KINDS } from "../../lib/notifications/kinds";
import { unreadMessagesBy } from "../messages/counts";

export type TEmailOutcome = "sent" | "skipped";

type TRecipient = { id: string; email: string; name: string; timeZone: string; deactivatedAt: Date | null };

const RECIPIENT_SELECT = { id: true, email: true, name: true, timeZone: true, deactivatedAt: true } as const;

type TClaim = {
  /** True when this run may send (nobody has yet). */
  take: () => Promise<boolean>;
  giveBack: () => Promise<void>;
};

function reminderClaim(db: TDb, key: string): TClaim {
  return {
    take: async () => (await db.reminderDelivery.updateMany({ where: { key, emailedAt: null }, data: { emailedAt: clockNow() } })).count === 1,
    giveBack: async () => {
      await db.reminderDelivery.updateMany({ where: { key }, data: { emailedAt: null } });
    },
  };
}

function notificationClaim(db: TDb, id: string): TClaim {
  return {
    take: async () => (await db.notification.updateMany({ where: { id, emailedAt: null }, data: { emailedAt: clockNow() } })).count === 1,
    giveBack: async () => {
      await db.notification.updateMany({ where: { id }, data: { emailedAt: null } });
    },
  };
}

/** Homework messages of any kind, e-mail or push, share one a day (docs/vocabulary.md, Reminder). */
export const HOMEWORK_MESSAGE_KINDS: readonly NotificationKind[] = ["homework_due", "homework_assigned", "homework_reply"];

/**
 * Whether a homework e-mail or push already went to this person today, on
 * their own calendar. What is not sent stays in the app. (Two homework
 * messages claimed in the same instant can both pass; the queue runs a
 * person's jobs minutes apart in practice.)
 */
export async function hadHomeworkMessageToday(db: TDb, recipient: { id: string; timeZone: string }): Promise<boolean> {
  const since = wallClockToInstant(localDay(clockNow(), recipient.timeZone), "00:00", recipient.timeZone);
  const [notifications, reminders] = await Promise.all([
    db.notification.count({
      where: {
        userId: recipient.id,
        kind: { in: [...HOMEWORK_MESSAGE_KINDS] },
        OR: [{ emailedAt: { gte: since } }, { pushedAt: { gte: since } }],
      },
    }),
    db.reminderDelivery.count({ where: { userId: recipient.id, kind: "homework_due", emailedAt: { gte: since } } }),
  ]);
  return notifications + reminders > 0;
}

async function send(
  db: TDb,
  recipient: TRecipient,
  kind: NotificationKind,
  mail: { subject: string; content: TMailContent; attachments?: TMailAttachment[]; idempotencyKey: string },
  claim: TClaim,
): Promise<TEmailOutcome> {
  const target = { userId: recipient.id, kind };
  const { keepsInApp } = describeUnsubscribe(kind);
  const content = renderMail({
    ...mail.content,
    footer: [
      ...(mail.content.footer ?? []),
      "You can choose what reaches you, and when, on your account page in Alliance.",
    ],
    unsubscribe: {
      label: keepsInApp ? "Stop these e-mails (you'll still see them in Alliance)" : "Stop these e-mails",
      url: unsubscribePageUrl(target),
    },
  });
  const message = {
    to: recipient.email,
    subject: mail.subject,
    ...content,
    attachments: mail.attachments,
    unsubscribeUrl: oneClickUnsubscribeUrl(target),
    idempotencyKey: mail.idempotencyKey,
  };
  if (HOMEWORK_MESSAGE_KINDS.includes(kind) && (await hadHomeworkMessageToday(db, recipient))) return "skipped";
  if (!(await claim.take())) return "skipped";
  try {
    await deliverMail(message);
  } catch (error) {
    await claim.giveBack();
    throw error;
  }
  return "sent";
}

// --- notification_email ---------------------------------------------------------

// A subject (and a push's title, server/notifications/push.ts) shows on lock
// screens, in inbox lists and in previews, to whoever glances at them, so it
// never names a client. Every therapist kind's
// title names one: its e-mail gets a subject of its own here, and the title,
// name included, stays inside the message and in the app. Client kinds'
// titles name only the client's own therapist and serve as subjects, except
// a safety plan's, whose subject says nothing of the plan (DISCREET_SUBJECTS).
export const NAMELESS_SUBJECTS = {
  measure_urgent: "Urgent: a client's questionnaire needs your attention",
  signal_raised: "A client's recent answers need a look",
  feedback_received: "A client rated a session",
  homework_recorded: "A client recorded a homework day",
  agenda_item_added: "A client added to a session's agenda",
  invitation_accepted: "A client accepted your invitation",
  message_from_client: "A client sent you a message in Alliance",
  safety_plan_updated_by_client: "A client changed something in Alliance",
  handover_answered: "A client answered a proposed handover",
  supervision_answered: "News about a supervision request",
} as const satisfies Partial<Record<NotificationKind, string>>;

/** Client kinds whose title says more than a lock screen should: that the client has a safety plan. */
export const DISCREET_SUBJECTS = {
  safety_plan_updated_by_therapist: "Your therapist changed something in Alliance",
} as const satisfies Partial<Record<NotificationKind, string>>;

/** What a notification is called outside the app: an e-mail's subject, a push's title. */
export function titleSeenOutside(kind: NotificationKind, title: string): string {
  return ({ ...NAMELESS_SUBJECTS, ...DISCREET_SUBJECTS } as Partial<Record<NotificationKind, string>>)[kind] ?? title;
}

/**
 * A notification still worth telling outside the app (an e-mail, a push):
 * null once it was read, its person deactivated, or its work ended (work
 * that has ended takes what was pending for it along).
 */
export async function notificationToSend(db: TDb, notificationId: string) {
  const notification = await db.notification.findUnique({
    where: { id: notificationId },
    select: {
      id: true,
      kind: true,
      title: true,
      linkPath: true,
      readAt: true,
      engagement: { select: { status: true } },
      user: { select: RECIPIENT_SELECT },
    },
  });
  if (!notification || notification.readAt || notification.user.deactivatedAt) return null;
  if (notification.engagement && notification.engagement.status !== "active") return null;
  return notification;
}

export async function sendNotificationEmail(db: TDb, notificationId: string): Promise<TEmailOutcome> {
  const notification = await notificationToSend(db, notificationId);
  if (!notification) return "skipped";
  if ((await channelFor(db, notification.user.id, notification.kind)) !== "email") return "skipped";
  return send(db, notification.user, notification.kind, {
    subject: titleSeenOutside(notification.kind, notification.title),
    content: {
      greeting: `Hello ${notification.user.name},`,
      paragraphs: [`${notification.title}.`],
      action: { label: "Open it in Alliance", url: `${appUrl()}${safeReturnPath(notification.linkPath) ?? "/"}` },
    },
    idempotencyKey: `notification-email:${notification.id}`,
  }, notificationClaim(db, notification.id));
}

// --- message_email ---------------------------------------------------------------

/**
 * The claim of a grouped e-mail: the person's message notifications of one
 * conversation that are neither read nor e-mailed yet. Taking them all at
 * once makes several messages one e-mail; the next message starts a new group.
 */
function messageClaim(db: TDb, userId: string, engagementId: string): TClaim & { count: () => number; firstId: () => string } {
  let claimed: string[] = [];
  return {
    // One statement, so two runs never claim the same notification.
    take: async () => {
      const rows = await db.$queryRaw<{ id: string }[]>`
        UPDATE notifications SET emailed_at = ${clockNow()}
        WHERE user_id = ${userId}::uuid AND engagement_id = ${engagementId}::uuid
          AND kind::text = ANY(${[...MESSAGE_KINDS]}::text[])
          AND read_at IS NULL AND emailed_at IS NULL
        RETURNING id`;
      claimed = rows.map((row) => row.id).sort();
      return claimed.length > 0;
    },
    giveBack: async () => {
      await db.notification.updateMany({ where: { id: { in: claimed } }, data: { emailedAt: null } });
    },
    count: () => claimed.length,
    /** A retry after a failed send claims the same rows, so the mailer's idempotency key stays the same. */
    firstId: () => claimed[0] ?? "",
  };
}

/**
 * "Maya sent you 3 messages": how many, from whom, and a link. Never a word
 * of any message. Skipped when they were all read in the app meanwhile, all
 * withdrawn by their author (a withdrawn message's notice stays in the bell,
 * but nobody is e-mailed about words that are gone), the work ended, or the
 * person no longer wants these by e-mail.
 */
export async function sendMessageEmail(db: TDb, userId: string, engagementId: string): Promise<TEmailOutcome> {
  const engagement = await db.engagement.findFirst({
    where: { id: engagementId, OR: [{ therapistId: userId }, { clientId: userId }] },
    select: { status: true, therapistId: true, therapist: { select: { name: true } }, client: { select: { name: true } } },
  });
  if (!engagement || engagement.status !== "active") return "skipped";
  const recipient = await db.user.findUnique({ where: { id: userId }, select: RECIPIENT_SELECT });
  if (!recipient || recipient.deactivatedAt) return "skipped";
  const isTherapist = engagement.therapistId === userId;
  const kind: NotificationKind = isTherapist ? "message_from_client" : "message_from_therapist";
  if ((await channelFor(db, userId, kind)) !== "email") return "skipped";
  const sender = (isTherapist ? engagement.client?.name : engagement.therapist.name) ?? "Someone";
  // Claimed before the words are written: the count is what this e-mail covers.
  const claim = messageClaim(db, userId, engagementId);
  if (!(await claim.take())) return "skipped";
  // Of those, the ones still there to read: withdrawn messages are not counted (they stay claimed, so never e-mailed).
  const count = Math.min(claim.count(), (await unreadMessagesBy(db, userId, [engagementId])).get(engagementId) ?? 0);
  if (count === 0) return "skipped";
  return send(db, recipient, kind, {
    subject: isTherapist ? NAMELESS_SUBJECTS.message_from_client : `A message from ${sender} in Alliance`,
    content: {
      greeting: `Hello ${recipient.name},`,
      paragraphs: [
        `${sender} sent you ${count === 1 ? "a message" : `${count} messages`} in Alliance.`,
        "For your privacy, messages are only shown in Alliance, never in e-mail.",
      ],
      action: { label: "Read it in Alliance", url: `${appUrl()}/messages/${engagementId}` },
    },
    idempotencyKey: `message-email:${userId}:${engagementId}:${claim.firstId()}`,
  }, { take: async () => true, giveBack: claim.giveBack });
}

// --- reminder_email -------------------------------------------------------------

export async function sendReminderEmail(db: TDb, key: string): Promise<TEmailOutcome> {
  const delivery = await db.reminderDelivery.findUnique({
    where: { key },
    select: { key: true, kind: true, outcome: true, user: { select: RECIPIENT_SELECT } },
  });
  if (!delivery || delivery.outcome !== "sent" || delivery.user.deactivatedAt) return "skipped";
  if ((await channelFor(db, delivery.user.id, delivery.kind)) !== "email") return "skipped";
  const [, ...rest] = key.split(":");
  switch (delivery.kind) {
    case "agenda_reminder": {
      const sessionId = rest[0];
      const startsAtIso = rest.slice(1).join(":");
      return sendSessionReminder(db, delivery.user, key, sessionId, startsAtIso);
    }
    case "homework_due":
      return sendHomeworkReminder(db, delivery.user, key, rest[1]);
    case "daily_digest":
      return sendDigest(db, delivery.user, key);
    default:
      return "skipped";
  }
}

async function sendSessionReminder(
  db: TDb,
  client: TRecipient,
  key: string,
  sessionId: string,
  startsAtIso: string,
): Promise<TEmailOutcome> {
  const now = clockNow();
  const startsAt = new Date(startsAtIso);
  if (Number.isNaN(startsAt.getTime()) || startsAt.getTime() <= now.getTime()) return "skipped";
  const session = await db.therapySession.findFirst({
    where: {
      id: sessionId,
      status: "scheduled",
      startsAt,
      engagement: { status: "active", clientId: client.id },
    },
    select: {
      id: true,
      status: true,
      startsAt: true,
      durationMinutes: true,
      location: true,
      videoUrl: true,
      createdAt: true,
      updatedAt: true,
      engagement: {
        select: {
          therapist: { select: { name: true } },
          // A questionnaire asked for before every session, not yet sent for this one: mentioned, not sent separately.
          measureAssignments: {
            where: { stoppedAt: null, schedule: "before_each_session" },
            select: { id: true, kind: true, responses: { where: { periodKey: `session:${sessionId}`, completedAt: { not: null } }, select: { id: true } } },
          },
        },
      },
    },
  });
  if (!session) return "skipped";
  const therapistName = session.engagement.therapist.name;
  const measures = session.engagement.measureAssignments.filter((measure) => measure.responses.length === 0);
  const sessionUrl = `${appUrl()}/sessions/${session.id}`;
  const when = `${relativeDay(session.startsAt, now, client.timeZone)} at ${zonedTime(session.startsAt, client.timeZone)}`;
  const place = session.videoUrl
    ? `It's online: ${session.videoUrl}`
    : session.location
      ? `Where: ${session.location}`
      : null;
  const ics = sessionIcs(session, { timeZone: client.timeZone, otherName: therapistName }, { sessionUrl, stampedAt: now });
  const time = zonedTime(session.startsAt, client.timeZone).split(" ")[0];
  return send(db, client, "agenda_reminder", {
    subject: `Your session with ${therapistName} is ${relativeDay(session.startsAt, now, client.timeZone)} at ${time}`,
    content: {
      greeting: `Hello ${client.name},`,
      paragraphs: [
        `A reminder that your session with ${therapistName} is ${when}.`,
        ...(place ? [place] : []),
        "If something is on your mind that you'd like to talk about, you can add it to the agenda beforehand.",
        ...measures.map(
          (measure) =>
            `${therapistName} also asked you to fill in a short questionnaire (${INSTRUMENTS[measure.kind].name}) before the session. It takes about two minutes: ${appUrl()}/questionnaires/${measure.id}`,
        ),
      ],
      action: { label: "Add something to the agenda", url: sessionUrl },
      footer: ["The session is attached as a calendar event."],
    },
    attachments: [{ filename: "session.ics", content: ics, contentType: "text/calendar; charset=utf-8; method=PUBLISH" }],
    idempotencyKey: key,
  }, reminderClaim(db, key));
}

async function sendHomeworkReminder(db: TDb, client: TRecipient, key: string, localDate: string): Promise<TEmailOutcome> {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(localDate ?? "")) return "skipped";
  const open = await db.homeworkOccurrence.count({
    where: {
      dueOn: new Date(`${localDate}T00:00:00Z`),
      completion: null,
      assignment: { status: "active", engagement: { status: "active", clientId: client.id } },
    },
  });
  if (open === 0) return "skipped";
  return send(db, client, "homework_due", {
    subject: "Something to try today",
    content: {
      greeting: `Hello ${client.name},`,
      paragraphs: [
        open === 1
          ? "There's one thing from your therapist to try today."
          : `There are ${open} things from your therapist to try today.`,
        "Whenever you get to it, you can note how it went in Alliance. If today isn't the day, that's fine too: you can say what got in the way.",
      ],
      action: { label: "See today's homework", url: `${appUrl()}/between-sessions` },
    },
    idempotencyKey: key,
  }, reminderClaim(db, key));
}

async function sendDigest(db: TDb, therapist: TRecipient, key: string): Promise<TEmailOutcome> {
  const now = clockNow();
  const lines = (await digestsFor(db, [{ id: therapist.id, timeZone: therapist.timeZone }], now)).get(therapist.id) ?? [];
  if (lines.length === 0) return "skipped";
  return send(db, therapist, "daily_digest", {
    subject: `Your Alliance digest: ${lines.length === 1 ? "1 client" : `${lines.length} clients`} to look at`,
    content: {
      greeting: `Hello ${therapist.name},`,
      paragraphs: ["Here is what needs you today.", lines.map(describeDigestLine).join("\n")],
      action: { label: "Open your caseload", url: `${appUrl()}/caseload` },
    },
    idempotencyKey: key,
  }, reminderClaim(db, key));
}
