// A tRPC link that sends the person to sign-in when a call from an open page
// answers UNAUTHORIZED: their session lapsed, was signed out elsewhere, or
// never was. The server says why (data.signedOutReason, server/api/trpc.ts);
// the sign-in page shows it and returns here afterwards.
import type { TRPCLink } from "@trpc/client";
import { observable } from "@trpc/server/observable";
import { signInPath } from "@/lib/auth/signed-out";
import type { AppRouter } from "@/lib/trpc/types";

// Several calls in flight fail together, or fail while the page is already
// signing itself out (components/layout/idle-watcher.tsx): one navigation is
// enough, and the first one's reason is the one the person should read.
let isLeaving = false;

/** Claims the single navigation to sign-in; false when another one already has it. */
export function claimLeaving(): boolean {
  if (isLeaving) return false;
  isLeaving = true;
  return true;
}

export const signedOutLink: TRPCLink<AppRouter> = () => {
  return ({ next, op }) =>
    observable((observer) =>
      next(op).subscribe({
        next: (value) => observer.next(value),
        complete: () => observer.complete(),
        error: (error) => {
          if (error.data?.code === "UNAUTHORIZED" && typeof window !== "undefined" && claimLeaving()) {
            const here = `${window.location.pathname}${window.location.search}`;
            window.location.assign(signInPath({ reason: error.data.signedOutReason, next: here }));
          }
          observer.error(error);
        },
      }),
    );
};
