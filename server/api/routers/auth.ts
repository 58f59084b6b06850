import { SIGN_UP_REQUESTED_MESSAGE, ZFinishSignUpSchema, ZSignUpLinkRefSchema, ZSignUpSchema } from "@/lib/schemas/account";
import { checkSignUpLink, finishTherapistSignUp, requestTherapistSignUp } from "@/server/auth/sign-up";
import { audit } from "@/server/audit/record";
import { createTRPCRouter, publicProcedure } from "../trpc";
import { RESET_REQUESTED_MESSAGE, ZRequestPasswordResetSchema, ZResetPasswordSchema, ZResetTokenRefSchema } from "@/lib/schemas/password-reset";
import { isResetTokenUsable, requestPasswordReset, resetPassword } from "@/server/auth/password-reset";

export const authRouter = createTRPCRouter({
  /** Therapists sign up themselves (clients join through an invitation): the same answer for every address (server/auth/sign-up.ts). */
  signUp: publicProcedure.input(ZSignUpSchema).mutation(async ({ ctx, input }) => {
    await requestTherapistSignUp(ctx.db, input.email, ctx.meta.ip);
    return { message: SIGN_UP_REQUESTED_MESSAGE };
  }),

  /** Whether a sign-up link still works (a mutation, so the token travels in a POST body, not a URL). */
  checkSignUpLink: publicProcedure.input(ZSignUpLinkRefSchema).mutation(({ ctx, input }) => checkSignUpLink(ctx.db, input.token)),

  /** Public: holding the link e-mailed to the address is what proves it. */
  finishSignUp: publicProcedure.input(ZFinishSignUpSchema).mutation(async ({ ctx, input }) => {
    const { userId, email } = await finishTherapistSignUp(ctx.db, input);
    await audit(ctx, { action: "sign_up", recordType: "user", recordId: userId }, { id: userId, role: "therapist" });
    return { email };
  }),

  /** The same answer whether or not the address has an account (server/auth/password-reset.ts). */
  requestPasswordReset: publicProcedure.input(ZRequestPasswordResetSchema).mutation(async ({ ctx, input }) => {
    await requestPasswordReset(ctx.db, input.email, ctx.meta.ip);
    return { message: RESET_REQUESTED_MESSAGE };
  }),

  /** Whether a reset link still works, so the page can say so before anything is typed. */
  // A mutation, so the token travels in a POST body: a query would put it in the request URL.
  checkResetToken: publicProcedure.input(ZResetTokenRefSchema).mutation(async ({ ctx, input }) => ({
    isUsable: await isResetTokenUsable(ctx.db, input.token),
  })),

  /** Sets the new password and ends every session; the page then signs in with it. */
  resetPassword: publicProcedure.input(ZResetPasswordSchema).mutation(({ ctx, input }) => resetPassword(ctx.db, input, ctx.meta)),
});
