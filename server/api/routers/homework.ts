import { z } from "zod";
import {
  ZAssignHomeworkSchema,
  ZAssignmentRefSchema,
  ZCompleteOccurrenceSchema,
  ZReplySchema,
  ZUpdateAssignmentSchema,
} from "@/lib/schemas/homework";
import { audit, auditOn } from "@/server/audit/record";
import { assertWritable } from "@/server/engagements/access";
import { assignHomework, cancelAssignment, updateAssignment } from "@/server/homework/assignments";
import { completeOccurrence, replyToCompletion } from "@/server/homework/completions";
import { caseloadAdherence, getAssignment, listAssignments, listDueForClient } from "@/server/homework/queries";
import {
  assignmentProcedure,
  clientProcedure,
  createTRPCRouter,
  engagementProcedure,
  engagementWriteProcedure,
  occurrenceProcedure,
  onlyClient,
  onlyTherapist,
  therapistProcedure,
  ZEngagementRefSchema,
} from "../trpc";


export const homeworkRouter = createTRPCRouter({
  list: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    const result = await listAssignments(ctx.db, ctx.engagement, { clientTimeZone: ctx.engagementClientTimeZone });
    await auditOn(ctx, ctx.engagement, "list", "homework_assignment");
    return result;
  }),

  byId: assignmentProcedure.input(ZAssignmentRefSchema.strict()).query(async ({ ctx }) => {
    const assignment = await getAssignment(ctx.db, ctx.assignment.id, ctx.assignment.engagement.id);
    await auditOn(ctx, ctx.assignment.engagement, "read", "homework_assignment", ctx.assignment.id);
    return { ...assignment, viewerRole: ctx.user.role };
  }),

  /** The client's homework that is due now or overdue, across their active work. */
  due: clientProcedure.input(z.object({}).strict().optional()).query(async ({ ctx }) => {
    const due = await listDueForClient(ctx.db, ctx.user);
    await audit(ctx, { action: "list", recordType: "homework_occurrence", clientId: ctx.user.id });
    return due;
  }),

  /** Done vs assigned this period, per client on the caseload. */
  caseload: therapistProcedure.input(z.object({}).strict().optional()).query(async ({ ctx }) => {
    const figures = await caseloadAdherence(ctx.db, ctx.user);
    await audit(ctx, { action: "list", recordType: "homework_assignment" });
    return figures;
  }),

  assign: engagementWriteProcedure
    .use(onlyTherapist)
    .input(ZAssignHomeworkSchema)
    .mutation(async ({ ctx, input }) => {
      const assignment = await assignHomework(ctx.db, ctx.user, ctx.engagement, input);
      await auditOn(ctx, ctx.engagement, "create", "homework_assignment", assignment.id);
      return assignment;
    }),

  update: assignmentProcedure
    .use(onlyTherapist)
    .input(ZUpdateAssignmentSchema)
    .mutation(async ({ ctx, input }) => {
      assertWritable(ctx.assignment.engagement);
      await updateAssignment(ctx.db, ctx.assignment, input);
      await auditOn(ctx, ctx.assignment.engagement, "update", "homework_assignment", ctx.assignment.id);
      return { ok: true as const };
    }),

  cancel: assignmentProcedure
    .use(onlyTherapist)
    .input(ZAssignmentRefSchema.strict())
    .mutation(async ({ ctx }) => {
      assertWritable(ctx.assignment.engagement);
      await cancelAssignment(ctx.db, ctx.assignment);
      await auditOn(ctx, ctx.assignment.engagement, "update", "homework_assignment", ctx.assignment.id);
      return { ok: true as const };
    }),

  complete: occurrenceProcedure
    .use(onlyClient)
    .input(ZCompleteOccurrenceSchema)
    .mutation(async ({ ctx, input }) => {
      assertWritable(ctx.occurrence.assignment.engagement);
      const completion = await completeOccurrence(ctx.db, ctx.user, ctx.occurrence, input);
      await auditOn(ctx, ctx.occurrence.assignment.engagement, "create", "homework_completion", ctx.occurrence.assignment.id);
      return completion;
    }),

  reply: occurrenceProcedure
    .use(onlyTherapist)
    .input(ZReplySchema)
    .mutation(async ({ ctx, input }) => {
      assertWritable(ctx.occurrence.assignment.engagement);
      const completion = await replyToCompletion(ctx.db, ctx.user, ctx.occurrence, input.feedback);
      await auditOn(ctx, ctx.occurrence.assignment.engagement, "update", "homework_completion", ctx.occurrence.assignment.id);
      return completion;
    }),
});
