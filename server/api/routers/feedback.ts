import { z } from "zod";
import { ZCheckInSchema, ZSessionFeedbackSchema } from "@/lib/schemas/feedback";
import { audit } from "@/server/audit/record";
import { assertWritable } from "@/server/engagements/access";
import { caseloadSignals, pendingFeedback, recordCheckIn, submitFeedback } from "@/server/feedback/feedback";
import {
  clientProcedure,
  createTRPCRouter,
  engagementWriteProcedure,
  onlyClient,
  sessionProcedure,
  therapistProcedure,
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

  // The trends with their signals are read with the questionnaires: engagement.progress.

  /** Recent sessions the client hasn't given feedback on yet: the invitation to do so. */
  pending: clientProcedure.input(z.object({}).strict().optional()).query(({ ctx }) => pendingFeedback(ctx.db, ctx.user)),

  caseloadSignals: therapistProcedure.input(z.object({}).strict().optional()).query(({ ctx }) => caseloadSignals(ctx.db, ctx.user)),
});
