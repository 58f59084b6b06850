import { z } from "zod";
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
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { getGoalDetail, listCaseloadGoals, listGoals } from "@/server/goals/queries";
import { addStep, createGoal, rateGoal, removeStep, reorderSteps, setGoalStatus, setStepDone, updateGoal } from "@/server/goals/mutations";
import type { TGoalContext } from "@/server/goals/access";
import { createTRPCRouter } from "../trpc";
import { done, engagement, goal, own } from "../resources";
import { prime } from "../request-memo";

export const goalRouter = createTRPCRouter({
  list: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: async ({ ctx }) => {
      const goals = await listGoals(ctx.db, ctx.engagement.id);
      // Each is reachable through this engagement: a goal the page opens next need not be looked up again.
      for (const listed of goals) {
        prime<TGoalContext>(ctx, `goal:${listed.id}`, { id: listed.id, version: listed.version, status: listed.status, engagement: ctx.engagement });
      }
      return goals;
    },
    audit: { action: "list", recordType: "goal", recordId: () => null },
  }),

  /** The therapist's caseload at a glance: every active goal with both latest ratings. */
  caseload: own.query("therapist", z.object({}).strict().optional(), {
    run: ({ ctx }) => listCaseloadGoals(ctx.db, ctx.user.id),
    audit: { action: "list", recordType: "goal" },
  }),

  byId: goal.query("either", ZGoalRefSchema.strict(), {
    run: async ({ ctx }) => ({ ...(await getGoalDetail(ctx.db, ctx.goal.id)), viewerRole: ctx.user.role }),
    audit: { action: "read", recordType: "goal" },
  }),

  create: engagement.mutation("either", ZCreateGoalSchema, {
    run: ({ ctx, input }) => createGoal(ctx.db, ctx.user, input),
    audit: { action: "create", recordType: "goal", recordId: ({ output }) => output.id },
  }),

  update: goal.mutation("either", ZUpdateGoalSchema, {
    run: ({ ctx, input }) => updateGoal(ctx.db, ctx.goal, input),
    audit: { action: "update", recordType: "goal" },
  }),

  setStatus: goal.mutation("either", ZSetGoalStatusSchema, {
    run: ({ ctx, input }) => setGoalStatus(ctx.db, ctx.user, ctx.goal, input),
    audit: { action: "update", recordType: "goal" },
  }),

  rate: goal.mutation("either", ZRateGoalSchema, {
    run: ({ ctx, input }) => rateGoal(ctx.db, ctx.user, ctx.goal, input),
    audit: { action: "create", recordType: "goal_rating", recordId: ({ output }) => output.id },
  }),

  addStep: goal.mutation("either", ZAddStepSchema, {
    run: ({ ctx, input }) => addStep(ctx.db, ctx.user, ctx.goal, input.text),
    audit: { action: "create", recordType: "goal_step", recordId: ({ output }) => output.id },
  }),

  setStepDone: goal.mutation("either", ZSetStepDoneSchema, {
    run: ({ ctx, input }) => done(setStepDone(ctx.db, ctx.user, ctx.goal, input.stepId, input.isDone)),
    audit: { action: "update", recordType: "goal_step", recordId: ({ input }) => input.stepId },
  }),

  removeStep: goal.mutation("either", ZStepRefSchema, {
    run: ({ ctx, input }) => done(removeStep(ctx.db, ctx.goal, input.stepId)),
    audit: { action: "delete", recordType: "goal_step", recordId: ({ input }) => input.stepId },
  }),

  /** The steps' order is the goal's: the event is about the goal. */
  reorderSteps: goal.mutation("either", ZReorderStepsSchema, {
    run: ({ ctx, input }) => reorderSteps(ctx.db, ctx.goal, input),
    audit: { action: "update", recordType: "goal" },
  }),
});
