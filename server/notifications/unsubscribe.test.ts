import { beforeAll, describe, expect, it } from "vitest";
import { setEnvForChildren } from "../env";
import { unsubscribeToken, verifyUnsubscribeToken } from "./unsubscribe";

const USER = "0190f5b2-3c4d-7e8f-9a0b-1c2d3e4f5a6b";

describe("unsubscribe tokens", () => {
  beforeAll(() => setEnvForChildren({ NEXTAUTH_SECRET: "unit-test-secret-0123456789abcdef0123456789" }));

  it("round-trips the person and the kind", () => {
    const token = unsubscribeToken({ userId: USER, kind: "agenda_reminder" });
    expect(verifyUnsubscribeToken(token)).toEqual({ userId: USER, kind: "agenda_reminder" });
  });

  it("refuses a token whose payload or signature was changed, or that is malformed", () => {
    const token = unsubscribeToken({ userId: USER, kind: "agenda_reminder" });
    const [, signature] = token.split(".");
    const otherPayload = Buffer.from(`${USER}:daily_digest`).toString("base64url");
    expect(verifyUnsubscribeToken(`${otherPayload}.${signature}`)).toBeNull();
    expect(verifyUnsubscribeToken(`${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken(token.slice(0, -2))).toBeNull();
    for (const bad of ["", ".", "a.b.c", "no-dot", null, 42, "x".repeat(1000)]) {
      expect(verifyUnsubscribeToken(bad)).toBeNull();
    }
  });

  it("is bound to the secret: another secret's token does not verify", () => {
    const token = unsubscribeToken({ userId: USER, kind: "homework_due" });
    setEnvForChildren({ NEXTAUTH_SECRET: "another-secret-0123456789abcdef0123456789ab" });
    expect(verifyUnsubscribeToken(token)).toBeNull();
  });
});
