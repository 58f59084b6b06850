// Two-step sign-in: a 6-digit code from an authenticator app (TOTP, RFC 6238
// defaults: SHA-1, 6 digits, 30-second steps) after the password, and ten
// single-use recovery codes for a lost phone.
//
// INVARIANTS
// - The secret is only ever at rest sealed with the data key (SEALED_FIELDS
//   totpSecret / totpPending, bound to the user's id), so key rotation covers
//   it and a database copy cannot make codes. It never leaves the server
//   except once, while enrolling, to the person enrolling.
// - A code is accepted one step either side of now (clock drift), and at most
//   once: the sealed value keeps the last step used, and it is replaced only
//   where it still holds what was read (compare-and-swap), so two requests
//   racing with one code cannot both succeed.
// - Turning it on starts with the current password (beginEnrolment): a person
//   at someone else's unlocked browser cannot tie the account to their own
//   phone and lock its owner out. Turning it off needs the password and a
//   code; new recovery codes need a code. Each change e-mails the owner
//   (server/auth/security-notices.ts).
// - Recovery codes carry 80 random bits and are kept only as argon2id hashes
//   (a copied database cannot be turned into working codes by brute force);
//   each is used by one conditional update, so it works exactly once. Codes
//   made before (60 bits, sha256) still work until the person makes new
//   ones, and the account page asks them to.
// - Wrong codes at sign-in and when turning it off count against
//   `totp:<userId>` in auth_throttles: MAX_CODE_FAILURES per window.
import { createHash, randomInt } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import type { TDb } from "../db/client";
import { now as clockNow } from "../clock";
import { getEnv } from "../env";
import { AppError, fieldError } from "../errors";
import { openField, sealField } from "../crypto/sealed-fields";
import {
  isRecoveryCodeShape,
  normaliseRecoveryCode,
  RECOVERY_CODE_ALPHABET,
  RECOVERY_CODE_LENGTH,
  type TBeginTwoFactor,
  type TConfirmTwoFactor,
  type TDisableTwoFactor,
  type TRegenerateRecoveryCodes,
} from "../../lib/schemas/two-factor";
import { requireCurrentPassword } from "./reauth";
import { hashPassword } from "./password";
import { sendSecurityNotice } from "./security-notices";
import type { TSessionUser } from "./session-user";

export const TOTP_ISSUER = "Alliance";
/** Steps either side of now that still count: 30 s of clock drift each way. */
export const TOTP_WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
export const MAX_CODE_FAILURES = 5;
export const CODE_THROTTLE_WINDOW_MINUTES = 15;

export const WRONG_CODE_MESSAGE = "That code didn't work. Check your phone's clock is set automatically, then enter the newest code.";
export const TOO_MANY_CODES_MESSAGE = "Too many wrong codes. For your safety, please wait 15 minutes and try again.";

type TUserRef = Pick<TSessionUser, "id">;
/** What totp_secret holds, sealed: the secret and the last step a code was accepted for. */
type TStoredSecret = { secret: string; lastStep: number | null };

// --- codes ---------------------------------------------------------------

/** The time step a code belongs to, if it is right within the window; null otherwise. */
function stepOfCode(secret: string, code: string, at: Date): number | null {
  const timestamp = at.getTime();
  const delta = TOTP.validate({ token: code, secret: Secret.fromBase32(secret), timestamp, window: TOTP_WINDOW });
  return delta === null ? null : TOTP.counter({ timestamp }) + delta;
}

function sealSecret(userId: string, stored: TStoredSecret): string {
  return sealField("totpSecret", { userId }, JSON.stringify(stored));
}

function openSecret(userId: string, sealed: string): TStoredSecret {
  return JSON.parse(openField("totpSecret", { userId }, sealed)) as TStoredSecret;
}

/** "ABCDEFGH…" → "ABCD EFGH …", for typing into an app by hand. */
function groupedForReading(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}

/** What recovery_codes.code_hash held before codes grew to 80 bits: a salted sha256. */
function legacyRecoveryCodeHash(userId: string, code: string): string {
  return createHash("sha256").update(`alliance-recovery-code\0${userId}\0${normaliseRecoveryCode(code)}`).digest("hex");
}

