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
import { recordAudit, type TAuditAction } from "@/server/audit/record";
import { getGoalDetail, listCaseloadGoals, listGoals } from "@/server/goals/queries";
import { engagementWhereForUser } from "@/server/engagements/access";
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
import type { TGoalContext } from "@/server/goals/access";
import type { TContext } from "../trpc";
import {
  createTRPCRouter,
  engagementProcedure,
  engagementWriteProcedure,
  goalProcedure,
  therapistProcedure,
  goalWriteProcedure,
  ZEngagementRefSchema,
} from "../trpc";

function auditGoal(ctx: TContext & { user: NonNullable<TContext["user"]> }, goal: TGoalContext, action: TAuditAction, recordType = "goal") {
  return recordAudit(ctx.db, ctx.user, ctx.meta, {
    action,
    recordType,
    recordId: goal.id,
    engagementId: goal.engagement.id,
    clientId: goal.engagement.clientId,
  });
}

export const goalRouter = createTRPCRouter({
  list: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    const goals = await listGoals(ctx.db, ctx.engagement.id);
    await recordAudit(ctx.db, ctx.user, ctx.meta, {
      action: "list",
      recordType: "goal",
      engagementId: ctx.engagement.id,
      clientId: ctx.engagement.clientId,
    });
    return goals;
  }),

  /** The therapist's caseload at a glance: every active goal with both latest ratings. */
  caseload: therapistProcedure.query(async ({ ctx }) => {
    const goals = await listCaseloadGoals(ctx.db, engagementWhereForUser(ctx.user));
    await recordAudit(ctx.db, ctx.user, ctx.meta, { action: "list", recordType: "goal" });
    return goals;
  }),

  byId: goalProcedure.input(ZGoalRefSchema.strict()).query(async ({ ctx }) => {
    const goal = await getGoalDetail(ctx.db, ctx.goal.id);
    await auditGoal(ctx, ctx.goal, "read");
    return { ...goal, viewerRole: ctx.user.role };
  }),

  create: engagementWriteProcedure.input(ZCreateGoalSchema).mutation(async ({ ctx, input }) => {
    const goal = await createGoal(ctx.db, ctx.user, input);
    await recordAudit(ctx.db, ctx.user, ctx.meta, {
      action: "create",
      recordType: "goal",
      recordId: goal.id,
      engagementId: ctx.engagement.id,
      clientId: ctx.engagement.clientId,
    });
    return goal;
  }),

  update: goalWriteProcedure.input(ZUpdateGoalSchema).mutation(async ({ ctx, input }) => {
    const result = await updateGoal(ctx.db, ctx.goal, input);
    await auditGoal(ctx, ctx.goal, "update");
    return result;
  }),

  setStatus: goalWriteProcedure.input(ZSetGoalStatusSchema).mutation(async ({ ctx, input }) => {
    const result = await setGoalStatus(ctx.db, ctx.user, ctx.goal, input);
    await auditGoal(ctx, ctx.goal, "update");
    return result;
  }),

  rate: goalWriteProcedure.input(ZRateGoalSchema).mutation(async ({ ctx, input }) => {
    const rating = await rateGoal(ctx.db, ctx.user, ctx.goal, input);
    await auditGoal(ctx, ctx.goal, "create", "goal_rating");
    return rating;
  }),

  addStep: goalWriteProcedure.input(ZAddStepSchema).mutation(async ({ ctx, input }) => {
    const step = await addStep(ctx.db, ctx.user, ctx.goal, input.text);
    await auditGoal(ctx, ctx.goal, "create", "goal_step");
    return step;
  }),

  setStepDone: goalWriteProcedure.input(ZSetStepDoneSchema).mutation(async ({ ctx, input }) => {
    await setStepDone(ctx.db, ctx.user, ctx.goal, input.stepId, input.isDone);
    await auditGoal(ctx, ctx.goal, "update", "goal_step");
    return { ok: true as const };
  }),

  removeStep: goalWriteProcedure.input(ZStepRefSchema).mutation(async ({ ctx, input }) => {
    await removeStep(ctx.db, ctx.goal, input.stepId);
    await auditGoal(ctx, ctx.goal, "delete", "goal_step");
    return { ok: true as const };
  }),

  reorderSteps: goalWriteProcedure.input(ZReorderStepsSchema).mutation(async ({ ctx, input }) => {
    const result = await reorderSteps(ctx.db, ctx.goal, input);
    await auditGoal(ctx, ctx.goal, "update", "goal_step");
    return result;
  }),
});
