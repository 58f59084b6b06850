import { z } from "zod";
import { ZAcknowledgeFlagSchema, ZAssignMeasureSchema, ZMeasureAnswersSchema, ZMeasureRefSchema } from "@/lib/schemas/measure";
import { audit, auditOn } from "@/server/audit/record";
import { acknowledgeFlag, assignMeasure, caseloadMeasures, formFor, saveAnswers, stopMeasure } from "@/server/measures/measures";
import { createTRPCRouter, engagementTherapistProcedure, measureProcedure, onlyClient, onlyTherapist, therapistProcedure } from "../trpc";

export const measureRouter = createTRPCRouter({
  /** The therapist asks for PHQ-9 or GAD-7 once, before every session, or every N weeks. */
  assign: engagementTherapistProcedure.input(ZAssignMeasureSchema).mutation(async ({ ctx, input }) => {
    const assignment = await assignMeasure(ctx.db, ctx.user, ctx.engagement, input);
    await auditOn(ctx, ctx.engagement, "create", "measure_assignment", assignment.id);
    return assignment;
  }),

  stop: measureProcedure
    .use(onlyTherapist)
    .input(ZMeasureRefSchema.strict())
    .mutation(async ({ ctx }) => {
      await stopMeasure(ctx.db, ctx.measure);
      await auditOn(ctx, ctx.measure.engagement, "update", "measure_assignment", ctx.measure.id);
      return { ok: true as const };
    }),

  /** The client's form: what is open now, with their draft or finished answer for it. */
  form: measureProcedure
    .use(onlyClient)
    .input(ZMeasureRefSchema.strict())
    .query(async ({ ctx }) => {
      await auditOn(ctx, ctx.measure.engagement, "read", "measure_assignment", ctx.measure.id);
      return formFor(ctx.measure);
    }),

  /** Keeps the answers so far; the client may stop and come back. */
  saveDraft: measureProcedure
    .use(onlyClient)
    .input(ZMeasureAnswersSchema)
    .mutation(async ({ ctx, input }) => {
      const saved = await saveAnswers(ctx.db, ctx.user, ctx.measure, input, { complete: false });
      await auditOn(ctx, ctx.measure.engagement, "update", "measure_response", saved.responseId);
      if (saved.raisedFlagId) await auditOn(ctx, ctx.measure.engagement, "create", "measure_flag", saved.raisedFlagId);
      return saved;
    }),

  /** Sends the finished answers; they can't be changed afterwards. */
  submit: measureProcedure
    .use(onlyClient)
    .input(ZMeasureAnswersSchema)
    .mutation(async ({ ctx, input }) => {
      const saved = await saveAnswers(ctx.db, ctx.user, ctx.measure, input, { complete: true });
      await auditOn(ctx, ctx.measure.engagement, "create", "measure_response", saved.responseId);
      if (saved.raisedFlagId) await auditOn(ctx, ctx.measure.engagement, "create", "measure_flag", saved.raisedFlagId);
      return saved;
    }),

  /** The therapist has seen an urgent answer and is following it up: audited. */
  acknowledgeFlag: engagementTherapistProcedure.input(ZAcknowledgeFlagSchema).mutation(async ({ ctx, input }) => {
    const flag = await acknowledgeFlag(ctx.db, ctx.user, ctx.engagement, input.flagId);
    if (flag.wasOpen) await auditOn(ctx, ctx.engagement, "acknowledge", "measure_flag", flag.id);
    return flag;
  }),

  /** Each active client's latest totals and open urgent flags. */
  caseload: therapistProcedure.input(z.object({}).strict().optional()).query(async ({ ctx }) => {
    const rows = await caseloadMeasures(ctx.db, ctx.user);
    await audit(ctx, { action: "list", recordType: "measure_response" });
    return rows;
  }),
});
