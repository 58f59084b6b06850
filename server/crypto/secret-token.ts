// Secret tokens handed out in links and cookies (invitations, password
// resets, e-mail changes, known browsers; docs/security-and-privacy.md, S8): 256 random
// bits as base64url, shown once; only their SHA-256 is stored, so a copy of
// the database opens nothing.
import { createHash, randomBytes } from "node:crypto";

export function randomSecretToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashSecretToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function newSecretToken(): { token: string; tokenHash: string } {
  const token = randomSecretToken();
  return { token, tokenHash: hashSecretToken(token) };
}
