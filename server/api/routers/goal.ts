import {
  ZAddStepSchema,
  ZCreateGoalSchema,
  ZGoalRefSchema,
  ZRateGoalSchema,
  ZReorderStepsSchema,
  ZSetGoalStatusSchema,
  ZSetStepDoneSchema,
  ZStepRefSchema,
  ZUpdateGoalSchema,
} from "@/lib/schemas/goal";
import { audit, auditOn } from "@/server/audit/record";
import { getGoalDetail, listCaseloadGoals, listGoals } from "@/server/goals/queries";
import {
  addStep,
  createGoal,
  rateGoal,
  removeStep,
  reorderSteps,
  setGoalStatus,
  setStepDone,
  updateGoal,
} from "@/server/goals/mutations";
import {
  createTRPCRouter,
  engagementProcedure,
  engagementWriteProcedure,
  goalProcedure,
  therapistProcedure,
  goalWriteProcedure,
  ZEngagementRefSchema,
} from "../trpc";
import { prime } from "../request-memo";
import type { TGoalContext } from "@/server/goals/access";

export const goalRouter = createTRPCRouter({
  list: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    const goals = await listGoals(ctx.db, ctx.engagement.id);
    // Each is reachable through this engagement: a goal the page opens next need not be looked up again.
    for (const goal of goals) prime<TGoalContext>(ctx, `goal:${goal.id}`, { id: goal.id, version: goal.version, status: goal.status, engagement: ctx.engagement });
    await auditOn(ctx, ctx.engagement, "list", "goal");
    return goals;
  }),

  /** The therapist's caseload at a glance: every active goal with both latest ratings. */
  caseload: therapistProcedure.query(async ({ ctx }) => {
    const goals = await listCaseloadGoals(ctx.db, ctx.user.id);
    await audit(ctx, { action: "list", recordType: "goal" });
    return goals;
  }),

  byId: goalProcedure.input(ZGoalRefSchema.strict()).query(async ({ ctx }) => {
    const goal = await getGoalDetail(ctx.db, ctx.goal.id);
    await auditOn(ctx, ctx.goal.engagement, "read", "goal", ctx.goal.id);
    return { ...goal, viewerRole: ctx.user.role };
  }),

  create: engagementWriteProcedure.input(ZCreateGoalSchema).mutation(async ({ ctx, input }) => {
    const goal = await createGoal(ctx.db, ctx.user, input);
    await auditOn(ctx, ctx.engagement, "create", "goal", goal.id);
    return goal;
  }),

  update: goalWriteProcedure.input(ZUpdateGoalSchema).mutation(async ({ ctx, input }) => {
    const result = await updateGoal(ctx.db, ctx.goal, input);
    await auditOn(ctx, ctx.goal.engagement, "update", "goal", ctx.goal.id);
    return result;
  }),

  setStatus: goalWriteProcedure.input(ZSetGoalStatusSchema).mutation(async ({ ctx, input }) => {
    const result = await setGoalStatus(ctx.db, ctx.user, ctx.goal, input);
    await auditOn(ctx, ctx.goal.engagement, "update", "goal", ctx.goal.id);
    return result;
  }),

  rate: goalWriteProcedure.input(ZRateGoalSchema).mutation(async ({ ctx, input }) => {
    const rating = await rateGoal(ctx.db, ctx.user, ctx.goal, input);
    await auditOn(ctx, ctx.goal.engagement, "create", "goal_rating", ctx.goal.id);
    return rating;
  }),

  addStep: goalWriteProcedure.input(ZAddStepSchema).mutation(async ({ ctx, input }) => {
    const step = await addStep(ctx.db, ctx.user, ctx.goal, input.text);
    await auditOn(ctx, ctx.goal.engagement, "create", "goal_step", ctx.goal.id);
    return step;
  }),

  setStepDone: goalWriteProcedure.input(ZSetStepDoneSchema).mutation(async ({ ctx, input }) => {
    await setStepDone(ctx.db, ctx.user, ctx.goal, input.stepId, input.isDone);
    await auditOn(ctx, ctx.goal.engagement, "update", "goal_step", ctx.goal.id);
    return { ok: true as const };
  }),

  removeStep: goalWriteProcedure.input(ZStepRefSchema).mutation(async ({ ctx, input }) => {
    await removeStep(ctx.db, ctx.goal, input.stepId);
    await auditOn(ctx, ctx.goal.engagement, "delete", "goal_step", ctx.goal.id);
    return { ok: true as const };
  }),

  reorderSteps: goalWriteProcedure.input(ZReorderStepsSchema).mutation(async ({ ctx, input }) => {
    const result = await reorderSteps(ctx.db, ctx.goal, input);
    await auditOn(ctx, ctx.goal.engagement, "update", "goal_step", ctx.goal.id);
    return result;
  }),
});
