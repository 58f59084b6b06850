import { ZAccessLogListSchema, ZEngagementAccessLogSchema } from "@/lib/schemas/access-log";
import { clientAccessLog, therapistActivity } from "@/server/audit/access-log";
import { createTRPCRouter } from "../trpc";
import { engagement, own } from "../resources";

// Reading the audit trail is not itself audited: it holds no clinical text,
// and logging each look at the log would only fill it with the reader.
export const accessLogRouter = createTRPCRouter({
  /** "Who has looked at your records": others' reads and changes of this client's records. */
  mine: own.query("client", ZAccessLogListSchema, {
    run: ({ ctx, input }) => clientAccessLog(ctx.db, ctx.user, input.cursor),
    audit: null,
  }),

  /** The therapist's own activity on one client's records. */
  forEngagement: engagement.query("therapist", ZEngagementAccessLogSchema, {
    run: ({ ctx, input }) => therapistActivity(ctx.db, ctx.user, ctx.engagement.id, input.cursor),
    audit: null,
  }),
});
