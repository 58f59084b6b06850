import { describe, expect, it } from "vitest";
import { dictionary } from "@zxcvbn-ts/language-common";
import {
  assertPasswordAllowed,
  COMMON_PASSWORD_MESSAGE,
  EMAIL_IN_PASSWORD_MESSAGE,
  NAME_IN_PASSWORD_MESSAGE,
  passwordRefusal,
} from "./password-policy";
import { AppError } from "../errors";
import { DEMO_ACCOUNTS, DEMO_COLLEAGUE_CLIENT, DEMO_COLLEAGUES, DEMO_FORMER_THERAPIST, DEMO_PASSWORD } from "./demo-accounts";

const owner = { names: ["Dana Reyes-O'Neill"], email: "d.reyes@example.org" };

describe("passwordRefusal", () => {
  it("draws on a list of at least 10,000 common passwords", () => {
    expect(dictionary["passwords-common"].length).toBeGreaterThanOrEqual(10_000);
  });

  it("refuses common passwords whatever their case or width", async () => {
    for (const password of ["password", "Password123", "QWERTYUIOP", "iloveyou", "1qaz2wsx", "ｐａｓｓｗｏｒｄ", "alliance123"]) {
      expect(await passwordRefusal(password, owner), password).toBe(COMMON_PASSWORD_MESSAGE);
    }
    // From deep in the list, not only its head.
    const fromTheTail = dictionary["passwords-common"].filter((entry) => entry.length >= 8).at(-1)!;
    expect(await passwordRefusal(fromTheTail, owner)).toBe(COMMON_PASSWORD_MESSAGE);
  });

  it("refuses a password holding any part of the name of 3+ letters", async () => {
    expect(await passwordRefusal("danaisgreat2026", owner)).toBe(NAME_IN_PASSWORD_MESSAGE);
    expect(await passwordRefusal("my REYES family tree", owner)).toBe(NAME_IN_PASSWORD_MESSAGE);
    expect(await passwordRefusal("neill of the hills", owner)).toBe(NAME_IN_PASSWORD_MESSAGE);
    // Every name the person goes by (e.g. the one on an invitation).
    expect(await passwordRefusal("kite flying season", { ...owner, names: ["Dana", "Kite Mbeki"] })).toBe(NAME_IN_PASSWORD_MESSAGE);
    // "O" is too short to count; letters of any script count.
    expect(await passwordRefusal("o is just a letter", { names: ["O Li"], email: "x@example.org" })).toBeNull();
    expect(await passwordRefusal("ich heiße Jürgen gern", { names: ["Jürgen Weiß"], email: "x@example.org" })).toBe(
      NAME_IN_PASSWORD_MESSAGE,
    );
  });

  it("refuses a password holding the e-mail address or its local part", async () => {
    expect(await passwordRefusal("D.Reyes@Example.org!", owner)).toBe(EMAIL_IN_PASSWORD_MESSAGE);
    expect(await passwordRefusal("hello d.reyes friend", owner)).toBe(EMAIL_IN_PASSWORD_MESSAGE);
    // A local part under 3 characters is too short to count alone.
    expect(await passwordRefusal("a quiet jo morning", { names: [], email: "jo@example.org" })).toBeNull();
    expect(await passwordRefusal("quiet jo@example.org", { names: [], email: "jo@example.org" })).toBe(EMAIL_IN_PASSWORD_MESSAGE);
  });

  it("lets a long, unusual password through, including the demo one", async () => {
    expect(await passwordRefusal("correct horse battery staple", owner)).toBeNull();
    for (const account of [...DEMO_ACCOUNTS, DEMO_FORMER_THERAPIST, ...DEMO_COLLEAGUES, DEMO_COLLEAGUE_CLIENT]) {
      expect(await passwordRefusal(DEMO_PASSWORD, { names: [account.name], email: account.email }), account.email).toBeNull();
    }
  });
});

describe("assertPasswordAllowed", () => {
  it("throws a field error on the field it is given", async () => {
    const error = await assertPasswordAllowed("password1", owner, "newPassword").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "BAD_REQUEST", fieldErrors: { newPassword: [COMMON_PASSWORD_MESSAGE] } });
    await expect(assertPasswordAllowed("a tune only we hum", owner, "password")).resolves.toBeUndefined();
  });
});
