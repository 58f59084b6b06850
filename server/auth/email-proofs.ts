// Proving an inbox before an account exists for it (email_proofs): a link
// e-mailed to an address, that only whoever reads that inbox can follow.
// Used where Alliance must not say, to whoever asks, whether an address
// already has an account: a therapist signing up, a client accepting an
// invitation (the invitation e-mail carries one; the link a therapist copies
// from the screen does not).
//
// INVARIANTS
// - A token is 32 random bytes (base64url), sent once, kept only as its
//   sha256, for one purpose, one address and (for invitations) one
//   invitation. It works once, until it expires, on the app's clock.
// - It travels in a link's fragment (#...), so it stays out of access logs,
//   proxies and Referer headers; pages read it in the browser.
// - Claiming it is a conditional update inside the transaction that creates
//   the account, so two submits cannot both succeed.
import type { Prisma } from "../db/generated/client";
import type { EmailProofPurpose } from "../db/generated/enums";
import type { TDb } from "../db/client";
import { now as clockNow } from "../clock";
import { hashSecretToken, newSecretToken } from "../crypto/secret-token";
import { LINK_TOKEN_PATTERN } from "../../lib/constants/link-token";

/** How long a sign-up link works. An invitation's works as long as the invitation does. */
export const SIGN_UP_LINK_TTL_HOURS = 24;

export async function issueEmailProof(
  db: Pick<TDb, "emailProof">,
  proof: { purpose: EmailProofPurpose; email: string; expiresAt: Date; invitationId?: string },
  now = clockNow(),
): Promise<string> {
  const { token, tokenHash } = newSecretToken();
  await db.emailProof.create({
    data: { purpose: proof.purpose, email: proof.email, invitationId: proof.invitationId ?? null, tokenHash, expiresAt: proof.expiresAt, createdAt: now },
    select: { id: true },
  });
  return token;
}

export type TUsableProof = { id: string; email: string; invitationId: string | null };

/** The proof a token stands for, if it still works; null for anything else (a malformed token too). */
export async function findUsableProof(
  db: Pick<TDb, "emailProof">,
  token: string,
  purpose: EmailProofPurpose,
  now = clockNow(),
): Promise<TUsableProof | null> {
  if (!LINK_TOKEN_PATTERN.test(token)) return null;
  return db.emailProof.findFirst({
    where: { tokenHash: hashSecretToken(token), purpose, usedAt: null, expiresAt: { gt: now } },
    select: { id: true, email: true, invitationId: true },
  });
}

/** Spends a proof inside the caller's transaction; false when another request spent it first. */
export async function claimProof(tx: Prisma.TransactionClient, proofId: string, now = clockNow()): Promise<boolean> {
  const claimed = await tx.emailProof.updateMany({ where: { id: proofId, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
  return claimed.count === 1;
}