/** Whether `code` is the one behind `codeHash` (argon2id, or a code made before the change). */
export async function isRecoveryCodeMatch(userId: string, codeHash: string, code: string): Promise<boolean> {
  if (!codeHash.startsWith("$argon2")) return codeHash === legacyRecoveryCodeHash(userId, code);
  return verify(codeHash, normaliseRecoveryCode(code)).catch(() => false);
}

function newRecoveryCode(): string {
  let code = "";
  for (let index = 0; index < RECOVERY_CODE_LENGTH; index += 1) code += RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)];
  return code.match(/.{1,4}/g)!.join("-");
}

/** New codes, hashed before the transaction that stores them (argon2 takes a moment per code). */
async function makeRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  return { codes, hashes: await Promise.all(codes.map((code) => hashPassword(normaliseRecoveryCode(code)))) };
}

async function storeRecoveryCodes(db: Pick<TDb, "recoveryCode">, userId: string, hashes: string[]): Promise<void> {
  await db.recoveryCode.deleteMany({ where: { userId } });
  await db.recoveryCode.createMany({ data: hashes.map((codeHash) => ({ userId, codeHash })) });
}

/** Accepts an authenticator code once; true when it was right and not used before. */
async function acceptAuthenticatorCode(db: TDb, userId: string, code: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } });
  if (!user?.totpSecret || !user.totpEnabledAt) return false;
  const digits = code.replace(/[\s-]/g, "");
  // Only ASCII digits reach the library: it compares bytes, and "é12345" is six characters but seven bytes.
  if (!/^\d{6}$/.test(digits)) return false;
  const stored = openSecret(userId, user.totpSecret);
  const step = stepOfCode(stored.secret, digits, clockNow());
  if (step === null || (stored.lastStep !== null && step <= stored.lastStep)) return false;
  const updated = await db.user.updateMany({
    where: { id: userId, totpSecret: user.totpSecret },
    data: { totpSecret: sealSecret(userId, { ...stored, lastStep: step }) },
  });
  return updated.count === 1;
}

/** At most RECOVERY_CODE_COUNT unused codes to compare with, one argon2 verification each; the match is spent by a conditional update. */
async function redeemRecoveryCode(db: TDb, userId: string, code: string): Promise<boolean> {
  const unused = await db.recoveryCode.findMany({ where: { userId, usedAt: null }, select: { id: true, codeHash: true } });
  for (const row of unused) {
    if (!(await isRecoveryCodeMatch(userId, row.codeHash, code))) continue;
    const used = await db.recoveryCode.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: clockNow() } });
    return used.count === 1;
  }
  return false;
}

function acceptSecondFactor(db: TDb, userId: string, code: string): Promise<boolean> {
  return isRecoveryCodeShape(code) ? redeemRecoveryCode(db, userId, code) : acceptAuthenticatorCode(db, userId, code);
}

// --- throttling (auth_throttles, shared by every app instance) -----------

const throttleKey = (userId: string) => `totp:${userId}`;

async function isCodeThrottled(db: TDb, userId: string): Promise<boolean> {
  const [row] = await db.$queryRaw<{ failures: number }[]>`
    SELECT failures FROM auth_throttles
    WHERE key = ${throttleKey(userId)}
      AND window_start > ${clockNow()}::timestamptz - make_interval(mins => ${CODE_THROTTLE_WINDOW_MINUTES})`;
  return (row?.failures ?? 0) >= MAX_CODE_FAILURES;
}

async function recordCodeFailure(db: TDb, userId: string): Promise<void> {
  const now = clockNow();
  await db.$executeRaw`
    INSERT INTO auth_throttles (key, failures, window_start) VALUES (${throttleKey(userId)}, 1, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN auth_throttles.window_start <= ${now}::timestamptz - make_interval(mins => ${CODE_THROTTLE_WINDOW_MINUTES})
                      THEN 1 ELSE auth_throttles.failures + 1 END,
      window_start = CASE WHEN auth_throttles.window_start <= ${now}::timestamptz - make_interval(mins => ${CODE_THROTTLE_WINDOW_MINUTES})
                          THEN ${now}::timestamptz ELSE auth_throttles.window_start END`;
}

