// The tRPC HTTP layer as a browser meets it: field-level errors for bad
// input, no stack traces, and a 503 rather than a 500 when Postgres is down.
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "@/server/api/root";
import { createDb } from "@/server/db/client";
import { connectTestDb } from "../support/db";

const db = connectTestDb();

function call(path: string, body: unknown, context = { db, user: null, meta: { ip: "127.0.0.1", userAgent: "test" } }) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    router: appRouter,
    createContext: () => context,
    req: new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  });
}

describe("tRPC over HTTP", () => {
  it("answers malformed input with 400 and a message per field, never a stack", async () => {
    const response = await call("auth.finishSignUp", { json: { token: "short", name: "", password: 42, timeZone: "UTC" } });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(/stack|at .*\.ts:\d+/);
    const body = JSON.parse(text);
    expect(body.error.json.message).toBe("Some answers need another look.");
    expect(Object.keys(body.error.json.data.fieldErrors).sort()).toEqual(["name", "password", "token"]);
  });

  it("answers input of the wrong shape entirely with a 4xx", async () => {
    const response = await call("auth.signUp", { json: ["not", "an", "object"] });
    expect(response.status).toBe(400);
  });

  it("answers 503 with a plain message when the database is unreachable", async () => {
    const unreachable = createDb("postgresql://postgres@127.0.0.1:1/none");
    const response = await call(
      "auth.signUp",
      { json: { email: "a.person@example.org" } },
      { db: unreachable, user: null, meta: { ip: "127.0.0.1", userAgent: "test" } },
    );
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body.error.json.message).toMatch(/can't reach its database/);
    await unreachable.$disconnect();
  });
});
