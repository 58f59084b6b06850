// Client-safe input schemas for two-step sign-in (server/auth/totp.ts): the
// account forms, the sign-in form and the procedures share them.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "./account";

export const AUTHENTICATOR_CODE_MESSAGE = "Enter the 6-digit code from your authenticator app.";
export const SECOND_FACTOR_MESSAGE = "Enter the 6-digit code from your authenticator app, or one of your recovery codes.";

/** People type codes with spaces or a dash ("123 456"); those are dropped. */
const tidy = (value: string) => value.replace(/[\s-]/g, "");

/** A 6-digit code from an authenticator app (RFC 6238 defaults). */
export const ZAuthenticatorCodeSchema = z
  .string({ error: AUTHENTICATOR_CODE_MESSAGE })
  .max(32, AUTHENTICATOR_CODE_MESSAGE)
  .transform(tidy)
  .pipe(z.string().regex(/^\d{6}$/, AUTHENTICATOR_CODE_MESSAGE));

/**
 * The recovery-code alphabet: Crockford's base32 (no i, l, o, u), so 16
 * characters carry 80 random bits and are easy to read aloud or copy by hand
 * (xxxx-xxxx-xxxx-xxxx).
 */
export const RECOVERY_CODE_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
export const RECOVERY_CODE_LENGTH = 16;
/** Codes made before they grew to 80 bits: still accepted until the person makes new ones. */
export const SHORT_RECOVERY_CODE_LENGTH = 12;

/** Lower-cases, drops spaces and dashes, and reads the look-alikes as Crockford does (o→0, i/l→1). */
export function normaliseRecoveryCode(value: string): string {
  return tidy(value).toLowerCase().replace(/o/g, "0").replace(/[il]/g, "1");
}

const RECOVERY_CODE_PATTERN = new RegExp(`^(?:[${RECOVERY_CODE_ALPHABET}]{${RECOVERY_CODE_LENGTH}}|[${RECOVERY_CODE_ALPHABET}]{${SHORT_RECOVERY_CODE_LENGTH}})$`);

export function isRecoveryCodeShape(value: string): boolean {
  return RECOVERY_CODE_PATTERN.test(normaliseRecoveryCode(value));
}

/** Either a 6-digit code or a recovery code: what sign-in and turning it off accept. */
export const ZSecondFactorSchema = z
  .string({ error: SECOND_FACTOR_MESSAGE })
  .max(32, SECOND_FACTOR_MESSAGE)
  .refine((value) => /^\d{6}$/.test(tidy(value)) || isRecoveryCodeShape(value), SECOND_FACTOR_MESSAGE);

const ZCurrentPasswordSchema = z.string().min(1, "Enter your password.").max(PASSWORD_MAX_LENGTH, "That password is too long.");

/** Turning it on starts with the password: someone at an unlocked browser must not tie the account to their own phone. */
export const ZBeginTwoFactorSchema = z.object({ password: ZCurrentPasswordSchema }).strict();
export type TBeginTwoFactor = z.infer<typeof ZBeginTwoFactorSchema>;

export const ZConfirmTwoFactorSchema = z.object({ code: ZAuthenticatorCodeSchema }).strict();
export type TConfirmTwoFactor = z.infer<typeof ZConfirmTwoFactorSchema>;

export const ZRegenerateRecoveryCodesSchema = z.object({ code: ZAuthenticatorCodeSchema }).strict();
export type TRegenerateRecoveryCodes = z.infer<typeof ZRegenerateRecoveryCodesSchema>;

export const ZDisableTwoFactorSchema = z
  .object({
    password: ZCurrentPasswordSchema,
    code: ZSecondFactorSchema,
  })
  .strict();
export type TDisableTwoFactor = z.infer<typeof ZDisableTwoFactorSchema>;
