import { describe, expect, it } from "vitest";
import { ACCOUNT_DELAY_MAX_SECONDS, ACCOUNT_FAILURES_BEFORE_DELAY, accountDelaySeconds, accountKeyPatterns, signInKeys } from "./throttle";

describe("account-wide delays for unknown browsers", () => {
  it("start after a run of failures, double each time and stop growing at the cap", () => {
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY - 1)).toBe(0);
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY)).toBe(1);
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY + 1)).toBe(2);
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY + 5)).toBe(32);
    expect(accountDelaySeconds(ACCOUNT_FAILURES_BEFORE_DELAY + 40)).toBe(ACCOUNT_DELAY_MAX_SECONDS);
  });
});

describe("throttle keys", () => {
  it("fit the column for the longest e-mail and address, and a reset finds the account's pair keys", () => {
    const email = `${"a".repeat(64)}@${"b".repeat(185)}.test`;
    const ip = "f".repeat(64);
    const keys = signInKeys(email, ip, "c".repeat(64));
    for (const key of Object.values(keys)) expect((key ?? "").length).toBeLessThanOrEqual(300);
    expect(keys.pair.startsWith(accountKeyPatterns(email).pairPrefix)).toBe(true);
    expect(accountKeyPatterns(email).account).toBe(keys.account);
    expect(signInKeys(email, ip).device).toBeNull();
  });
});
