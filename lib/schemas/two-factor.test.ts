import { describe, expect, it } from "vitest";
import { isRecoveryCodeShape, normaliseRecoveryCode, ZAuthenticatorCodeSchema, ZSecondFactorSchema } from "./two-factor";

describe("two-step sign-in schemas", () => {
  it("takes a 6-digit code typed with spaces or a dash, and nothing else", () => {
    expect(ZAuthenticatorCodeSchema.parse(" 123 456 ")).toBe("123456");
    expect(ZAuthenticatorCodeSchema.parse("123-456")).toBe("123456");
    for (const bad of ["12345", "1234567", "abcdef", "", "1".repeat(33)]) {
      expect(ZAuthenticatorCodeSchema.safeParse(bad).success).toBe(false);
    }
  });

  it("reads recovery codes whatever their case, and look-alike letters as Crockford does", () => {
    expect(normaliseRecoveryCode("AB12-CD34-EF56")).toBe("ab12cd34ef56");
    expect(normaliseRecoveryCode("oiL0-0000-0000")).toBe("011000000000");
    expect(isRecoveryCodeShape("ab12-cd34-ef56-gh78")).toBe(true);
    expect(isRecoveryCodeShape("ab12-cd34-ef56")).toBe(true); // a code made before they grew to 80 bits
    expect(isRecoveryCodeShape("ab12-cd34-ef56-gh7")).toBe(false);
    expect(isRecoveryCodeShape("ab12-cd34-ef5")).toBe(false);
    expect(isRecoveryCodeShape("ab12-cd34-ef56-gh7u")).toBe(false); // no u in the alphabet
  });

  it("lets sign-in take either kind of code", () => {
    expect(ZSecondFactorSchema.safeParse("123456").success).toBe(true);
    expect(ZSecondFactorSchema.safeParse("ab12-cd34-ef56-gh78").success).toBe(true);
    expect(ZSecondFactorSchema.safeParse("hello").success).toBe(false);
  });
});
