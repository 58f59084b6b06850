import {
  ZAddAgendaItemSchema,
  ZReorderAgendaSchema,
  ZRescheduleSessionSchema,
  ZSaveNoteSchema,
  ZScheduleSessionSchema,
  ZSessionRefSchema,
} from "@/lib/schemas/session";
import { auditOn } from "@/server/audit/record";
import { assertWritable } from "@/server/engagements/access";
import { addAgendaItem, reorderAgenda } from "@/server/sessions/agenda";
import { saveNote } from "@/server/sessions/notes";
import { getSessionView, listSessions } from "@/server/sessions/queries";
import { closeSession, rescheduleSession, scheduleSession } from "@/server/sessions/scheduling";
import { announceSessionChange } from "@/server/sessions/live";
import {
  createTRPCRouter,
  engagementProcedure,
  engagementWriteProcedure,
  onlyTherapist,
  sessionProcedure,
  ZEngagementRefSchema,
} from "../trpc";


export const sessionRouter = createTRPCRouter({
  list: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    const sessions = await listSessions(ctx.db, ctx.engagement.id);
    await auditOn(ctx, ctx.engagement, "list", "session");
    return sessions;
  }),

  byId: sessionProcedure.input(ZSessionRefSchema.strict()).query(async ({ ctx }) => {
    const view = await getSessionView(ctx.db, ctx.user, ctx.session);
    await auditOn(ctx, ctx.session.engagement, "read", "session", ctx.session.id);
    return { ...view, viewerRole: ctx.user.role };
  }),

  schedule: engagementWriteProcedure
    .use(onlyTherapist)
    .input(ZScheduleSessionSchema)
    .mutation(async ({ ctx, input }) => {
      const session = await scheduleSession(ctx.db, ctx.user, ctx.engagement, input);
      await auditOn(ctx, ctx.engagement, "create", "session", session.id);
      return session;
    }),

  reschedule: sessionProcedure
    .use(onlyTherapist)
    .input(ZRescheduleSessionSchema)
    .mutation(async ({ ctx, input }) => {
      assertWritable(ctx.session.engagement);
      await rescheduleSession(ctx.db, ctx.user, ctx.session, input);
      await auditOn(ctx, ctx.session.engagement, "update", "session", ctx.session.id);
      await announceSessionChange(ctx.db, ctx.session.id);
      return { ok: true as const };
    }),

  cancel: sessionProcedure
    .use(onlyTherapist)
    .input(ZSessionRefSchema.strict())
    .mutation(async ({ ctx }) => {
      assertWritable(ctx.session.engagement);
      await closeSession(ctx.db, ctx.user, ctx.session, "cancelled");
      await auditOn(ctx, ctx.session.engagement, "update", "session", ctx.session.id);
      await announceSessionChange(ctx.db, ctx.session.id);
      return { ok: true as const };
    }),

  complete: sessionProcedure
    .use(onlyTherapist)
    .input(ZSessionRefSchema.strict())
    .mutation(async ({ ctx }) => {
      assertWritable(ctx.session.engagement);
      await closeSession(ctx.db, ctx.user, ctx.session, "completed");
      await auditOn(ctx, ctx.session.engagement, "update", "session", ctx.session.id);
      await announceSessionChange(ctx.db, ctx.session.id);
      return { ok: true as const };
    }),

  addAgendaItem: sessionProcedure.input(ZAddAgendaItemSchema).mutation(async ({ ctx, input }) => {
    assertWritable(ctx.session.engagement);
    const item = await addAgendaItem(ctx.db, ctx.user, ctx.session, input);
    await auditOn(ctx, ctx.session.engagement, "create", "agenda_item", ctx.session.id);
    await announceSessionChange(ctx.db, ctx.session.id);
    return item;
  }),

  reorderAgenda: sessionProcedure.input(ZReorderAgendaSchema).mutation(async ({ ctx, input }) => {
    assertWritable(ctx.session.engagement);
    const result = await reorderAgenda(ctx.db, ctx.session, input);
    await auditOn(ctx, ctx.session.engagement, "update", "agenda_item", ctx.session.id);
    await announceSessionChange(ctx.db, ctx.session.id);
    return result;
  }),

  saveNote: sessionProcedure.input(ZSaveNoteSchema).mutation(async ({ ctx, input }) => {
    assertWritable(ctx.session.engagement);
    const note = await saveNote(ctx.db, ctx.user, ctx.session, input);
    await auditOn(ctx, ctx.session.engagement, "update", `note_${input.kind}`, ctx.session.id);
    // A private note changes nothing the client can see: no announcement.
    if (input.kind !== "therapist_private") await announceSessionChange(ctx.db, ctx.session.id);
    return note;
  }),
});
