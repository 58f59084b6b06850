import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { ZSaveSafetyPlanSchema } from "@/lib/schemas/safety-plan";
import { getSafetyPlan, listSafetyPlanVersions, saveSafetyPlan } from "@/server/safety-plans/plans";
import { createTRPCRouter } from "../trpc";
import { engagement } from "../resources";

// A client's safety plan (issue 26): the engagement's, so both people of the
// work reach it through the engagement resource and anyone else gets NOT_FOUND.
export const safetyPlanRouter = createTRPCRouter({
  get: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => getSafetyPlan(ctx.db, ctx.engagement),
    audit: { action: "read", recordType: "safety_plan", recordId: () => null },
  }),

  save: engagement.mutation("either", ZSaveSafetyPlanSchema, {
    run: ({ ctx, input }) => saveSafetyPlan(ctx.db, ctx.user, ctx.engagement, input),
    audit: { action: "update", recordType: "safety_plan", recordId: () => null, when: ({ output }) => output.isChanged },
  }),

  versions: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => listSafetyPlanVersions(ctx.db, ctx.engagement),
    audit: { action: "list", recordType: "safety_plan", recordId: () => null },
  }),
});
