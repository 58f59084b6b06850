// Invitation tokens (docs/security-and-privacy.md, S8): 256 random bits, shown once in the
// link, stored only as their SHA-256, single-use, expiring, bound to an e-mail.
import { hashSecretToken, newSecretToken } from "../crypto/secret-token";
import { now as clockNow } from "../clock";

export const INVITATION_TTL_DAYS = 7;

export const newInvitationToken = newSecretToken;
export const hashInvitationToken = hashSecretToken;

export function invitationExpiry(from = clockNow()): Date {
  return new Date(from.getTime() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
}