export type TSecondFactorResult = "ok" | "invalid" | "throttled";

/**
 * The second step of signing in (and of turning it off): an authenticator
 * code or an unused recovery code. Throttled per account.
 */
export async function checkSecondFactor(db: TDb, userId: string, code: string): Promise<TSecondFactorResult> {
  if (await isCodeThrottled(db, userId)) return "throttled";
  if (!(await acceptSecondFactor(db, userId, code))) {
    await recordCodeFailure(db, userId);
    return "invalid";
  }
  await db.authThrottle.deleteMany({ where: { key: throttleKey(userId) } });
  return "ok";
}

export type TSecondStepRefusal = "two_factor_required" | "two_factor_invalid" | "two_factor_throttled";

/**
 * Sign-in, once the password is right and before any session starts: null
 * when the account needs no code or the code given is right; otherwise why not.
 */
export async function secondStepRefusal(db: TDb, userId: string, code: string | undefined): Promise<TSecondStepRefusal | null> {
  if (!(await hasTwoFactor(db, userId))) return null;
  if (!code) return "two_factor_required";
  const result = await checkSecondFactor(db, userId, code);
  return result === "ok" ? null : result === "throttled" ? "two_factor_throttled" : "two_factor_invalid";
}

/** For sign-in: does this account need a code after its password? */
export async function hasTwoFactor(db: TDb, userId: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return Boolean(user?.totpEnabledAt);
}

// --- enrolment and settings ---------------------------------------------

/** Where a therapist who must enrol is sent: what it is, why, and turning it on (app/(shared)/account/two-step). */
export const TWO_FACTOR_SETUP_PATH = "/account/two-step";
export const TWO_FACTOR_REQUIRED_MESSAGE = "Your practice asks therapists to use two-step sign-in. Turn it on in your account settings first.";

/** Procedures a therapist who must enrol can still use: their own account, notifications and enrolment. */
export function isAllowedBeforeEnrolment(path: string): boolean {
  return /^(account|twoFactor|notifications)\./.test(path);
}

/**
 * Therapists must use two-step sign-in unless the practice turned the
 * requirement off (REQUIRE_TWO_FACTOR_FOR_THERAPISTS=false). A demo
 * installation turns it off, so a visitor can sign in as the demo therapist
 * at once.
 */
export function isTwoFactorRequiredFor(user: Pick<TSessionUser, "role" | "practice">): boolean {
  if (user.role !== "therapist") return false;
  // A practice that asks every member for it (issue 29), read with the session.
  if (user.practice?.requiresTwoStep) return true;
  const env = getEnv();
  return env.REQUIRE_TWO_FACTOR_FOR_THERAPISTS ?? env.DEMO_MODE !== true;
}

/** A therapist who must use two-step sign-in and has not turned it on yet (read with the session: no query). */
export function needsTwoFactorEnrolment(user: Pick<TSessionUser, "role" | "hasTwoFactor" | "practice">): boolean {
  return isTwoFactorRequiredFor(user) && !user.hasTwoFactor;
}

export async function twoFactorStatus(db: TDb, user: Pick<TSessionUser, "id" | "role" | "practice">) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  const codes = row.totpEnabledAt ? await db.recoveryCode.findMany({ where: { userId: user.id, usedAt: null }, select: { codeHash: true } }) : [];
  return {
    isEnabled: row.totpEnabledAt !== null,
    enabledAt: row.totpEnabledAt,
    recoveryCodesLeft: codes.length,
    /** Codes made before they grew to 80 bits: the page asks for new ones. */
    hasShortRecoveryCodes: codes.some((code) => !code.codeHash.startsWith("$argon2")),
    isRequired: isTwoFactorRequiredFor(user),
    /** A therapist whose practice turned the requirement off: the page says so. */
    isRequirementOff: user.role === "therapist" && !isTwoFactorRequiredFor(user),
  };
}

/**
 * Starts (or restarts) turning it on, after the current password: a fresh
 * secret, kept sealed as pending until a first code proves the app has it.
 * Shown once, as a QR code drawn here (no outside service sees it) and as
 * text for typing in.
 */
