// A practice's settings (issue 29): its name, the crisis help its clients see,
// whether every member must use two-step sign-in, new clients' reminder
// defaults, and the questionnaires offered first. Owners and admins only.
//
// INVARIANTS
// - A practice of one without a row reads the defaults (the columns'
//   defaults, its owner's name); the first change writes the row
//   (ensurePractice) in the same transaction as the change.
// - Bad input changes nothing: the schema refuses it with field messages
//   before anything is written.
// - The crisis text and the two-step requirement are read with the session
//   (server/auth/session-user.ts), never with an extra query on a page.
import type { TDb } from "../db/client";
import type { MeasureKind, MeasureSchedule } from "../db/generated/enums";
import type { TSessionUser } from "../auth/session-user";
import type { TPracticeSettingsInput } from "../../lib/schemas/practice";
import { defaultPracticeName, ensurePractice, practicePlaceOf, requireRunsPractice } from "./practices";

export type TPracticeSettings = {
  practiceId: string | null;
  name: string;
  crisisResources: string;
  requireTwoStep: boolean;
  homeworkReminderAt: string;
  quietFrom: string | null;
  quietUntil: string | null;
  defaultMeasures: MeasureKind[];
  defaultMeasureSchedule: MeasureSchedule;
};

const SETTINGS_SELECT = {
  id: true,
  name: true,
  crisisResources: true,
  requireTwoStep: true,
  homeworkReminderAt: true,
  quietFrom: true,
  quietUntil: true,
  defaultMeasures: true,
  defaultMeasureSchedule: true,
} as const;

/** What a practice without a row has: the schema's defaults. */
export function defaultSettings(ownerName: string): TPracticeSettings {
  return {
    practiceId: null,
    name: defaultPracticeName(ownerName),
    crisisResources: "",
    requireTwoStep: false,
    homeworkReminderAt: "18:00",
    quietFrom: "21:00",
    quietUntil: "08:00",
    defaultMeasures: [],
    defaultMeasureSchedule: "before_each_session",
  };
}

async function readSettings(db: TDb, practiceId: string | null, ownerName: string): Promise<TPracticeSettings> {
  if (!practiceId) return defaultSettings(ownerName);
  const { id, ...row } = await db.practice.findUniqueOrThrow({ where: { id: practiceId }, select: SETTINGS_SELECT });
  return { practiceId: id, ...row };
}

/** The settings form's values: owners and admins only. */
export async function practiceSettings(db: TDb, user: TSessionUser): Promise<TPracticeSettings> {
  const place = await requireRunsPractice(db, user);
  return readSettings(db, place.practiceId, user.name);
}

/** Saves the settings, making the practice's row on the first change. */
export async function updatePracticeSettings(db: TDb, user: TSessionUser, input: TPracticeSettingsInput): Promise<TPracticeSettings> {
  await requireRunsPractice(db, user);
  return db.$transaction(async (tx) => {
    const { practiceId } = await ensurePractice(tx, user);
    const { id, ...row } = await tx.practice.update({
      where: { id: practiceId },
      data: {
        name: input.name,
        crisisResources: input.crisisResources,
        requireTwoStep: input.requireTwoStep,
        homeworkReminderAt: input.homeworkReminderAt,
        quietFrom: input.hasQuietHours ? input.quietFrom || null : null,
        quietUntil: input.hasQuietHours ? input.quietUntil || null : null,
        defaultMeasures: [...new Set(input.defaultMeasures)],
        defaultMeasureSchedule: input.defaultMeasureSchedule,
      },
      select: SETTINGS_SELECT,
    });
    return { practiceId: id, ...row };
  });
}

/** The questionnaires a therapist's practice offers first, for the assign-a-questionnaire form (any member; no clinical data). */
export async function measureDefaultsFor(db: TDb, user: Pick<TSessionUser, "id" | "role">): Promise<{ kinds: MeasureKind[]; schedule: MeasureSchedule }> {
  const place = await practicePlaceOf(db, user);
  if (!place?.practiceId) return { kinds: [], schedule: "before_each_session" };
  const row = await db.practice.findUniqueOrThrow({ where: { id: place.practiceId }, select: { defaultMeasures: true, defaultMeasureSchedule: true } });
  return { kinds: row.defaultMeasures, schedule: row.defaultMeasureSchedule };
}

/**
 * A client's reminder settings as their therapist's practice has them, for a
 * client who has none yet (they joined an engagement). Written in the
 * caller's transaction; a client who already chose keeps their choice.
 */
export async function applyReminderDefaults(tx: Pick<TDb, "practiceMember" | "notificationSettings">, clientId: string, therapistId: string): Promise<void> {
  const member = await tx.practiceMember.findFirst({
    where: { userId: therapistId, leftAt: null },
    select: { practice: { select: { homeworkReminderAt: true, quietFrom: true, quietUntil: true } } },
  });
  if (!member) return;
  const { homeworkReminderAt, quietFrom, quietUntil } = member.practice;
  await tx.notificationSettings.upsert({
    where: { userId: clientId },
    create: { userId: clientId, homeworkReminderAt, quietFrom, quietUntil },
    update: {},
  });
}
