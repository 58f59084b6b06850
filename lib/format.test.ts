import { describe, expect, it } from "vitest";
import { formatDateTime, safeReturnPath } from "./format";

describe("safeReturnPath", () => {
  it("keeps on-site paths and refuses everything else", () => {
    expect(safeReturnPath("/account")).toBe("/account");
    expect(safeReturnPath("/clients/abc?tab=goals")).toBe("/clients/abc?tab=goals");
    for (const unsafe of ["//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "", null]) {
      expect(safeReturnPath(unsafe)).toBeNull();
    }
  });
});

describe("formatDateTime", () => {
  it("shows one UTC instant in each person's own zone", () => {
    const instant = new Date("2026-03-02T17:00:00Z");
    expect(formatDateTime(instant, "Europe/London")).toContain("17:00");
    expect(formatDateTime(instant, "America/New_York")).toContain("12:00");
    expect(formatDateTime(instant, "Asia/Kolkata")).toContain("22:30");
  });
});
