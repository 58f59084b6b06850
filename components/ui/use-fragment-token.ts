"use client";

import { useSyncExternalStore } from "react";

function subscribeToHash(onChange: () => void) {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * A token from the link's fragment (/path#<token>): browsers never send a
 * fragment to the server, so it stays out of access logs and Referer
 * headers. Null in the server's HTML and before hydration; "" when the link
 * has none.
 */
export function useFragmentToken(): string | null {
  return useSyncExternalStore(
    subscribeToHash,
    () => window.location.hash.slice(1),
    () => null,
  );
}
