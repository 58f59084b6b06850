import { afterEach, describe, expect, it, vi } from "vitest";
import { isRefusal, isUnreached, refusalReason } from "./errors";

const answer = (code: string, httpStatus: number, message = "No.") => ({ message, data: { code, httpStatus } });

afterEach(() => vi.unstubAllGlobals());

describe("reading a failed call for the outbox", () => {
  it("keeps words waiting when the server was not reached, and marks a refusal only when the server answered one", () => {
    vi.stubGlobal("navigator", { onLine: true });
    const noAnswer = Object.assign(new Error("Failed to fetch"), { data: undefined });
    expect([isUnreached(noAnswer), isRefusal(noAnswer)]).toEqual([true, false]);
    for (const code of ["BAD_REQUEST", "NOT_FOUND", "FORBIDDEN", "CONFLICT"]) {
      const status = { BAD_REQUEST: 400, NOT_FOUND: 404, FORBIDDEN: 403, CONFLICT: 409 }[code]!;
      expect([isUnreached(answer(code, status)), isRefusal(answer(code, status))]).toEqual([false, true]);
    }
    // Signed out, too many requests, a server error: not the words' fault; they wait.
    expect(isRefusal(answer("UNAUTHORIZED", 401))).toBe(false);
    expect(isRefusal(answer("TOO_MANY_REQUESTS", 429))).toBe(false);
    expect(isRefusal(answer("INTERNAL_SERVER_ERROR", 500))).toBe(false);
    expect(refusalReason(answer("BAD_REQUEST", 400, "This session is over."))).toBe("This session is over.");
  });

  it("treats any failure while the browser says it is offline as not reached", () => {
    vi.stubGlobal("navigator", { onLine: false });
    expect(isUnreached(answer("BAD_REQUEST", 400))).toBe(true);
  });
});
