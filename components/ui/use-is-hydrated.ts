import { useSyncExternalStore } from "react";

const subscribeToNothing = () => () => {};

/**
 * False in the server's HTML and while hydrating; true from then on, and at
 * once for components mounted later. A button that acts through JavaScript
 * stays disabled until then, so an early tap is never silently lost.
 */
export function useIsHydrated(): boolean {
  return useSyncExternalStore(
    subscribeToNothing,
    () => true,
    () => false,
  );
}
