// Changing one's sign-in e-mail: asking (new address + current password) and
// confirming with the link sent to the new address. Client-safe: the forms
// and the procedures validate with the same objects.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, ZEmailSchema } from "./account";

export const ZRequestEmailChangeSchema = z
  .object({
    newEmail: ZEmailSchema,
    currentPassword: z
      .string({ error: "Enter your current password." })
      .min(1, "Enter your current password.")
      .max(PASSWORD_MAX_LENGTH, "That password is too long."),
  })
  .strict();
export type TRequestEmailChange = z.infer<typeof ZRequestEmailChangeSchema>;

export const EMAIL_CHANGE_LINK_DEAD = "This link doesn't work any more. It may have been used already, or it expired.";

/**
 * 32 random bytes (base64url, 43 characters), a dot, and the account's
 * session version when the link was made: any password change, reset or
 * deactivation since then retires the link (server/account/email-change.ts).
 */
export const ZEmailChangeTokenSchema = z
  .string({ error: EMAIL_CHANGE_LINK_DEAD })
  // The version is optional here only so that every 43-character token has
  // one shape; a token without it was never issued and is simply not found.
  .regex(/^[A-Za-z0-9_-]{43}(\.[0-9]{1,9})?$/, EMAIL_CHANGE_LINK_DEAD);

export const ZConfirmEmailChangeSchema = z.object({ token: ZEmailChangeTokenSchema }).strict();
export type TConfirmEmailChange = z.infer<typeof ZConfirmEmailChangeSchema>;
