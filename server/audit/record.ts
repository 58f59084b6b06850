// Audit trail (docs/security-and-privacy.md, S15): who did what to which record, when, from
// where. Rows are append-only (a trigger refuses UPDATE and DELETE). Never
// put note or journal text here: ids and kinds only.
//
// One insert per request: procedures record events into the request's
// AuditBuffer (ctx.audit), written together with one multi-row INSERT
// - for a page, once its prefetches are done (HydrateClient, server/api/rsc.tsx),
//   before any of their data is sent;
// - for an HTTP call to /api/trpc, once its batch has run, before the answer
//   leaves (app/api/trpc/[trpc]/route.ts); a failed write answers an error;
// - for a mutation on a record, inside the transaction of the write it
//   records (atomicWrites, server/api/trpc.ts), so neither exists without
//   the other.
// Without a buffer (tests' direct callers, scripts), an event is written at once.
import type { Prisma } from "../db/generated/client";
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TRequestMeta } from "../auth/request-meta";

export type TAuditAction = "read" | "list" | "create" | "update" | "delete" | "sign_up" | "change_password" | "export" | "reset_password" | "end_other_sessions" | "acknowledge";

/** Every kind of record an event can be about; the client's access log words each one (server/audit/access-log.ts). */
export const AUDIT_RECORD_TYPES = [
  "engagement",
  "invitation",
  "goal",
  "goal_step",
  "goal_rating",
  "homework_assignment",
  "homework_occurrence",
  "homework_completion",
  "exercise_entry",
  "ladder_step",
  "session",
  "agenda_item",
  "note_shared_summary",
  "note_client_takeaway",
  "note_therapist_private",
  "journal_entry",
  "voice_memo",
  "message",
  "conversation",
  "safety_plan",
  "session_feedback",
  "check_in",
  "measure_assignment",
  "measure_response",
  "measure_flag",
  "off_track_review",
  "handover",
  "engagement_export",
  "client_export",
  "template_library",
  "user",
  "user_email",
  "email_change_request",
  "two_factor",
  "account",
  // A practice (issue 29): its settings, its members, its invitations of colleagues. Never a client's record.
  "practice",
  "practice_member",
  "practice_invitation",
  "supervision_request",
] as const;

export type TAuditRecordType = (typeof AUDIT_RECORD_TYPES)[number];

export type TAuditEvent = {
  action: TAuditAction;
  recordType: TAuditRecordType;
  recordId?: string | null;
  engagementId?: string | null;
  clientId?: string | null;
};

type TAuditRow = Prisma.AuditEventCreateManyInput;
type TWriter = Pick<TDb, "auditEvent"> | Prisma.TransactionClient;

function auditRow(actor: Pick<TSessionUser, "id" | "role"> | null, meta: TRequestMeta, event: TAuditEvent): TAuditRow {
  return {
    actorId: actor?.id ?? null,
    actorRole: actor?.role ?? null,
    action: event.action,
    recordType: event.recordType,
    recordId: event.recordId ?? null,
    engagementId: event.engagementId ?? null,
    clientId: event.clientId ?? null,
    ip: meta.ip,
    userAgent: meta.userAgent,
  };
}

async function writeRows(db: TWriter, rows: TAuditRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.auditEvent.createMany({ data: rows });
}

/** A request's audit events, written together by flush(); after it, events are written at once. */
export class AuditBuffer {
  private pending: TAuditRow[] = [];
  private isFlushed = false;

  async add(db: TWriter, row: TAuditRow): Promise<void> {
    if (this.isFlushed) await writeRows(db, [row]);
    else this.pending.push(row);
  }

  get size(): number {
    return this.pending.length;
  }

  /** Writes what was recorded so far in one INSERT. */
  async flush(db: TWriter): Promise<void> {
    this.isFlushed = true;
    await writeRows(db, this.pending.splice(0));
  }
}

/** Writes one event now (domain code outside a request's buffer: resets, sign-ups, scripts). */
export async function recordAudit(
  db: TWriter,
  actor: Pick<TSessionUser, "id" | "role"> | null,
  meta: TRequestMeta,
  event: TAuditEvent,
): Promise<void> {
  await writeRows(db, [auditRow(actor, meta, event)]);
}

export type TAuditContext = { db: TWriter; user: Pick<TSessionUser, "id" | "role">; meta: TRequestMeta; audit?: AuditBuffer };

/** An event of the signed-in caller, into the request's buffer (written at once without one). */
export function audit(
  ctx: Omit<TAuditContext, "user"> & { user: Pick<TSessionUser, "id" | "role"> | null },
  event: TAuditEvent,
  actor: Pick<TSessionUser, "id" | "role"> | null = ctx.user,
): Promise<void> {
  const row = auditRow(actor, ctx.meta, event);
  return ctx.audit ? ctx.audit.add(ctx.db, row) : writeRows(ctx.db, [row]);
}

/**
 * An event on a record that hangs off an engagement: the engagement and its
 * client come from the record, never from input.
 */
export function auditOn(
  ctx: TAuditContext,
  engagement: { id: string; clientId: string | null },
  action: TAuditAction,
  recordType: TAuditRecordType,
  recordId?: string | null,
): Promise<void> {
  return audit(ctx, {
    action,
    recordType,
    recordId,
    engagementId: engagement.id,
    clientId: engagement.clientId,
  });
}
