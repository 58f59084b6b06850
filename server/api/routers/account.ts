import { ZChangePasswordSchema, ZUpdateProfileSchema } from "@/lib/schemas/account";
import { changePassword, updateProfile } from "@/server/auth/accounts";
import { audit } from "@/server/audit/record";
import { countOtherSessions, endOtherSessions, requireCurrentSession } from "@/server/auth/other-sessions";
import { ZDeleteAccountSchema } from "@/lib/schemas/account-deletion";
import { deleteAccount, getDeletionSummary } from "@/server/account/deletion";
import { ZConfirmEmailChangeSchema, ZRequestEmailChangeSchema } from "@/lib/schemas/email-change";
import { confirmEmailChange, requestEmailChange } from "@/server/account/email-change";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";

export const accountRouter = createTRPCRouter({
  me: authedProcedure.query(({ ctx }) => {
    const { id, name, email, role, timeZone } = ctx.user;
    return { id, name, email, role, timeZone };
  }),

  updateProfile: authedProcedure.input(ZUpdateProfileSchema).mutation(async ({ ctx, input }) => {
    const { id, name, email, role, timeZone } = await updateProfile(ctx.db, ctx.user, input);
    return { id, name, email, role, timeZone };
  }),

  /** Ends every other session; the form signs this browser in again. */
  changePassword: authedProcedure.input(ZChangePasswordSchema).mutation(async ({ ctx, input }) => {
    await changePassword(ctx.db, ctx.user, input);
    await audit(ctx, {
      action: "change_password",
      recordType: "user",
      recordId: ctx.user.id,
    });
    return { ok: true as const };
  }),

  /** How many other browsers are signed in to this account right now. */
  otherSessions: authedProcedure.query(async ({ ctx }) => ({
    count: await countOtherSessions(ctx.db, ctx.user, requireCurrentSession(ctx.sessionId)),
  })),

  /** Ends every other session of this account and forgets its other browsers; this one carries on. */
  signOutOthers: authedProcedure.mutation(async ({ ctx }) => {
    const ended = await endOtherSessions(ctx.db, ctx.user, requireCurrentSession(ctx.sessionId), ctx.knownDeviceToken ?? null);
    await audit(ctx, { action: "end_other_sessions", recordType: "user", recordId: ctx.user.id });
    return { ended };
  }),

  /** What deleting would do for this person (their role, who keeps the shared record). */
  deletionSummary: authedProcedure.query(({ ctx }) => getDeletionSummary(ctx.db, ctx.user)),

  /** Needs the password; ends every session of the account (server/account/deletion.ts). */
  deleteAccount: authedProcedure.input(ZDeleteAccountSchema).mutation(async ({ ctx, input }) => {
    await deleteAccount(ctx.db, ctx.user, input, ctx.meta);
    return { ok: true as const };
  }),

  /** Needs the password; e-mails a link to the new address and a notice to the old one. */
  requestEmailChange: authedProcedure.input(ZRequestEmailChangeSchema).mutation(async ({ ctx, input }) => {
    await requestEmailChange(ctx.db, ctx.user, input, ctx.meta);
    return { ok: true as const };
  }),

  /** Public: holding the link sent to the new address is what proves it (server/account/email-change.ts). */
  confirmEmailChange: publicProcedure.input(ZConfirmEmailChangeSchema).mutation(({ ctx, input }) =>
    confirmEmailChange(ctx.db, input, ctx.meta),
  ),
});
