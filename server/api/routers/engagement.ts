import { z } from "zod";
import { auditOn, recordAudit } from "@/server/audit/record";
import { getEngagementSummary, listEngagements } from "@/server/engagements/queries";
import { endEngagement } from "@/server/engagements/lifecycle";
import {
  authedProcedure,
  createTRPCRouter,
  engagementProcedure,
  engagementWriteProcedure,
  ZEngagementRefSchema,
} from "../trpc";

export const engagementRouter = createTRPCRouter({
  /** The therapist's caseload, or the client's therapists (current and past). */
  list: authedProcedure.input(z.object({}).strict().optional()).query(async ({ ctx }) => {
    const engagements = await listEngagements(ctx.db, ctx.user);
    await recordAudit(ctx.db, ctx.user, ctx.meta, { action: "list", recordType: "engagement" });
    return engagements;
  }),

  byId: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    const summary = await getEngagementSummary(ctx.db, ctx.user, ctx.engagement.id);
    await auditOn(ctx, ctx.engagement, "read", "engagement", ctx.engagement.id);
    return summary;
  }),

  /** Either party ends the work together; both keep read-only access. */
  end: engagementWriteProcedure.input(ZEngagementRefSchema.strict()).mutation(async ({ ctx }) => {
    await endEngagement(ctx.db, ctx.user, ctx.engagement);
    await auditOn(ctx, ctx.engagement, "update", "engagement", ctx.engagement.id);
    return { ok: true as const };
  }),
});
