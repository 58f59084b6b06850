// Reminders: computed on every tick (once a minute, server/jobs/worker.ts)
// from the domain state at the app clock's now(), never scheduled ahead. A
// session moved, cancelled or ended, homework recorded, a preference changed:
// the next tick simply sees the new state.
//
// Invariants:
// - Each reminder has a key naming exactly what it is about, and the ledger
//   (reminder_deliveries, key as primary key) holds at most one row per key:
//     agenda_reminder:<sessionId>:<startsAt ISO>  (a moved session gets a new key;
//                                                the old one never matches again)
//     homework_due:<clientId>:<local date>        (at most one a day)
//     daily_digest:<therapistId>:<local date>     (at most one a day)
//   A row is inserted ON CONFLICT DO NOTHING, and only the tick whose insert
//   succeeded acts on it, in the same transaction: two workers ticking at once
//   deliver once.
// - Outcomes: `switched_off` (preference off), `nothing_due` (homework all
//   recorded, a quiet digest), `sent`. For `sent`: the in-app row (kinds that
//   have one) is written here, and when the channel is e-mail exactly one
//   `reminder_email` job is queued with the key as its job key; when it is
//   push, one `push_notification` job for the in-app row (push:<id>). notify() is
//   not used for these, because for an e-mail-channel kind it would queue a
//   second, generic e-mail (notification_email).
// - Set-based: one candidate query per kind (bounded by what can be due now,
//   never a loop over all users), one ledger insert, one notifications insert.
// - Quiet hours and local times follow lib/notifications/quiet-hours.ts.
// - Titles name people and times, never clinical text.
import type { TDb } from "../db/client";
import type { Prisma } from "../db/generated/client";
import type { NotificationChannel, NotificationKind, ReminderOutcome } from "../db/generated/enums";
import { enqueue } from "../jobs/queue";
import { publish } from "../live/bus";
import { now as clockNow } from "../clock";
import { dailyReminderDue, sessionReminderDue, type TQuietHours } from "../../lib/notifications/quiet-hours";
import { NOTIFICATION_KINDS } from "../../lib/notifications/kinds";
import { NOTIFICATION_SETTINGS_DEFAULTS } from "./preferences";
import { userTopic } from "./notify";
import { digestsFor } from "./digest";
import { sessionReminderTitle } from "./reminder-wording";
import { PUSH_MAX_ATTEMPTS } from "./push";

/** A failing reminder e-mail is retried with graphile-worker's backoff up to this many times. */
export const REMINDER_MAX_ATTEMPTS = 10;

type TTx = Prisma.TransactionClient;

type TDue = {
  key: string;
  userId: string;
  kind: NotificationKind;
  outcome: ReminderOutcome;
  channel: NotificationChannel;
  /** The in-app row, for kinds that have one. */
  notice?: { title: string; linkPath: string };
};

type TSettingsColumns = {
  has_settings: boolean;
  quiet_from: string | null;
  quiet_until: string | null;
};

function quietOf(row: TSettingsColumns): TQuietHours {
  return row.has_settings
    ? { quietFrom: row.quiet_from, quietUntil: row.quiet_until }
    : { quietFrom: NOTIFICATION_SETTINGS_DEFAULTS.quietFrom, quietUntil: NOTIFICATION_SETTINGS_DEFAULTS.quietUntil };
}

export type TTickResult = { sent: number; nothingDue: number; switchedOff: number };

/** One tick: finds what is due at now() and records and queues each reminder once. */
export async function runRemindersTick(db: TDb, now: Date = clockNow()): Promise<TTickResult> {
  const zones = await knownZones(db);
  const due = [
    ...(await dueSessionReminders(db, now)),
    ...(await dueHomeworkReminders(db, now, zones)),
    ...(await dueDigests(db, now, zones)),
  ];
  if (due.length === 0) return { sent: 0, nothingDue: 0, switchedOff: 0 };
  const inserted = await db.$transaction((tx) => record(tx, due, now), { timeout: 30_000 });
  return {
    sent: inserted.filter((row) => row.outcome === "sent").length,
    nothingDue: inserted.filter((row) => row.outcome === "nothing_due").length,
    switchedOff: inserted.filter((row) => row.outcome === "switched_off").length,
  };
}

