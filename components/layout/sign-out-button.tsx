"use client";

import { signOut } from "@/components/auth/auth-client";
import { Button } from "@/components/ui/button";
import { useIsHydrated } from "@/components/ui/use-is-hydrated";

/** Disabled until the page is interactive: a tap before then would do nothing and leave the person signed in. */
export function SignOutButton() {
  const isHydrated = useIsHydrated();
  return (
    <Button variant="quiet" disabled={!isHydrated} onClick={() => signOut({ callbackUrl: "/sign-in" })}>
      Sign out
    </Button>
  );
}
