// Authenticator codes for tests, made with the same library the server checks
// them with, at the server's clock (server/clock.ts), so frozen time works.
import { Secret, TOTP } from "otpauth";
import { now } from "@/server/clock";
import { TEST_PASSWORD } from "../factories";

/** The code an authenticator app shows for `secret` (as the page shows it, spaces and all), `steps` × 30 s from now. */
export function codeFor(secret: string, steps = 0): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret.replace(/\s/g, "")), timestamp: now().getTime() + steps * 30_000 });
}

type TTwoFactorCaller = {
  twoFactor: {
    begin: (input: { password: string }) => Promise<{ secret: string }>;
    confirm: (input: { code: string }) => Promise<{ recoveryCodes: string[] }>;
  };
};

/** Turns two-step sign-in on through the real procedures; codes of the current step are then used up. */
export async function enrolTwoFactor(caller: TTwoFactorCaller): Promise<{ secret: string; recoveryCodes: string[] }> {
  const { secret } = await caller.twoFactor.begin({ password: TEST_PASSWORD });
  const { recoveryCodes } = await caller.twoFactor.confirm({ code: codeFor(secret) });
  return { secret, recoveryCodes };
}
