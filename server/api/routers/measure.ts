import { z } from "zod";
import {
  ZAcknowledgeFlagSchema,
  ZAssignMeasureSchema,
  ZMeasureAnswersSchema,
  ZMeasureRefSchema,
  ZOffTrackAgendaSchema,
  ZOffTrackReviewSchema,
  type TMeasureAnswersInput,
} from "@/lib/schemas/measure";
import { acknowledgeFlag, assignMeasure, caseloadMeasures, formFor, saveAnswers, stopMeasure, type TSavedAnswers } from "@/server/measures/measures";
import type { TMeasureContext } from "@/server/measures/access";
import { addOffTrackAgendaItem, saveOffTrackReview } from "@/server/measures/off-track";
import { createTRPCRouter } from "../trpc";
import { done, engagement, measure, own, type TAuditDeclaration } from "../resources";

/** A draft updates the period's response, sending creates it; a flag the answers raise is its own event. */
function answerAudits(action: "create" | "update"): TAuditDeclaration<TMeasureContext, TMeasureAnswersInput, TSavedAnswers>[] {
  return [
    { action, recordType: "measure_response", recordId: ({ output }) => output.responseId },
    { action: "create", recordType: "measure_flag", recordId: ({ output }) => output.raisedFlagId, when: ({ output }) => output.raisedFlagId !== null },
  ];
}

export const measureRouter = createTRPCRouter({
  /** The therapist asks for PHQ-9 or GAD-7 once, before every session, or every N weeks. */
  assign: engagement.mutation("therapist", ZAssignMeasureSchema, {
    run: ({ ctx, input }) => assignMeasure(ctx.db, ctx.user, ctx.engagement, input),
    audit: { action: "create", recordType: "measure_assignment", recordId: ({ output }) => output.id },
  }),

  stop: measure.mutation("therapist", ZMeasureRefSchema.strict(), {
    run: ({ ctx }) => done(stopMeasure(ctx.db, ctx.measure)),
    audit: { action: "update", recordType: "measure_assignment" },
  }),

  /** The client's form: what is open now, with their draft or finished answer for it. */
  form: measure.query("client", ZMeasureRefSchema.strict(), {
    run: async ({ ctx }) => formFor(ctx.measure),
    audit: { action: "read", recordType: "measure_assignment" },
  }),

  /** Keeps the answers so far; the client may stop and come back. */
  saveDraft: measure.mutation("client", ZMeasureAnswersSchema, {
    run: ({ ctx, input }) => saveAnswers(ctx.db, ctx.user, ctx.measure, input, { complete: false }),
    audit: answerAudits("update"),
  }),

  /** Sends the finished answers; they can't be changed afterwards. */
  submit: measure.mutation("client", ZMeasureAnswersSchema, {
    run: ({ ctx, input }) => saveAnswers(ctx.db, ctx.user, ctx.measure, input, { complete: true }),
    audit: answerAudits("create"),
  }),

  /** The therapist has seen an urgent answer and is following it up: audited. Still possible once the work has ended. */
  acknowledgeFlag: engagement.mutation("therapist", ZAcknowledgeFlagSchema, {
    isWrite: false,
    run: ({ ctx, input }) => acknowledgeFlag(ctx.db, ctx.user, ctx.engagement, input.flagId),
    audit: { action: "acknowledge", recordType: "measure_flag", recordId: ({ output }) => output.id, when: ({ output }) => output.wasOpen },
  }),

  /** The therapist thought an off-track warning through: the items ticked and a short sealed note. */
  saveOffTrackReview: engagement.mutation("therapist", ZOffTrackReviewSchema, {
    run: ({ ctx, input }) => saveOffTrackReview(ctx.db, ctx.user, ctx.engagement, input),
    audit: { action: "create", recordType: "off_track_review", recordId: ({ output }) => output.id },
  }),

  /** One tap: "About our work together" on the next session's agenda, while a measure is off track. */
  offTrackToAgenda: engagement.mutation("therapist", ZOffTrackAgendaSchema, {
    run: ({ ctx, input }) => addOffTrackAgendaItem(ctx.db, ctx.user, ctx.engagement, input),
    audit: { action: "create", recordType: "agenda_item", recordId: ({ output }) => output.id },
  }),

  /** Each active client's latest totals, open urgent flags and off-track warnings. */
  caseload: own.query("therapist", z.object({}).strict().optional(), {
    run: ({ ctx }) => caseloadMeasures(ctx.db, ctx.user),
    audit: { action: "list", recordType: "measure_response" },
  }),
});
