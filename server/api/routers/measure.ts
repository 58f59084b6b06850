import { z } from "zod";
import { ZAcknowledgeFlagSchema, ZAssignMeasureSchema, ZMeasureAnswersSchema, ZMeasureRefSchema, type TMeasureAnswersInput } from "@/lib/schemas/measure";
import { audit, auditOn, type TAuditContext } from "@/server/audit/record";
import type { TDb } from "@/server/db/client";
import type { TSessionUser } from "@/server/auth/session-user";
import type { TMeasureContext } from "@/server/measures/access";
import { acknowledgeFlag, assignMeasure, caseloadMeasures, formFor, saveAnswers, stopMeasure } from "@/server/measures/measures";
import { createTRPCRouter, engagementTherapistProcedure, measureProcedure, onlyClient, onlyTherapist, therapistProcedure } from "../trpc";

type TMeasureCallContext = TAuditContext & { db: TDb; user: TSessionUser; measure: TMeasureContext };

/** A draft is an update of the period's response; sending it is its creation. Both audit a flag they raise. */
async function recordAnswers(ctx: TMeasureCallContext, input: TMeasureAnswersInput, { complete }: { complete: boolean }) {
  const saved = await saveAnswers(ctx.db, ctx.user, ctx.measure, input, { complete });
  await auditOn(ctx, ctx.measure.engagement, complete ? "create" : "update", "measure_response", saved.responseId);
  if (saved.raisedFlagId) await auditOn(ctx, ctx.measure.engagement, "create", "measure_flag", saved.raisedFlagId);
  return saved;
}

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
    .mutation(({ ctx, input }) => recordAnswers(ctx, input, { complete: false })),

  /** Sends the finished answers; they can't be changed afterwards. */
  submit: measureProcedure
    .use(onlyClient)
    .input(ZMeasureAnswersSchema)
    .mutation(({ ctx, input }) => recordAnswers(ctx, input, { complete: true })),

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
