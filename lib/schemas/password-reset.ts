// Forgotten password: asking for a link, and choosing a new password with it.
// Client-safe: the forms and the procedures validate with the same objects.
import { z } from "zod";
import { ZEmailSchema, ZNewPasswordSchema } from "./account";
import { LINK_TOKEN_PATTERN } from "../constants/link-token";

export const ZRequestPasswordResetSchema = z.object({ email: ZEmailSchema }).strict();
export type TRequestPasswordReset = z.infer<typeof ZRequestPasswordResetSchema>;

/** 32 random bytes, base64url: 43 characters. Anything else is not one of ours. */
export const ZResetTokenSchema = z
  .string({ error: "This link doesn't work any more." })
  .regex(LINK_TOKEN_PATTERN, "This link doesn't work any more.");

export const ZResetTokenRefSchema = z.object({ token: ZResetTokenSchema }).strict();

export const ZResetPasswordSchema = z
  .object({
    token: ZResetTokenSchema,
    newPassword: ZNewPasswordSchema,
    confirmPassword: z.string({ error: "Type the new password again." }).min(1, "Type the new password again.").max(128),
  })
  .strict()
  .refine((value) => value.newPassword === value.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords don't match.",
  });
export type TResetPassword = z.infer<typeof ZResetPasswordSchema>;

/** The same words whether or not the address has an account. */
export const RESET_REQUESTED_MESSAGE = "If there's an account for that address, we've sent a link. It works for an hour.";
export const RESET_LINK_DEAD_MESSAGE = "This link doesn't work any more.";
