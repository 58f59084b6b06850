import { describe, expect, it } from "vitest";
import { messageForThrottledCode, throttledCode, waitMinutes } from "./throttled";

describe("throttled sign-in words", () => {
  it("rounds the wait up to whole minutes, at least one", () => {
    expect(waitMinutes(900)).toBe(15);
    expect(waitMinutes(841)).toBe(15);
    expect(waitMinutes(1)).toBe(1);
    expect(waitMinutes(0)).toBe(1);
  });

  it("carries the wait through next-auth's error code and back into plain words", () => {
    expect(throttledCode(900)).toBe("TooManyAttempts-15");
    expect(messageForThrottledCode("TooManyAttempts-15")).toBe("Too many attempts. Please wait 15 minutes and try again.");
    expect(messageForThrottledCode(throttledCode(2))).toBe("Too many attempts. Please wait a minute and try again.");
    expect(messageForThrottledCode("TooManyAttempts")).toBe("Too many attempts. Please wait 15 minutes and try again.");
  });

  it("ignores any other code", () => {
    expect(messageForThrottledCode("CredentialsSignin")).toBeNull();
    expect(messageForThrottledCode("TooManyAttempts-<script>")).toBeNull();
    expect(messageForThrottledCode(null)).toBeNull();
  });
});
