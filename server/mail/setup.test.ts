import { describe, expect, it } from "vitest";
import { MAIL_NOT_SET_UP, mailSetupRefusal, type TMailSetup } from "./setup";

const real: TMailSetup = { hasDatabaseUrl: true, isDemo: false, hasSmtpUrl: false, isOutboxChosen: false };

describe("mailSetupRefusal", () => {
  it("stops a real installation that would send nothing and say nothing", () => {
    expect(mailSetupRefusal(real)).toBe(MAIL_NOT_SET_UP);
  });

  it("starts a real installation with SMTP_URL, or with the outbox chosen on purpose", () => {
    expect(mailSetupRefusal({ ...real, hasSmtpUrl: true })).toBeNull();
    expect(mailSetupRefusal({ ...real, isOutboxChosen: true })).toBeNull();
    expect(mailSetupRefusal({ ...real, hasSmtpUrl: true, isOutboxChosen: true })).toBeNull();
  });

  it("starts the demo, with or without DATABASE_URL, with no mail settings at all", () => {
    expect(mailSetupRefusal({ ...real, hasDatabaseUrl: false, isDemo: true })).toBeNull();
    expect(mailSetupRefusal({ ...real, hasDatabaseUrl: false, isDemo: false })).toBeNull();
    expect(mailSetupRefusal({ ...real, isDemo: true })).toBeNull();
  });

  it("says what to set in one sentence", () => {
    expect(MAIL_NOT_SET_UP).toMatch(/^[^.]*SMTP_URL[^.]*MAIL_OUTBOX_DIR[^.]*\(see \.env\.example\)\.$/);
  });
});
