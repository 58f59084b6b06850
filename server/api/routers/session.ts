import {
  ZAddAgendaItemSchema,
  ZReorderAgendaSchema,
  ZRescheduleSessionSchema,
  ZSaveNoteSchema,
  ZScheduleSessionSchema,
  ZSessionRefSchema,
} from "@/lib/schemas/session";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { addAgendaItem, reorderAgenda } from "@/server/sessions/agenda";
import { saveNote } from "@/server/sessions/notes";
import { getSessionView, listSessions } from "@/server/sessions/queries";
import { closeSession, rescheduleSession, scheduleSession } from "@/server/sessions/scheduling";
import { createTRPCRouter } from "../trpc";
import { done, engagement, session } from "../resources";

// Every change here is announced to open session pages by the domain code (server/sessions/live.ts).
export const sessionRouter = createTRPCRouter({
  list: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => listSessions(ctx.db, ctx.engagement.id),
    audit: { action: "list", recordType: "session", recordId: () => null },
  }),

  byId: session.query("either", ZSessionRefSchema.strict(), {
    run: async ({ ctx }) => ({ ...(await getSessionView(ctx.db, ctx.user, ctx.session)), viewerRole: ctx.user.role }),
    audit: { action: "read", recordType: "session" },
  }),

  schedule: engagement.mutation("therapist", ZScheduleSessionSchema, {
    run: ({ ctx, input }) => scheduleSession(ctx.db, ctx.user, ctx.engagement, input),
    audit: { action: "create", recordType: "session", recordId: ({ output }) => output.id },
  }),

  reschedule: session.mutation("therapist", ZRescheduleSessionSchema, {
    run: ({ ctx, input }) => done(rescheduleSession(ctx.db, ctx.user, ctx.session, input)),
    audit: { action: "update", recordType: "session" },
  }),

  cancel: session.mutation("therapist", ZSessionRefSchema.strict(), {
    run: ({ ctx }) => done(closeSession(ctx.db, ctx.user, ctx.session, "cancelled")),
    audit: { action: "update", recordType: "session" },
  }),

  complete: session.mutation("therapist", ZSessionRefSchema.strict(), {
    run: ({ ctx }) => done(closeSession(ctx.db, ctx.user, ctx.session, "completed")),
    audit: { action: "update", recordType: "session" },
  }),

  addAgendaItem: session.mutation("either", ZAddAgendaItemSchema, {
    run: ({ ctx, input }) => addAgendaItem(ctx.db, ctx.user, ctx.session, input),
    audit: { action: "create", recordType: "agenda_item", recordId: ({ output }) => output.id },
  }),

  /** The order is the session's agenda: the event is about the session. */
  reorderAgenda: session.mutation("either", ZReorderAgendaSchema, {
    run: ({ ctx, input }) => reorderAgenda(ctx.db, ctx.session, input),
    audit: { action: "update", recordType: "session" },
  }),

  /** Each party writes only its own kind of note (server/sessions/notes.ts). */
  saveNote: session.mutation("either", ZSaveNoteSchema, {
    run: ({ ctx, input }) => saveNote(ctx.db, ctx.user, ctx.session, input),
    audit: (["shared_summary", "therapist_private", "client_takeaway"] as const).map((kind) => ({
      action: "update" as const,
      recordType: `note_${kind}` as const,
      recordId: ({ output }: { output: { id: string } }) => output.id,
      when: ({ input }: { input: { kind: string } }) => input.kind === kind,
    })),
  }),
});