export async function beginEnrolment(db: TDb, user: Pick<TSessionUser, "id" | "email">, input: TBeginTwoFactor) {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already on.");
  await requireCurrentPassword(db, user.id, input.password, "password", "That password isn't right.");
  const secret = new Secret({ size: 20 }).base32;
  const started = await db.user.updateMany({
    where: { id: user.id, totpEnabledAt: null },
    data: { totpPending: sealField("totpPending", { userId: user.id }, secret) },
  });
  if (started.count === 0) throw new AppError("CONFLICT", "Two-step sign-in is already on.");
  const uri = new TOTP({ issuer: TOTP_ISSUER, label: user.email, secret }).toString();
  const svg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return {
    secret: groupedForReading(secret),
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/** The first code turns it on and returns the recovery codes: the only time they are shown. */
export async function confirmEnrolment(db: TDb, user: TUserRef, input: TConfirmTwoFactor): Promise<{ recoveryCodes: string[] }> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpPending: true, totpEnabledAt: true } });
  if (row.totpEnabledAt) throw new AppError("CONFLICT", "Two-step sign-in is already on.");
  if (!row.totpPending) throw new AppError("BAD_REQUEST", "Start again with “Turn on two-step sign-in”.");
  const secret = openField("totpPending", { userId: user.id }, row.totpPending);
  const now = clockNow();
  const step = stepOfCode(secret, input.code, now);
  if (step === null) throw fieldError("code", WRONG_CODE_MESSAGE);
  const { codes, hashes } = await makeRecoveryCodes();
  await db.$transaction(async (tx) => {
    const enabled = await tx.user.updateMany({
      where: { id: user.id, totpPending: row.totpPending, totpEnabledAt: null },
      data: { totpSecret: sealSecret(user.id, { secret, lastStep: step }), totpEnabledAt: now, totpPending: null },
    });
    if (enabled.count === 0) throw new AppError("CONFLICT", "This changed in another window. Reload the page and try again.");
    await storeRecoveryCodes(tx, user.id, hashes);
  });
  await sendSecurityNotice(db, user.id, "two_factor_on", { at: now });
  return { recoveryCodes: codes };
}

/** New recovery codes (the old ones stop working); needs a current authenticator code. */
export async function regenerateRecoveryCodes(db: TDb, user: TUserRef, input: TRegenerateRecoveryCodes): Promise<{ recoveryCodes: string[] }> {
  if (!(await hasTwoFactor(db, user.id))) throw new AppError("BAD_REQUEST", "Two-step sign-in is off.");
  await requireCode(db, user.id, input.code);
  const { codes, hashes } = await makeRecoveryCodes();
  await db.$transaction(async (tx) => storeRecoveryCodes(tx, user.id, hashes));
  await sendSecurityNotice(db, user.id, "recovery_codes");
  return { recoveryCodes: codes };
}

/** Turning it off needs the password and a current code (or a recovery code, for a lost phone). */
export async function disableTwoFactor(db: TDb, user: TUserRef, input: TDisableTwoFactor): Promise<void> {
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { totpEnabledAt: true } });
  if (!row.totpEnabledAt) throw new AppError("BAD_REQUEST", "Two-step sign-in is already off.");
  await requireCurrentPassword(db, user.id, input.password, "password", "That password isn't right.");
  await requireCode(db, user.id, input.code);
  await db.$transaction([
    db.user.update({ where: { id: user.id }, data: { totpSecret: null, totpPending: null, totpEnabledAt: null } }),
    db.recoveryCode.deleteMany({ where: { userId: user.id } }),
  ]);
  await sendSecurityNotice(db, user.id, "two_factor_off");
}

async function requireCode(db: TDb, userId: string, code: string): Promise<void> {
  const result = await checkSecondFactor(db, userId, code);
  if (result === "throttled") throw new AppError("TOO_MANY_REQUESTS", TOO_MANY_CODES_MESSAGE, { code: [TOO_MANY_CODES_MESSAGE] });
  if (result === "invalid") throw fieldError("code", WRONG_CODE_MESSAGE);
}
