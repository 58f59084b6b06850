import { describe, expect, it } from "vitest";
import { ZChangePasswordSchema, ZEmailSchema, ZFinishSignUpSchema, ZNewPasswordSchema, ZSignUpSchema } from "./account";

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
    expect(ZSignUpSchema.safeParse({ email: "a@example.org" }).success).toBe(true);
    expect(ZSignUpSchema.safeParse({ email: "a@example.org", role: "client" }).success).toBe(false);
    const base = { token: "t".repeat(43), name: "A", password: "long enough words", timeZone: "Europe/Rome" };
    expect(ZFinishSignUpSchema.safeParse(base).success).toBe(true);
    expect(ZFinishSignUpSchema.safeParse({ ...base, role: "therapist" }).success).toBe(false);
    expect(ZFinishSignUpSchema.safeParse({ ...base, timeZone: "Europe/Atlantis" }).success).toBe(false);
  });

  it("wants a new password different from the current one, reported on the new-password field", () => {
    const result = ZChangePasswordSchema.safeParse({ currentPassword: "same old words", newPassword: "same old words" });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(["newPassword"]);
  });
});
