import { beforeAll, describe, expect, it } from "vitest";
import { setEnvForChildren } from "../env";
import {
  ACCOUNT_DELAY_MAX_SECONDS,
  ACCOUNT_FAILURES_BEFORE_DELAY,
  accountDelaySeconds,
  accountThrottleKeys,
  signInKeys,
} from "./throttle";

beforeAll(() => setEnvForChildren({ NEXTAUTH_SECRET: "throttle-unit-test-secret-0123456789abcdef" }));

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
  const email = `${"a".repeat(64)}@${"b".repeat(185)}.test`;
  const ip = "2001:db8:85a3::8a2e:370:7334";

  it("fit the column, and a reset or a deletion finds every key of the account", () => {
    const keys = signInKeys(email, ip, "c".repeat(64));
    for (const key of Object.values(keys)) expect((key ?? "").length).toBeLessThanOrEqual(300);
    const { keys: accountKeys, pairPrefix } = accountThrottleKeys(email, "user-1");
    expect(keys.pair.startsWith(pairPrefix)).toBe(true);
    expect(accountKeys).toEqual(expect.arrayContaining([keys.account, keys.accountDay, "reauth:user-1", "totp:user-1"]));
    expect(signInKeys(email, ip).device).toBeNull();
  });

  it("hold neither the e-mail nor the network address, and change with the secret", () => {
    const keys = signInKeys("maya@example.org", "203.0.113.7");
    const written = JSON.stringify(keys);
    for (const part of ["maya", "example.org", "203.0.113.7", "203"]) expect(written).not.toContain(part);
    expect(signInKeys("maya@example.org", "203.0.113.8").address).not.toBe(keys.address);
    setEnvForChildren({ NEXTAUTH_SECRET: "another-secret-for-the-throttle-test-0123456789" });
    expect(signInKeys("maya@example.org", "203.0.113.7").account).not.toBe(keys.account);
  });
});
