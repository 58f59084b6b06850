import { z } from "zod";
import { ZCheckInSchema, ZSessionFeedbackSchema } from "@/lib/schemas/feedback";
import { audit, auditOn } from "@/server/audit/record";
import { assertWritable } from "@/server/engagements/access";
import { caseloadSignals, pendingFeedback, recordCheckIn, submitFeedback, trendsFor } from "@/server/feedback/feedback";
import {
  clientProcedure,
  createTRPCRouter,
  engagementProcedure,
  engagementWriteProcedure,
  onlyClient,
  sessionProcedure,
  therapistProcedure,
  ZEngagementRefSchema,
} from "../trpc";

export const feedbackRouter = createTRPCRouter({
  /** The client's ratings of a session that took place; a retry doesn't duplicate. */
  submit: sessionProcedure
    .use(onlyClient)
    .input(ZSessionFeedbackSchema)
    .mutation(async ({ ctx, input }) => {
      assertWritable(ctx.session.engagement);
      const feedback = await submitFeedback(ctx.db, ctx.user, ctx.session, input);
      await audit(ctx, {
        action: "create",
        recordType: "session_feedback",
        recordId: feedback.id,
        engagementId: ctx.session.engagement.id,
        clientId: ctx.user.id,
      });
      return feedback;
    }),

  checkIn: engagementWriteProcedure
    .use(onlyClient)
    .input(ZCheckInSchema)
    .mutation(async ({ ctx, input }) => {
      const checkIn = await recordCheckIn(ctx.db, ctx.user, ctx.engagement, input);
      await audit(ctx, {
        action: "create",
        recordType: "check_in",
        recordId: checkIn.id,
        engagementId: ctx.engagement.id,
        clientId: ctx.user.id,
      });
      return checkIn;
    }),

  /** Feedback and check-in trends with any signals, for both parties. */
  trends: engagementProcedure.input(ZEngagementRefSchema.strict()).query(async ({ ctx }) => {
    const trends = await trendsFor(ctx.db, ctx.engagement.id);
    await auditOn(ctx, ctx.engagement, "list", "session_feedback");
    return trends;
  }),

  /** Recent sessions the client hasn't given feedback on yet: the invitation to do so. */
  pending: clientProcedure.input(z.object({}).strict().optional()).query(({ ctx }) => pendingFeedback(ctx.db, ctx.user)),

  caseloadSignals: therapistProcedure.input(z.object({}).strict().optional()).query(({ ctx }) => caseloadSignals(ctx.db, ctx.user)),
});
