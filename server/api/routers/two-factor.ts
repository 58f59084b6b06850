import { z } from "zod";
import { ZBeginTwoFactorSchema, ZConfirmTwoFactorSchema, ZDisableTwoFactorSchema, ZRegenerateRecoveryCodesSchema } from "@/lib/schemas/two-factor";
import { audit } from "@/server/audit/record";
import { beginEnrolment, confirmEnrolment, disableTwoFactor, regenerateRecoveryCodes, twoFactorStatus } from "@/server/auth/totp";
import { authedProcedure, createTRPCRouter } from "../trpc";

const ZNoInput = z.object({}).strict().optional();
const AUDIT = { recordType: "two_factor" } as const;

/** Two-step sign-in for the signed-in person's own account; everything comes from the session. */
export const twoFactorRouter = createTRPCRouter({
  status: authedProcedure.input(ZNoInput).query(({ ctx }) => twoFactorStatus(ctx.db, ctx.user)),

  /** After the current password: a fresh secret as a QR code and as text; nothing changes until `confirm`. */
  begin: authedProcedure.input(ZBeginTwoFactorSchema).mutation(({ ctx, input }) => beginEnrolment(ctx.db, ctx.user, input)),

  /** Turns it on; the recovery codes in the answer are never shown again. */
  confirm: authedProcedure.input(ZConfirmTwoFactorSchema).mutation(async ({ ctx, input }) => {
    const result = await confirmEnrolment(ctx.db, ctx.user, input);
    await audit(ctx, { ...AUDIT, action: "create", recordId: ctx.user.id });
    return result;
  }),

  regenerateRecoveryCodes: authedProcedure.input(ZRegenerateRecoveryCodesSchema).mutation(async ({ ctx, input }) => {
    const result = await regenerateRecoveryCodes(ctx.db, ctx.user, input);
    await audit(ctx, { ...AUDIT, action: "update", recordId: ctx.user.id });
    return result;
  }),

  disable: authedProcedure.input(ZDisableTwoFactorSchema).mutation(async ({ ctx, input }) => {
    await disableTwoFactor(ctx.db, ctx.user, input);
    await audit(ctx, { ...AUDIT, action: "delete", recordId: ctx.user.id });
    return { ok: true as const };
  }),
});
