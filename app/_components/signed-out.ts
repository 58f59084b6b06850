import { redirect } from "next/navigation";
import { auth, homePathFor } from "@/server/auth/session";

/** For pages only a signed-out visitor needs (sign in, sign up, a forgotten password): anyone signed in goes home. */
export async function redirectIfSignedIn(): Promise<void> {
  const user = await auth();
  if (user) redirect(homePathFor(user.role));
}