async function record(tx: TTx, due: TDue[], now: Date): Promise<TDue[]> {
  const insertedKeys = new Set(
    (
      await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO reminder_deliveries (key, user_id, kind, outcome, created_at)
        SELECT key, user_id, kind::"NotificationKind", outcome::"ReminderOutcome", ${now}
        FROM unnest(${due.map((d) => d.key)}::text[], ${due.map((d) => d.userId)}::uuid[],
                    ${due.map((d) => d.kind)}::text[], ${due.map((d) => d.outcome)}::text[])
             AS t(key, user_id, kind, outcome)
        ON CONFLICT (key) DO NOTHING
        RETURNING key`
    ).map((row) => row.key),
  );
  const inserted = due.filter((d) => insertedKeys.has(d.key));
  const sent = inserted.filter((d) => d.outcome === "sent");
  const notices = sent.filter((d) => d.notice && d.channel !== "off");
  if (notices.length > 0) {
    const rows = await tx.notification.createManyAndReturn({
      data: notices.map((d) => ({ userId: d.userId, kind: d.kind, title: d.notice!.title, linkPath: d.notice!.linkPath, createdAt: now })),
      select: { id: true },
    });
    // Rows come back in the order given (one INSERT … RETURNING). A reminder is
    // only due outside quiet hours, so its push goes at once.
    for (const [index, d] of notices.entries()) {
      if (d.channel !== "push") continue;
      await enqueue(tx, "push_notification", { notificationId: rows[index]!.id }, { jobKey: `push:${rows[index]!.id}`, maxAttempts: PUSH_MAX_ATTEMPTS });
    }
    for (const userId of new Set(notices.map((d) => d.userId))) await publish(tx, userTopic(userId));
  }
  for (const d of sent.filter((d) => d.channel === "email")) {
    await enqueue(tx, "reminder_email", { key: d.key }, { jobKey: d.key, maxAttempts: REMINDER_MAX_ATTEMPTS });
  }
  return inserted;
}

function outcomeFor(channel: NotificationChannel, hasSomethingToSay: boolean): ReminderOutcome {
  if (channel === "off") return "switched_off";
  return hasSomethingToSay ? "sent" : "nothing_due";
}

// --- Session reminders (clients, the day before) ------------------------------

export function sessionReminderKey(sessionId: string, startsAt: Date): string {
  return `agenda_reminder:${sessionId}:${startsAt.toISOString()}`;
}

async function dueSessionReminders(db: TDb, now: Date): Promise<TDue[]> {
  const horizon = new Date(now.getTime() + 24 * 3_600_000);
  const rows = await db.$queryRaw<
    (TSettingsColumns & { session_id: string; starts_at: Date; user_id: string; time_zone: string; therapist_name: string; channel: NotificationChannel })[]
  >`
    SELECT s.id AS session_id, s.starts_at, c.id AS user_id, c.time_zone, th.name AS therapist_name,
           (ns.user_id IS NOT NULL) AS has_settings, ns.quiet_from, ns.quiet_until,
           coalesce(np.channel::text, ${NOTIFICATION_KINDS.agenda_reminder.defaultChannel}) AS channel
    FROM therapy_sessions s
    JOIN engagements e ON e.id = s.engagement_id AND e.status = 'active'
    JOIN users c ON c.id = e.client_id AND c.deactivated_at IS NULL
    JOIN users th ON th.id = e.therapist_id
    LEFT JOIN notification_settings ns ON ns.user_id = c.id
    LEFT JOIN notification_preferences np ON np.user_id = c.id AND np.kind = 'agenda_reminder'
    WHERE s.status = 'scheduled' AND s.starts_at > ${now} AND s.starts_at <= ${horizon}
      AND NOT EXISTS (
        SELECT 1 FROM reminder_deliveries d
        WHERE d.key = 'agenda_reminder:' || s.id || ':' || to_char(s.starts_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
      )`;
  return rows
    .filter((row) => sessionReminderDue(now, row.starts_at, quietOf(row), row.time_zone))
    .map((row) => ({
      key: sessionReminderKey(row.session_id, row.starts_at),
      userId: row.user_id,
      kind: "agenda_reminder" as const,
      channel: row.channel,
      outcome: outcomeFor(row.channel, true),
      notice: {
        title: sessionReminderTitle({ therapistName: row.therapist_name, startsAt: row.starts_at, timeZone: row.time_zone, now }),
        linkPath: `/sessions/${row.session_id}`,
      },
    }));
}

// --- Homework reminders (clients, once a day at their time) -------------------

export function homeworkReminderKey(clientId: string, localDate: string): string {
  return `homework_due:${clientId}:${localDate}`;
}

async function dueHomeworkReminders(db: TDb, now: Date, zones: string[]): Promise<TDue[]> {
  // Clients in active work whose reminder time has passed on their own clock
  // today and who have no ledger row for today yet; the exact due check
  // (quiet hours, DST) is the pure one below.
  const rows = await db.$queryRaw<
    (TSettingsColumns & { user_id: string; time_zone: string; remind_at: string; local_date: string; channel: NotificationChannel; has_due: boolean })[]
  >`
    WITH candidates AS (
      SELECT c.id AS user_id, c.time_zone,
             (ns.user_id IS NOT NULL) AS has_settings, ns.quiet_from, ns.quiet_until,
             coalesce(ns.homework_reminder_at, ${NOTIFICATION_SETTINGS_DEFAULTS.homeworkReminderAt}) AS remind_at,
             coalesce(np.channel::text, ${NOTIFICATION_KINDS.homework_due.defaultChannel}) AS channel,
             to_char(${now}::timestamptz AT TIME ZONE c.time_zone, 'YYYY-MM-DD') AS local_date,
             to_char(${now}::timestamptz AT TIME ZONE c.time_zone, 'HH24:MI') AS local_time
      FROM users c
      LEFT JOIN notification_settings ns ON ns.user_id = c.id
      LEFT JOIN notification_preferences np ON np.user_id = c.id AND np.kind = 'homework_due'
      WHERE c.role = 'client' AND c.deactivated_at IS NULL AND c.time_zone = ANY(${zones}::text[])
        AND EXISTS (SELECT 1 FROM engagements e WHERE e.client_id = c.id AND e.status = 'active')
    )
    SELECT k.user_id, k.time_zone, k.has_settings, k.quiet_from, k.quiet_until, k.remind_at, k.channel, k.local_date,
           EXISTS (
             SELECT 1 FROM homework_occurrences o
             JOIN homework_assignments a ON a.id = o.assignment_id AND a.status = 'active'
             JOIN engagements e ON e.id = a.engagement_id AND e.status = 'active' AND e.client_id = k.user_id
             WHERE o.due_on = k.local_date::date
               AND NOT EXISTS (SELECT 1 FROM homework_completions hc WHERE hc.occurrence_id = o.id)
           ) AS has_due
    FROM candidates k
    WHERE k.local_time >= k.remind_at
      AND NOT EXISTS (SELECT 1 FROM reminder_deliveries d WHERE d.key = 'homework_due:' || k.user_id || ':' || k.local_date)`;
  return rows.flatMap((row) => {
    const due = dailyReminderDue(now, row.remind_at, quietOf(row), row.time_zone);
    // The exact check may disagree with SQL about the day around midnight; the SQL's day names the key.
    if (!due || due.localDate !== row.local_date) return [];
    return [
      {
        key: homeworkReminderKey(row.user_id, row.local_date),
        userId: row.user_id,
        kind: "homework_due" as const,
        channel: row.channel,
        outcome: outcomeFor(row.channel, row.has_due),
        notice: { title: "You have something to try today", linkPath: "/between-sessions" },
      },
    ];
  });
}

// --- Daily digest (therapists, e-mail only) ------------------------------------

export function digestKey(therapistId: string, localDate: string): string {
  return `daily_digest:${therapistId}:${localDate}`;
}

async function dueDigests(db: TDb, now: Date, zones: string[]): Promise<TDue[]> {
  const rows = await db.$queryRaw<
    (TSettingsColumns & { user_id: string; time_zone: string; digest_at: string; local_date: string; channel: NotificationChannel })[]
  >`
    WITH candidates AS (
      SELECT t.id AS user_id, t.time_zone,
             (ns.user_id IS NOT NULL) AS has_settings, ns.quiet_from, ns.quiet_until,
             coalesce(ns.digest_at, ${NOTIFICATION_SETTINGS_DEFAULTS.digestAt}) AS digest_at,
             coalesce(np.channel::text, ${NOTIFICATION_KINDS.daily_digest.defaultChannel}) AS channel,
             to_char(${now}::timestamptz AT TIME ZONE t.time_zone, 'YYYY-MM-DD') AS local_date,
             to_char(${now}::timestamptz AT TIME ZONE t.time_zone, 'HH24:MI') AS local_time
      FROM users t
      LEFT JOIN notification_settings ns ON ns.user_id = t.id
      LEFT JOIN notification_preferences np ON np.user_id = t.id AND np.kind = 'daily_digest'
      WHERE t.role = 'therapist' AND t.deactivated_at IS NULL AND t.time_zone = ANY(${zones}::text[])
        AND EXISTS (SELECT 1 FROM engagements e WHERE e.therapist_id = t.id AND e.status = 'active')
    )
    SELECT k.user_id, k.time_zone, k.has_settings, k.quiet_from, k.quiet_until, k.digest_at, k.channel, k.local_date
    FROM candidates k
    WHERE k.local_time >= k.digest_at
      AND NOT EXISTS (SELECT 1 FROM reminder_deliveries d WHERE d.key = 'daily_digest:' || k.user_id || ':' || k.local_date)`;
  const dueRows = rows.filter((row) => {
    const due = dailyReminderDue(now, row.digest_at, quietOf(row), row.time_zone);
    return due !== null && due.localDate === row.local_date;
  });
  // Figures only for therapists who will get a digest now (not for those who switched it off).
  const wanted = dueRows.filter((row) => row.channel !== "off");
  const digests = await digestsFor(db, wanted.map((row) => ({ id: row.user_id, timeZone: row.time_zone })), now);
  return dueRows.map((row) => ({
    key: digestKey(row.user_id, row.local_date),
    userId: row.user_id,
    kind: "daily_digest" as const,
    // E-mail or nothing: the digest has no in-app form.
    channel: row.channel === "off" ? ("off" as const) : ("email" as const),
    outcome: outcomeFor(row.channel === "off" ? "off" : "email", (digests.get(row.user_id)?.length ?? 0) > 0),
  }));
}

// --- Time zones Postgres can use ---------------------------------------------

let zoneCache: { at: number; zones: Promise<string[]> } | undefined;

/**
 * Zone names this Postgres knows. A name it doesn't know (ICU and the
 * server's tz database can differ) would make the whole statement fail, so
 * people in such a zone are left out rather than everyone's reminders.
 * Cached for an hour: reading pg_timezone_names takes ~100 ms.
 */
function knownZones(db: TDb): Promise<string[]> {
  const at = clockNow().getTime();
  if (!zoneCache || Math.abs(at - zoneCache.at) > 3_600_000) {
    const zones = db.$queryRaw<{ name: string }[]>`SELECT name FROM pg_timezone_names`.then((rows) => rows.map((row) => row.name));
    zoneCache = { at, zones };
    zones.catch(() => {
      zoneCache = undefined;
    });
  }
  return zoneCache.zones;
}
