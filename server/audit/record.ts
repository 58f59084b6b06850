// Audit trail (quality.md, item 19): who did what to which record, when, from
// where. Rows are append-only (a trigger refuses UPDATE and DELETE). Never
// put note or journal text here: ids and kinds only.
import type { TDb } from "../db/client";
import type { TSessionUser } from "../auth/session-user";
import type { TRequestMeta } from "../auth/request-meta";

export type TAuditAction = "read" | "list" | "create" | "update" | "delete" | "sign_up" | "change_password" | "export" | "reset_password" | "end_other_sessions";

export type TAuditEvent = {
  action: TAuditAction;
  recordType: string;
  recordId?: string | null;
  engagementId?: string | null;
  clientId?: string | null;
};

export async function recordAudit(
  db: TDb,
  actor: Pick<TSessionUser, "id" | "role"> | null,
  meta: TRequestMeta,
  event: TAuditEvent,
): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: actor?.id ?? null,
      actorRole: actor?.role ?? null,
      action: event.action,
      recordType: event.recordType,
      recordId: event.recordId ?? null,
      engagementId: event.engagementId ?? null,
      clientId: event.clientId ?? null,
      ip: meta.ip,
      userAgent: meta.userAgent,
    },
    select: { id: true },
  });
}

/**
 * An event on a record that hangs off an engagement: the engagement and its
 * client come from the record, never from input.
 */
export function auditOn(
  ctx: { db: TDb; user: Pick<TSessionUser, "id" | "role">; meta: TRequestMeta },
  engagement: { id: string; clientId: string | null },
  action: TAuditAction,
  recordType: string,
  recordId?: string | null,
): Promise<void> {
  return recordAudit(ctx.db, ctx.user, ctx.meta, {
    action,
    recordType,
    recordId,
    engagementId: engagement.id,
    clientId: engagement.clientId,
  });
}
