// Every kind of notification: who gets it, what it is called on the
// preferences page, and what a person gets of it until they choose. The one
// list: the server's notifications (server/notifications/) and the
// preferences form's schema (lib/schemas/notification.ts) both read it.
//
// Gentle defaults (docs/vocabulary.md, Notification): the
// session reminder and the once-a-day homework reminder by e-mail for
// clients, the daily digest by e-mail for therapists, everything else in the
// app only. Each is the person's to change or switch off.
import type { NotificationChannel, NotificationKind, Role } from "../trpc/types";

export type TKindInfo = {
  role: Role;
  label: string;
  /** One plain sentence under the label. */
  hint: string;
  defaultChannel: NotificationChannel;
  /** Channels the person may choose from (the digest is an e-mail or nothing). */
  channels: readonly NotificationChannel[];
};

const ALL = ["in_app", "email", "push", "off"] as const;
const EMAIL_OR_OFF = ["email", "off"] as const;
/** Safety notices: the person chooses how, not whether (the flag also waits on the caseload). */
const NEVER_OFF = ["in_app", "email", "push"] as const;

export const NOTIFICATION_KINDS: Record<NotificationKind, TKindInfo> = {
  agenda_reminder: {
    role: "client",
    label: "Session reminders",
    hint: "The day before a session, with a link to add something to talk about.",
    defaultChannel: "email",
    channels: ALL,
  },
  homework_due: {
    role: "client",
    label: "Homework reminders",
    hint: "At most once a day, at the time you choose, only on days with homework still to do.",
    defaultChannel: "email",
    channels: ALL,
  },
  homework_assigned: {
    role: "client",
    label: "New homework",
    hint: "When your therapist gives you something to try.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  homework_reply: {
    role: "client",
    label: "Replies to your homework",
    hint: "When your therapist writes back about how it went.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  session_scheduled: {
    role: "client",
    label: "New sessions",
    hint: "When a session is booked.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  session_moved: {
    role: "client",
    label: "Moved sessions",
    hint: "When a session moves to another time.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  session_cancelled: {
    role: "client",
    label: "Cancelled sessions",
    hint: "When a session is cancelled.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  daily_digest: {
    role: "therapist",
    label: "Daily digest",
    hint: "One e-mail a day with what needs you: unread messages, agenda items for tomorrow, homework recorded, flags. None on quiet days.",
    defaultChannel: "email",
    channels: EMAIL_OR_OFF,
  },
  agenda_item_added: {
    role: "therapist",
    label: "Agenda items",
    hint: "When a client adds something to a session's agenda.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  homework_recorded: {
    role: "therapist",
    label: "Homework recorded",
    hint: "When a client records or skips a homework day.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  feedback_received: {
    role: "therapist",
    label: "Session feedback",
    hint: "When a client rates a session.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  invitation_accepted: {
    role: "therapist",
    label: "Invitations accepted",
    hint: "When a client, or a colleague you invited to your practice, joins from your invitation.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  measure_assigned: {
    role: "client",
    label: "Questionnaires",
    hint: "When your therapist asks you to fill in a short questionnaire.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  measure_urgent: {
    role: "therapist",
    label: "Urgent questionnaire answers",
    hint: "When a client's PHQ-9 answer about self-harm is above “Not at all”. It can't be switched off; it also waits on your caseload until you acknowledge it.",
    defaultChannel: "email",
    channels: NEVER_OFF,
  },
  signal_raised: {
    role: "therapist",
    label: "“May not be helping” flags",
    hint: "When a client's ratings or feedback suggest therapy may not be helping.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  message_from_client: {
    role: "therapist",
    label: "Messages",
    hint: "When a client writes to you between sessions. An e-mail never holds the message, and several in a row make one e-mail.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  message_from_therapist: {
    role: "client",
    label: "Messages",
    hint: "When your therapist writes to you. An e-mail never holds the message, and several in a row make one e-mail.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  safety_plan_updated_by_client: {
    role: "therapist",
    label: "Safety plans",
    hint: "When a client changes their safety plan. The notice never holds the plan's words.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  safety_plan_updated_by_therapist: {
    role: "client",
    label: "Your safety plan",
    hint: "When your therapist changes your safety plan. The notice never holds its words.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  supervision_requested: {
    role: "client",
    label: "Requests to see your records",
    hint: "When a supervisor at your therapist's practice asks to see your records. Nobody sees them unless you agree.",
    defaultChannel: "email",
    channels: NEVER_OFF,
  },
  supervision_answered: {
    role: "therapist",
    label: "Supervision answers",
    hint: "When a supervisor asks to see one of your clients' records, and when a client agrees to, refuses or withdraws a supervision request.",
    defaultChannel: "in_app",
    channels: ALL,
  },
  handover_proposed: {
    role: "client",
    label: "Changes of therapist",
    hint: "When your therapist proposes that a colleague carries on your work with you. Nothing moves unless you agree.",
    defaultChannel: "email",
    channels: NEVER_OFF,
  },
  handover_answered: {
    role: "therapist",
    label: "Handovers",
    hint: "When a client accepts or declines moving to another clinician.",
    defaultChannel: "in_app",
    channels: ALL,
  },
};

/** "New message from …": one per message, read when the conversation is (server/messages/). */
export const MESSAGE_KINDS: readonly NotificationKind[] = ["message_from_client", "message_from_therapist"];

/**
 * Kinds whose e-mails are grouped per person and conversation: one e-mail,
 * a few minutes after the first, says how many arrived (sendMessageEmail, server/notifications/emails.ts).
 */
export const GROUPED_EMAIL_KINDS: readonly NotificationKind[] = MESSAGE_KINDS;

export function kindsForRole(role: Role): NotificationKind[] {
  return (Object.keys(NOTIFICATION_KINDS) as NotificationKind[]).filter((kind) => NOTIFICATION_KINDS[kind].role === role);
}

/** Kinds that only ever arrive by e-mail and never make an in-app row. */
export function isEmailOnly(kind: NotificationKind): boolean {
  return !NOTIFICATION_KINDS[kind].channels.includes("in_app");
}
