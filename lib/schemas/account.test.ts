import { describe, expect, it } from "vitest";
import { ZChangePasswordSchema, ZEmailSchema, ZNewPasswordSchema, ZSignUpSchema } from "./account";

describe("account schemas", () => {
  it("normalises e-mails to trimmed lower case", () => {
    expect(ZEmailSchema.parse("  Ana.Okafor@Example.ORG ")).toBe("ana.okafor@example.org");
  });

  it("takes passwords of 8 to 128 characters with no composition rules", () => {
    expect(ZNewPasswordSchema.safeParse("seven77").success).toBe(false);
    expect(ZNewPasswordSchema.safeParse("all lowercase words").success).toBe(true);
    expect(ZNewPasswordSchema.safeParse("x".repeat(64)).success).toBe(true);
    expect(ZNewPasswordSchema.safeParse("x".repeat(129)).success).toBe(false);
  });

  it("refuses unknown keys (no mass assignment) and unknown time zones", () => {
    const base = { name: "A", email: "a@example.org", password: "long enough words", timeZone: "Europe/Rome" };
    expect(ZSignUpSchema.safeParse(base).success).toBe(true);
    expect(ZSignUpSchema.safeParse({ ...base, role: "client" }).success).toBe(false);
    expect(ZSignUpSchema.safeParse({ ...base, timeZone: "Europe/Atlantis" }).success).toBe(false);
  });

  it("wants a new password different from the current one, reported on the new-password field", () => {
    const result = ZChangePasswordSchema.safeParse({ currentPassword: "same old words", newPassword: "same old words" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["newPassword"]);
  });
});
