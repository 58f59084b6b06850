import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./unavailable";

describe("isDatabaseUnavailable", () => {
  it("recognises a refused connection anywhere in the cause chain", () => {
    const driver = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    expect(isDatabaseUnavailable(new Error("query failed", { cause: new Error("adapter", { cause: driver }) }))).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("shutting down"), { code: "57P01" }))).toBe(true);
  });

  it("recognises Prisma's raw-query wrapping of an unreachable database", () => {
    const wrapped = Object.assign(new Error("Raw query failed. Code: `N/A`."), {
      code: "P2010",
      meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable" } } },
    });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
  });

  it("does not mistake ordinary errors for an outage", () => {
    expect(isDatabaseUnavailable(new Error("Unique constraint failed"))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error("dup"), { code: "P2002" }))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
