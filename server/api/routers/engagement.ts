import { z } from "zod";
import { audit, auditOn } from "@/server/audit/record";
import { listEngagements } from "@/server/engagements/queries";
import { findEngagementWithSummary } from "@/server/engagements/access";
import { prime } from "../request-memo";
import { endEngagement } from "@/server/engagements/lifecycle";
import { progressFor } from "@/server/engagements/progress";
import {
  authedProcedure,
  createTRPCRouter,
  engagementProcedure,
  engagementWriteProcedure,
  ZEngagementRefSchema,
  type TLoadedEngagement,
} from "../trpc";

export const engagementRouter = createTRPCRouter({
  /** The therapist's caseload, or the client's therapists (current and past). */
  list: authedProcedure.input(z.object({}).strict().optional()).query(async ({ ctx }) => {
    const rows = await listEngagements(ctx.db, ctx.user);
    // Each passed the access rule: the page's engagement-scoped calls need not load them again.
    for (const { engagement, summary, clientTimeZone } of rows) {
      prime<TLoadedEngagement>(ctx, `engagement:${engagement.id}`, { engagement, summary, clientTimeZone });
    }
    await audit(ctx, { action: "list", recordType: "engagement" });
    return rows.map((row) => row.summary);
  }),

  byId: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    // Loaded with the access check (engagementProcedure): no statement of its own.
    const summary = ctx.engagementSummary ?? (await findEngagementWithSummary(ctx.db, ctx.user, ctx.engagement.id)).summary;
    await auditOn(ctx, ctx.engagement, "read", "engagement", ctx.engagement.id);
    return summary;
  }),

  /**
   * How the work is going: feedback and check-in trends with any signals,
   * and the standard measures (running, totals over time, open urgent flags
   * for the therapist). One statement with the header loaded by the access check.
   */
  progress: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    const summary = ctx.engagementSummary ?? (await findEngagementWithSummary(ctx.db, ctx.user, ctx.engagement.id)).summary;
    const progress = await progressFor(ctx.db, ctx.user, ctx.engagement.id, summary.nextSession);
    await auditOn(ctx, ctx.engagement, "list", "session_feedback");
    await auditOn(ctx, ctx.engagement, "list", "measure_response");
    return progress;
  }),

  /** Either party ends the work together; both keep read-only access. */
  end: engagementWriteProcedure.input(ZEngagementRefSchema.strict()).mutation(async ({ ctx }) => {
    await endEngagement(ctx.db, ctx.user, ctx.engagement);
    await auditOn(ctx, ctx.engagement, "update", "engagement", ctx.engagement.id);
    return { ok: true as const };
  }),
});
