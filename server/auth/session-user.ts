// The signed-in user as every request sees it: re-read from the database on
// each request, so a deactivated account or a changed password (which bumps
// sessionVersion) ends other sessions on their next request (quality.md, 9).
import type { TDb } from "../db/client";
import type { Role } from "../db/generated/enums";

export type TSessionUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
  sessionVersion: number;
};

/** What the session cookie carries: identity and version, never the role. */
export type TSessionClaims = { userId: string; sessionVersion: number };

export const SESSION_USER_SELECT = {
  id: true,
  email: true,
  name: true,
  role: true,
  timeZone: true,
  sessionVersion: true,
} as const;

export async function loadSessionUser(db: TDb, claims: TSessionClaims): Promise<TSessionUser | null> {
  const user = await db.user.findFirst({
    where: { id: claims.userId, deactivatedAt: null, sessionVersion: claims.sessionVersion },
    select: SESSION_USER_SELECT,
  });
  return user ?? null;
}
