import { z } from "zod";
import {
  ZAssignHomeworkSchema,
  ZAssignmentRefSchema,
  ZCompleteOccurrenceSchema,
  ZReplySchema,
  ZUpdateAssignmentSchema,
} from "@/lib/schemas/homework";
import { ZEngagementRefSchema } from "@/lib/schemas/engagement";
import { assignHomework, cancelAssignment, moveToNewestForm, updateAssignment } from "@/server/homework/assignments";
import { completeOccurrence, replyToCompletion } from "@/server/homework/completions";
import { caseloadAdherence, getAssignment, listAssignments, listDueForClient } from "@/server/homework/queries";
import { createTRPCRouter } from "../trpc";
import { assignment, done, engagement, occurrence, own } from "../resources";

export const homeworkRouter = createTRPCRouter({
  list: engagement.query("either", ZEngagementRefSchema.strict(), {
    run: ({ ctx }) => listAssignments(ctx.db, ctx.engagement, { clientTimeZone: ctx.engagementClientTimeZone }),
    audit: { action: "list", recordType: "homework_assignment", recordId: () => null },
  }),

  byId: assignment.query("either", ZAssignmentRefSchema.strict(), {
    run: async ({ ctx }) => ({ ...(await getAssignment(ctx.db, ctx.assignment.id, ctx.assignment.engagement.id)), viewerRole: ctx.user.role }),
    audit: { action: "read", recordType: "homework_assignment" },
  }),

  /** The client's homework that is due now or overdue, across their active work. */
  due: own.query("client", z.object({}).strict().optional(), {
    run: ({ ctx }) => listDueForClient(ctx.db, ctx.user),
    audit: { action: "list", recordType: "homework_occurrence" },
  }),

  /** Done vs assigned this period, per client on the caseload. */
  caseload: own.query("therapist", z.object({}).strict().optional(), {
    run: ({ ctx }) => caseloadAdherence(ctx.db, ctx.user),
    audit: { action: "list", recordType: "homework_assignment" },
  }),

  assign: engagement.mutation("therapist", ZAssignHomeworkSchema, {
    run: ({ ctx, input }) => assignHomework(ctx.db, ctx.user, ctx.engagement, input),
    audit: { action: "create", recordType: "homework_assignment", recordId: ({ output }) => output.id },
  }),

  update: assignment.mutation("therapist", ZUpdateAssignmentSchema, {
    run: ({ ctx, input }) => done(updateAssignment(ctx.db, ctx.assignment, input)),
    audit: { action: "update", recordType: "homework_assignment" },
  }),

  /** An exercise assignment moves on to its template's newest form version. */
  moveToNewestForm: assignment.mutation("therapist", ZAssignmentRefSchema.strict(), {
    run: ({ ctx }) => moveToNewestForm(ctx.db, ctx.assignment),
    audit: { action: "update", recordType: "homework_assignment" },
  }),

  cancel: assignment.mutation("therapist", ZAssignmentRefSchema.strict(), {
    run: ({ ctx }) => done(cancelAssignment(ctx.db, ctx.assignment)),
    audit: { action: "update", recordType: "homework_assignment" },
  }),

  complete: occurrence.mutation("client", ZCompleteOccurrenceSchema, {
    run: ({ ctx, input }) => completeOccurrence(ctx.db, ctx.user, ctx.occurrence, input),
    audit: { action: "create", recordType: "homework_completion", recordId: ({ output }) => output.id },
  }),

  reply: occurrence.mutation("therapist", ZReplySchema, {
    run: ({ ctx, input }) => replyToCompletion(ctx.db, ctx.user, ctx.occurrence, input.feedback),
    audit: { action: "update", recordType: "homework_completion", recordId: ({ output }) => output.id },
  }),
});
