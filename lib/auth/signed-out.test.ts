import { describe, expect, it } from "vitest";
import { parseSignedOutReason, signedOutNotice, signInPath } from "./signed-out";

describe("signInPath", () => {
  it("carries the reason and the return path", () => {
    expect(signInPath({ reason: "idle", next: "/clients/abc?tab=goals" })).toBe(
      "/sign-in?reason=idle&next=%2Fclients%2Fabc%3Ftab%3Dgoals",
    );
    expect(signInPath({ reason: "expired" })).toBe("/sign-in?reason=expired");
    expect(signInPath({ next: "/caseload" })).toBe("/sign-in?next=%2Fcaseload");
    expect(signInPath()).toBe("/sign-in");
  });

  it("drops a return path that leaves the site", () => {
    expect(signInPath({ reason: "idle", next: "//evil.example/x" })).toBe("/sign-in?reason=idle");
    expect(signInPath({ next: "https://evil.example" })).toBe("/sign-in");
    // Browsers drop the tab: "//evil.example" (lib/auth/return-path.ts has the whole table).
    expect(signInPath({ next: "/\t/evil.example" })).toBe("/sign-in");
  });
});

describe("the sign-in page's reason", () => {
  it("knows idle and expired and nothing else", () => {
    expect(parseSignedOutReason("idle")).toBe("idle");
    expect(parseSignedOutReason("expired")).toBe("expired");
    for (const value of ["revoked", "signed_out", "IDLE", "", undefined, ["idle"], 1]) {
      expect(parseSignedOutReason(value)).toBeNull();
    }
  });

  it("says why, calmly, with the configured lifetime", () => {
    expect(signedOutNotice("idle", { maxHours: 12 })).toBe(
      "You were signed out after a while without activity, to keep your records private. Sign in to carry on.",
    );
    expect(signedOutNotice("expired", { maxHours: 12 })).toBe("For your privacy, sessions end after 12 hours. Please sign in again.");
    expect(signedOutNotice("expired", { maxHours: 8 })).toContain("after 8 hours");
    expect(signedOutNotice(null, { maxHours: 12 })).toBeNull();
  });
});
