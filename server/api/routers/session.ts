import {
  ZAddAgendaItemSchema,
  ZReorderAgendaSchema,
  ZRescheduleSessionSchema,
  ZSaveNoteSchema,
  ZScheduleSessionSchema,
  ZSessionRefSchema,
} from "@/lib/schemas/session";
import { recordAudit, type TAuditAction } from "@/server/audit/record";
import { assertWritable } from "@/server/engagements/access";
import { addAgendaItem, reorderAgenda } from "@/server/sessions/agenda";
import { saveNote } from "@/server/sessions/notes";
import { getSessionView, listSessions } from "@/server/sessions/queries";
import { closeSession, rescheduleSession, scheduleSession } from "@/server/sessions/scheduling";
import type { TSessionContext } from "@/server/sessions/access";
import { announceSessionChange } from "@/server/sessions/live";
import type { TContext } from "../trpc";
import {
  createTRPCRouter,
  engagementProcedure,
  engagementWriteProcedure,
  onlyTherapist,
  sessionProcedure,
  ZEngagementRefSchema,
} from "../trpc";

type TSignedIn = TContext & { user: NonNullable<TContext["user"]> };

export function auditSession(ctx: TSignedIn, session: TSessionContext, action: TAuditAction, recordType = "session") {
  return recordAudit(ctx.db, ctx.user, ctx.meta, {
    action,
    recordType,
    recordId: session.id,
    engagementId: session.engagement.id,
    clientId: session.engagement.clientId,
  });
}

export const sessionRouter = createTRPCRouter({
  list: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    const sessions = await listSessions(ctx.db, ctx.engagement.id);
    await recordAudit(ctx.db, ctx.user, ctx.meta, {
      action: "list",
      recordType: "session",
      engagementId: ctx.engagement.id,
      clientId: ctx.engagement.clientId,
    });
    return sessions;
  }),

  byId: sessionProcedure.input(ZSessionRefSchema.strict()).query(async ({ ctx }) => {
    const view = await getSessionView(ctx.db, ctx.user, ctx.session.id);
    await auditSession(ctx, ctx.session, "read");
    return { ...view, viewerRole: ctx.user.role };
  }),

  schedule: engagementWriteProcedure
    .use(onlyTherapist)
    .input(ZScheduleSessionSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await scheduleSession(ctx.db, ctx.user, ctx.engagement, input);
      await recordAudit(ctx.db, ctx.user, ctx.meta, {
        action: "create",
        recordType: "session",
        recordId: session.id,
        engagementId: ctx.engagement.id,
        clientId: ctx.engagement.clientId,
      });
      return session;
    }),

  reschedule: sessionProcedure
    .use(onlyTherapist)
    .input(ZRescheduleSessionSchema)
    .mutation(async ({ ctx, input }) => {
      assertWritable(ctx.session.engagement);
      await rescheduleSession(ctx.db, ctx.user, ctx.session, input);
      await auditSession(ctx, ctx.session, "update");
      await announceSessionChange(ctx.db, ctx.session.id);
      return { ok: true as const };
    }),

  cancel: sessionProcedure
    .use(onlyTherapist)
    .input(ZSessionRefSchema.strict())
    .mutation(async ({ ctx }) => {
      assertWritable(ctx.session.engagement);
      await closeSession(ctx.db, ctx.session, "cancelled");
      await auditSession(ctx, ctx.session, "update");
      await announceSessionChange(ctx.db, ctx.session.id);
      return { ok: true as const };
    }),

  complete: sessionProcedure
    .use(onlyTherapist)
    .input(ZSessionRefSchema.strict())
    .mutation(async ({ ctx }) => {
      assertWritable(ctx.session.engagement);
      await closeSession(ctx.db, ctx.session, "completed");
      await auditSession(ctx, ctx.session, "update");
      await announceSessionChange(ctx.db, ctx.session.id);
      return { ok: true as const };
    }),

  addAgendaItem: sessionProcedure.input(ZAddAgendaItemSchema).mutation(async ({ ctx, input }) => {
    assertWritable(ctx.session.engagement);
    const item = await addAgendaItem(ctx.db, ctx.user, ctx.session, input);
    await auditSession(ctx, ctx.session, "create", "agenda_item");
    await announceSessionChange(ctx.db, ctx.session.id);
    return item;
  }),

  reorderAgenda: sessionProcedure.input(ZReorderAgendaSchema).mutation(async ({ ctx, input }) => {
    assertWritable(ctx.session.engagement);
    const result = await reorderAgenda(ctx.db, ctx.session, input);
    await auditSession(ctx, ctx.session, "update", "agenda_item");
    await announceSessionChange(ctx.db, ctx.session.id);
    return result;
  }),

  saveNote: sessionProcedure.input(ZSaveNoteSchema).mutation(async ({ ctx, input }) => {
    assertWritable(ctx.session.engagement);
    const note = await saveNote(ctx.db, ctx.user, ctx.session, input);
    await auditSession(ctx, ctx.session, "update", `note_${input.kind}`);
    // A private note changes nothing the client can see: no announcement.
    if (input.kind !== "therapist_private") await announceSessionChange(ctx.db, ctx.session.id);
    return note;
  }),
});
