import { ZAgendaItemRefSchema, ZSetAgendaStatusSchema, ZUpdateAgendaItemSchema } from "@/lib/schemas/session";
import { setAgendaItemStatus, updateAgendaItem, withdrawAgendaItem } from "@/server/sessions/agenda";
import { createTRPCRouter } from "../trpc";
import { agendaItem, done } from "../resources";

/** One agenda item: its author rewords or withdraws it (server/sessions/agenda.ts); either party marks it. */
export const agendaRouter = createTRPCRouter({
  update: agendaItem.mutation("either", ZUpdateAgendaItemSchema, {
    run: ({ ctx, input }) => done(updateAgendaItem(ctx.db, ctx.user, ctx.item, input)),
    audit: { action: "update", recordType: "agenda_item" },
  }),

  withdraw: agendaItem.mutation("either", ZAgendaItemRefSchema.strict(), {
    run: ({ ctx }) => done(withdrawAgendaItem(ctx.db, ctx.user, ctx.item)),
    audit: { action: "delete", recordType: "agenda_item" },
  }),

  setStatus: agendaItem.mutation("either", ZSetAgendaStatusSchema, {
    run: ({ ctx, input }) => done(setAgendaItemStatus(ctx.db, ctx.item, input.status)),
    audit: { action: "update", recordType: "agenda_item" },
  }),
});
