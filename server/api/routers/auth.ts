import { ZSignUpSchema } from "@/lib/schemas/account";
import { signUpTherapist } from "@/server/auth/accounts";
import { recordAudit } from "@/server/audit/record";
import { createTRPCRouter, publicProcedure } from "../trpc";

export const authRouter = createTRPCRouter({
  /** Therapists sign up themselves; clients join through an invitation. */
  signUp: publicProcedure.input(ZSignUpSchema).mutation(async ({ ctx, input }) => {
    const { userId } = await signUpTherapist(ctx.db, input, ctx.meta.ip);
    await recordAudit(ctx.db, { id: userId, role: "therapist" }, ctx.meta, {
      action: "sign_up",
      recordType: "user",
      recordId: userId,
    });
    return { ok: true as const };
  }),
});
