import { z } from "zod";
import { ZCreateJournalEntrySchema, ZJournalEntryRefSchema, ZSetJournalSharingSchema } from "@/lib/schemas/journal";
import { audit, auditOn } from "@/server/audit/record";
import { createEntry, deleteEntry, listOwnEntries, listSharedEntries, setSharing } from "@/server/journal/journal";
import { clientProcedure, createTRPCRouter, engagementProcedure, onlyTherapist, ZEngagementRefSchema } from "../trpc";

export const journalRouter = createTRPCRouter({
  mine: clientProcedure.input(z.object({}).strict().optional()).query(({ ctx }) => listOwnEntries(ctx.db, ctx.user)),

  create: clientProcedure.input(ZCreateJournalEntrySchema).mutation(async ({ ctx, input }) => {
    const entry = await createEntry(ctx.db, ctx.user, input);
    await audit(ctx, { action: "create", recordType: "journal_entry", recordId: entry.id, clientId: ctx.user.id });
    return entry;
  }),

  setSharing: clientProcedure.input(ZSetJournalSharingSchema).mutation(async ({ ctx, input }) => {
    const entry = await setSharing(ctx.db, ctx.user, input.entryId, input.engagementId);
    await audit(ctx, { action: "update", recordType: "journal_entry", recordId: entry.id, clientId: ctx.user.id });
    return entry;
  }),

  delete: clientProcedure.input(ZJournalEntryRefSchema.strict()).mutation(async ({ ctx, input }) => {
    await deleteEntry(ctx.db, ctx.user, input.entryId);
    await audit(ctx, { action: "delete", recordType: "journal_entry", recordId: input.entryId, clientId: ctx.user.id });
    return { ok: true as const };
  }),

  /** What this client has chosen to share with this therapist, right now. */
  shared: engagementProcedure
    .use(onlyTherapist)
    .input(ZEngagementRefSchema.strict())
    .query(async ({ ctx }) => {
      const entries = await listSharedEntries(ctx.db, ctx.user, ctx.engagement.id);
      await auditOn(ctx, ctx.engagement, "list", "journal_entry");
      return entries;
    }),
});
