import { ZOccurrenceRefSchema } from "@/lib/schemas/homework";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import {
  ZAddLadderStepSchema,
  ZEntriesPageSchema,
  ZEntryAnswersSchema,
  ZSendEntrySchema,
  ZLadderStepRefSchema,
  ZRateSkillSchema,
  ZUpdateLadderStepSchema,
} from "@/lib/schemas/exercise";
import { entryView, rateSkill, saveEntryDraft, sendEntry } from "@/server/exercises/entries";
import { entriesOf } from "@/server/exercises/read-back";
import { addLadderStep, ladderProgress, removeLadderStep, updateLadderStep } from "@/server/exercises/ladder";
import { createTRPCRouter } from "../trpc";
import { assignment, done, engagement, ladderStep, occurrence } from "../resources";

// Structured exercises (issue 23): one occurrence's entry, an assignment's
// entries read back, and the engagement's exposure ladder. A draft is the
// client's alone (server/exercises/entries.ts); everything here is a
// clinical record and audited.
export const exerciseRouter = createTRPCRouter({
  entry: occurrence.query("either", ZOccurrenceRefSchema.strict(), {
    run: ({ ctx }) => entryView(ctx.db, ctx.user, ctx.occurrence),
    audit: { action: "read", recordType: "homework_occurrence" },
  }),

  saveDraft: occurrence.mutation("client", ZEntryAnswersSchema, {
    run: ({ ctx, input }) => saveEntryDraft(ctx.db, ctx.user, ctx.occurrence, input.answers),
    audit: { action: "update", recordType: "exercise_entry", recordId: ({ output }) => output.id },
  }),

  send: occurrence.mutation("client", ZSendEntrySchema, {
    run: ({ ctx, input }) => sendEntry(ctx.db, ctx.user, ctx.occurrence, input.answers, input.voiceMemoId),
    audit: { action: "create", recordType: "exercise_entry", recordId: ({ output }) => output.id },
  }),

  rateSkill: occurrence.mutation("therapist", ZRateSkillSchema, {
    run: ({ ctx, input }) => rateSkill(ctx.db, ctx.user, ctx.occurrence, input.skillRating),
    audit: { action: "update", recordType: "exercise_entry", recordId: ({ output }) => output.id },
  }),

  entries: assignment.query("either", ZEntriesPageSchema, {
    run: ({ ctx, input }) => entriesOf(ctx.db, ctx.assignment, input.page),
    audit: { action: "list", recordType: "exercise_entry", recordId: () => null },
  }),

  ladder: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => ladderProgress(ctx.db, ctx.engagement.id),
    audit: { action: "list", recordType: "ladder_step", recordId: () => null },
  }),

  addStep: engagement.mutation("either", ZAddLadderStepSchema, {
    run: ({ ctx, input }) => addLadderStep(ctx.db, ctx.user, ctx.engagement.id, input),
    audit: { action: "create", recordType: "ladder_step", recordId: ({ output }) => output.id },
  }),

  updateStep: ladderStep.mutation("either", ZUpdateLadderStepSchema, {
    run: ({ ctx, input }) => done(updateLadderStep(ctx.db, ctx.step, input)),
    audit: { action: "update", recordType: "ladder_step" },
  }),

  removeStep: ladderStep.mutation("either", ZLadderStepRefSchema.strict(), {
    run: ({ ctx }) => done(removeLadderStep(ctx.db, ctx.step)),
    audit: { action: "delete", recordType: "ladder_step" },
  }),
});

