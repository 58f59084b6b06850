import { ZAccessLogListSchema, ZEngagementAccessLogSchema } from "@/lib/schemas/access-log";
import { clientAccessLog, therapistActivity } from "@/server/audit/access-log";
import { clientProcedure, createTRPCRouter, engagementProcedure, onlyTherapist } from "../trpc";

// Reading the audit trail is not itself audited: it holds no clinical text,
// and logging each look at the log would only fill it with the reader.
export const accessLogRouter = createTRPCRouter({
  /** "Who has looked at your records": others' reads and changes of this client's records. */
  mine: clientProcedure.input(ZAccessLogListSchema).query(({ ctx, input }) => clientAccessLog(ctx.db, ctx.user, input.cursor)),

  /** The therapist's own activity on one client's records. */
  forEngagement: engagementProcedure
    .use(onlyTherapist)
    .input(ZEngagementAccessLogSchema)
    .query(({ ctx, input }) => therapistActivity(ctx.db, ctx.user, ctx.engagement.id, input.cursor)),
});
