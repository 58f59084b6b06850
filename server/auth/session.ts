// The one auth() facade for pages, layouts and the tRPC route: who is signed
// in, re-read from the database for this request.
import { cache } from "react";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { getDb } from "../db/client";
import type { Role } from "../db/generated/enums";
import { authOptions } from "./options";
import { loadSessionUser, type TSessionUser } from "./session-user";

export const auth = cache(async (): Promise<TSessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.userId) return null;
  return loadSessionUser(getDb(), { userId: session.userId, sessionVersion: session.sessionVersion });
});

export function homePathFor(role: Role): string {
  return role === "therapist" ? "/caseload" : "/between-sessions";
}

/** For pages: the signed-in user, or a redirect to sign-in (or their own home for the wrong role). */
export async function requireUser(options: { role?: Role; returnTo?: string } = {}): Promise<TSessionUser> {
  const user = await auth();
  if (!user) {
    const next = options.returnTo ? `?next=${encodeURIComponent(options.returnTo)}` : "";
    redirect(`/sign-in${next}`);
  }
  if (options.role && user.role !== options.role) redirect(homePathFor(user.role));
  return user;
}
