import { z } from "zod";
import { ZCheckInSchema, ZSessionFeedbackSchema } from "@/lib/schemas/feedback";
import { caseloadSignals, pendingFeedback, recordCheckIn, submitFeedback } from "@/server/feedback/feedback";
import { createTRPCRouter } from "../trpc";
import { engagement, own, session } from "../resources";

export const feedbackRouter = createTRPCRouter({
  /** The client's ratings of a session that took place; a retry doesn't duplicate. */
  submit: session.mutation("client", ZSessionFeedbackSchema, {
    run: ({ ctx, input }) => submitFeedback(ctx.db, ctx.user, ctx.session, input),
    audit: { action: "create", recordType: "session_feedback", recordId: ({ output }) => output.id },
  }),

  checkIn: engagement.mutation("client", ZCheckInSchema, {
    run: ({ ctx, input }) => recordCheckIn(ctx.db, ctx.user, ctx.engagement, input),
    audit: { action: "create", recordType: "check_in", recordId: ({ output }) => output.id },
  }),

  // The trends with their signals are read with the questionnaires: engagement.progress.

  /** Recent sessions the client hasn't given feedback on yet: the invitation to do so. Dates only, not audited. */
  pending: own.query("client", z.object({}).strict().optional(), {
    run: ({ ctx }) => pendingFeedback(ctx.db, ctx.user),
    audit: null,
  }),

  /** Signals per client (which trend dipped), without the ratings themselves: not audited, as before. */
  caseloadSignals: own.query("therapist", z.object({}).strict().optional(), {
    run: ({ ctx }) => caseloadSignals(ctx.db, ctx.user),
    audit: null,
  }),
});
