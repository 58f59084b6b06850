import { ZAgendaItemRefSchema, ZSetAgendaStatusSchema, ZUpdateAgendaItemSchema } from "@/lib/schemas/session";
import { type TAuditAction, auditOn } from "@/server/audit/record";
import { assertWritable } from "@/server/engagements/access";
import { setAgendaItemStatus, updateAgendaItem, withdrawAgendaItem } from "@/server/sessions/agenda";
import type { TAgendaItemContext } from "@/server/sessions/access";
import { announceSessionChange } from "@/server/sessions/live";
import type { TContext } from "../trpc";
import { agendaItemProcedure, createTRPCRouter } from "../trpc";

type TSignedIn = TContext & { user: NonNullable<TContext["user"]> };

async function after(ctx: TSignedIn, item: TAgendaItemContext, action: TAuditAction) {
  await auditOn(ctx, item.session.engagement, action, "agenda_item", item.id);
  await announceSessionChange(ctx.db, item.session.id);
}

/** One agenda item: its author rewords or withdraws it; either party marks it. */
export const agendaRouter = createTRPCRouter({
  update: agendaItemProcedure.input(ZUpdateAgendaItemSchema).mutation(async ({ ctx, input }) => {
    assertWritable(ctx.item.session.engagement);
    await updateAgendaItem(ctx.db, ctx.user, ctx.item, input);
    await after(ctx, ctx.item, "update");
    return { ok: true as const };
  }),

  withdraw: agendaItemProcedure.input(ZAgendaItemRefSchema.strict()).mutation(async ({ ctx }) => {
    assertWritable(ctx.item.session.engagement);
    await withdrawAgendaItem(ctx.db, ctx.user, ctx.item);
    await after(ctx, ctx.item, "delete");
    return { ok: true as const };
  }),

  setStatus: agendaItemProcedure.input(ZSetAgendaStatusSchema).mutation(async ({ ctx, input }) => {
    assertWritable(ctx.item.session.engagement);
    await setAgendaItemStatus(ctx.db, ctx.item, input.status);
    await after(ctx, ctx.item, "update");
    return { ok: true as const };
  }),
});
