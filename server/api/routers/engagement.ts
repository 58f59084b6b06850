import { z } from "zod";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { listEngagements } from "@/server/engagements/queries";
import { findEngagementWithSummary } from "@/server/engagements/access";
import { endEngagement } from "@/server/engagements/lifecycle";
import { progressFor } from "@/server/engagements/progress";
import { attentionFor } from "@/server/engagements/attention";
import { prime } from "../request-memo";
import { createTRPCRouter } from "../trpc";
import { done, engagement, own, type TLoadedEngagement } from "../resources";

export const engagementRouter = createTRPCRouter({
  /** The therapist's caseload, or the client's therapists (current and past). */
  list: own.query("either", z.object({}).strict().optional(), {
    run: async ({ ctx }) => {
      const rows = await listEngagements(ctx.db, ctx.user);
      // Each passed the access rule: the page's engagement-scoped calls need not load them again.
      for (const { engagement: loaded, summary, clientTimeZone } of rows) {
        prime<TLoadedEngagement>(ctx, `engagement:${loaded.id}`, { engagement: loaded, summary, clientTimeZone });
      }
      return rows.map((row) => row.summary);
    },
    audit: { action: "list", recordType: "engagement" },
  }),

  /** Loaded with the access check: no statement of its own. */
  byId: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: async ({ ctx }) => ctx.engagementSummary ?? (await findEngagementWithSummary(ctx.db, ctx.user, ctx.engagement.id)).summary,
    audit: { action: "read", recordType: "engagement" },
  }),

  /**
   * How the work is going: feedback and check-in trends with any signals,
   * and the standard measures (running, totals over time, open urgent flags
   * for the therapist). One statement with the header loaded by the access check.
   */
  progress: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: async ({ ctx }) => {
      const summary = ctx.engagementSummary ?? (await findEngagementWithSummary(ctx.db, ctx.user, ctx.engagement.id)).summary;
      return progressFor(ctx.db, ctx.user, ctx.engagement.id, summary.nextSession);
    },
    audit: [
      { action: "list", recordType: "session_feedback", recordId: () => null },
      { action: "list", recordType: "measure_response", recordId: () => null },
    ],
  }),

  /**
   * For the therapist's "Needs your attention": what the client recorded,
   * missed, sent and shared since the last session. Counts only; one statement.
   */
  attention: engagement.query("therapist", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => attentionFor(ctx.db, ctx.engagement.id, ctx.engagementClientTimeZone ?? null),
    audit: [
      { action: "list", recordType: "homework_completion", recordId: () => null },
      { action: "list", recordType: "journal_entry", recordId: () => null },
    ],
  }),

  /** Either party ends the work together; both keep read-only access. */
  end: engagement.mutation("either", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => done(endEngagement(ctx.db, ctx.user, ctx.engagement)),
    audit: { action: "update", recordType: "engagement" },
  }),
});
