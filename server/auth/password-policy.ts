// Which new passwords are refused (docs/security-and-privacy.md, S6): length is the
// schema's job (lib/schemas/account.ts, no composition rules); this module
// refuses the guessable ones, wherever a password is chosen (sign-up,
// accepting an invitation, reset, change).
//
// INVARIANTS
// - Server only. The list is 49,233 passwords (zxcvbn-ts's common list, from
//   real breaches, plus a few words of this product), about 380 KB of
//   script: it must never reach a browser (the budget is 170 KB a page).
//   Lint refuses the package in components/ and lib/ (eslint.config.mjs);
//   not `server-only`, which would throw in the Playwright specs that seed
//   through the router (tests/factories.ts).
// - Loaded once per process, on first use, into a Set: a look-up is one hash.
// - Refused: the password itself is on the list; or it contains the person's
//   e-mail address or its part before "@" (3+ characters); or it contains
//   any part of their name of 3+ letters. All compared case-insensitively,
//   after NFKC (so full-width "ＰＡＳＳＷＯＲＤ" is "password").
// - A refusal is a field error on the password field and happens before
//   anything is hashed or written.
import { fieldError } from "../errors";

export const COMMON_PASSWORD_MESSAGE =
  "That password is one of the most common ones, so it's easy to guess. Try a few words only you would put together.";
export const EMAIL_IN_PASSWORD_MESSAGE =
  "That password contains your email address, so it's easy to guess. Try a few words only you would put together.";
export const NAME_IN_PASSWORD_MESSAGE =
  "That password contains your name, so it's easy to guess. Try a few words only you would put together.";

// Guessed first by anyone who knows which app this is.
const PRODUCT_PASSWORDS = ["alliance", "alliance1", "alliance123", "therapy1", "therapy123", "therapist", "therapist1"];

const MIN_PART_LENGTH = 3;

let commonPasswords: Promise<ReadonlySet<string>> | undefined;

function loadCommonPasswords(): Promise<ReadonlySet<string>> {
  commonPasswords ??= import("@zxcvbn-ts/language-common").then(
    ({ dictionary }) => new Set([...dictionary["passwords-common"], ...PRODUCT_PASSWORDS].map(fold)),
    (error: unknown) => {
      commonPasswords = undefined; // try again on the next call rather than fail forever
      throw error;
    },
  );
  return commonPasswords;
}

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}

/** Whoever is choosing the password: every name they go by here, and their address. */
export type TPasswordOwner = { names: readonly string[]; email: string };

function nameParts(names: readonly string[]): string[] {
  return names.flatMap((name) => fold(name).split(/[^\p{L}\p{M}]+/u)).filter((part) => part.length >= MIN_PART_LENGTH);
}

/** The message saying why `password` is refused, or null when it may be used. */
export async function passwordRefusal(password: string, owner: TPasswordOwner): Promise<string | null> {
  const folded = fold(password);
  if ((await loadCommonPasswords()).has(folded)) return COMMON_PASSWORD_MESSAGE;
  const email = fold(owner.email.trim());
  const localPart = email.slice(0, Math.max(0, email.lastIndexOf("@")));
  if ((email && folded.includes(email)) || (localPart.length >= MIN_PART_LENGTH && folded.includes(localPart))) {
    return EMAIL_IN_PASSWORD_MESSAGE;
  }
  if (nameParts(owner.names).some((part) => folded.includes(part))) return NAME_IN_PASSWORD_MESSAGE;
  return null;
}

/** Throws a field error on `field` when the password is refused; changes nothing either way. */
export async function assertPasswordAllowed(password: string, owner: TPasswordOwner, field: string): Promise<void> {
  const refusal = await passwordRefusal(password, owner);
  if (refusal) throw fieldError(field, refusal);
}
