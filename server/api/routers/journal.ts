import { z } from "zod";
import { ZCreateJournalEntrySchema, ZJournalEntryRefSchema, ZSetJournalSharingSchema } from "@/lib/schemas/journal";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { createEntry, deleteEntry, listOwnEntries, listSharedEntries, setSharing } from "@/server/journal/journal";
import { createTRPCRouter } from "../trpc";
import { done, engagement, own } from "../resources";

// A journal is the client's own: entries are found by the client's id from
// the session (server/journal/journal.ts), never by an id alone.
export const journalRouter = createTRPCRouter({
  /** The client reading their own journal is not an access to record. */
  mine: own.query("client", z.object({}).strict().optional(), {
    run: ({ ctx }) => listOwnEntries(ctx.db, ctx.user),
    audit: null,
  }),

  create: own.mutation("client", ZCreateJournalEntrySchema, {
    run: ({ ctx, input }) => createEntry(ctx.db, ctx.user, input),
    audit: { action: "create", recordType: "journal_entry", recordId: ({ output }) => output.id },
  }),

  setSharing: own.mutation("client", ZSetJournalSharingSchema, {
    run: ({ ctx, input }) => setSharing(ctx.db, ctx.user, input.entryId, input.engagementId),
    audit: { action: "update", recordType: "journal_entry", recordId: ({ output }) => output.id },
  }),

  delete: own.mutation("client", ZJournalEntryRefSchema.strict(), {
    run: ({ ctx, input }) => done(deleteEntry(ctx.db, ctx.user, input.entryId)),
    audit: { action: "delete", recordType: "journal_entry", recordId: ({ input }) => input.entryId },
  }),

  /** What this client has chosen to share with this therapist, right now. */
  shared: engagement.query("therapist", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => listSharedEntries(ctx.db, ctx.user, ctx.engagement.id),
    audit: { action: "list", recordType: "journal_entry", recordId: () => null },
  }),
});
