"use client";

import { useEffect } from "react";
import { forgetThisDevice } from "@/lib/offline/forget-device";

/**
 * On the pages a signed-out browser lands on: whatever Alliance kept on this
 * device goes; `keepUnsent` when the session only lapsed (lib/offline/forget-device.ts).
 */
export function ForgetDevice({ keepUnsent = false }: { keepUnsent?: boolean }) {
  useEffect(() => {
    void forgetThisDevice({ keepUnsent });
  }, [keepUnsent]);
  return null;
}
