"use client";

import { useEffect } from "react";
import { forgetThisDevice } from "@/lib/offline/forget-device";

/** On the pages a signed-out browser lands on: whatever Alliance kept on this device goes. */
export function ForgetDevice() {
  useEffect(() => {
    void forgetThisDevice();
  }, []);
  return null;
}
