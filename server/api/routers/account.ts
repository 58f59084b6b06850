import { ZChangePasswordSchema, ZUpdateProfileSchema } from "@/lib/schemas/account";
import { changePassword, updateProfile } from "@/server/auth/accounts";
import { recordAudit } from "@/server/audit/record";
import { authedProcedure, createTRPCRouter } from "../trpc";

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
    await recordAudit(ctx.db, ctx.user, ctx.meta, {
      action: "change_password",
      recordType: "user",
      recordId: ctx.user.id,
    });
    return { ok: true as const };
  }),
});
