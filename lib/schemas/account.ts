// Client-safe input schemas for sign-up, sign-in and account settings:
// the forms and the procedures validate with the same objects.
import { z } from "zod";
import { isValidTimeZone } from "../time/zones";
import { hasNoNul, NUL_MESSAGE } from "./common";
import { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "../constants/account";
import { LINK_TOKEN_PATTERN } from "../constants/link-token";
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from "../constants/account";

export const ZEmailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter an email address like name@example.com."));

export const ZNameSchema = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(120, "Keep your name under 120 characters.")
  .refine(hasNoNul, NUL_MESSAGE);

// Length only, no composition rules. Common passwords and ones holding the
// person's name or address are refused on the server (server/auth/password-policy.ts):
// the list is too big to send to a browser.
export const ZNewPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters.`)
  .max(PASSWORD_MAX_LENGTH, `Use at most ${PASSWORD_MAX_LENGTH} characters.`);

export const ZTimeZoneSchema = z
  .string({ error: "Choose your time zone." })
  .max(64, "Choose a time zone from the list.")
  .refine(isValidTimeZone, "Choose a time zone from the list.");

/** A therapist's sign-up starts with the address alone: a link to it finishes (server/auth/sign-up.ts). */
export const ZSignUpSchema = z.object({ email: ZEmailSchema }).strict();
export type TSignUp = z.infer<typeof ZSignUpSchema>;

/** The token from the link's fragment: 32 random bytes, base64url. */
export const ZEmailProofTokenSchema = z.string().regex(LINK_TOKEN_PATTERN, "This link isn't complete. Open it again from the e-mail.");

export const ZSignUpLinkRefSchema = z.object({ token: ZEmailProofTokenSchema }).strict();

export const ZFinishSignUpSchema = z
  .object({
    token: ZEmailProofTokenSchema,
    name: ZNameSchema,
    password: ZNewPasswordSchema,
    timeZone: ZTimeZoneSchema,
  })
  .strict();
export type TFinishSignUp = z.infer<typeof ZFinishSignUpSchema>;

export const SIGN_UP_REQUESTED_MESSAGE =
  "We've sent a link to that address. Open it to finish creating your account: it works for 24 hours. If nothing arrives in a few minutes, check your spam folder.";
export const SIGN_UP_LINK_DEAD_MESSAGE =
  "This link doesn't work any more: it may have been used already, or be more than a day old. Start again from “Create an account”.";

export const ZSignInSchema = z
  .object({
    email: ZEmailSchema,
    password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long."),
  })
  .strict();
export type TSignIn = z.infer<typeof ZSignInSchema>;

export const ZChangePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(PASSWORD_MAX_LENGTH),
    newPassword: ZNewPasswordSchema,
  })
  .strict()
  .refine((value) => value.currentPassword !== value.newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one.",
  });
export type TChangePassword = z.infer<typeof ZChangePasswordSchema>;

export const ZUpdateProfileSchema = z
  .object({
    name: ZNameSchema,
    timeZone: ZTimeZoneSchema,
  })
  .strict();
export type TUpdateProfile = z.infer<typeof ZUpdateProfileSchema>;
