// Structured logs (server/log.ts): one JSON line per tRPC call carrying the
// request id, the user id and the route, and never the text people write,
// their passwords or their tokens.
//
// Calls go through the real HTTP handler (app/api/trpc/[trpc]/route.ts),
// signed in through next-auth's credentials flow, with canaries in a journal
// entry, a private session note, a client takeaway, a homework reflection,
// messages between sessions, passwords and tokens: calls that succeed, calls refused by validation,
// calls refused by the domain, and one that fails inside Postgres with an
// error quoting the canary. Every line the process logger wrote meanwhile is
// parsed, and none may hold any canary.
import { appRoute, setNextAuthTestEnv, signInThroughNextAuth } from "../support/next-route";
import { randomUUID } from "node:crypto";
import superjson from "superjson";
import { afterAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as trpcRouteFile from "@/app/api/trpc/[trpc]/route";
import { getDb } from "@/server/db/client";
import { seedCast, TEST_PASSWORD, uniqueEmail, type TCast } from "../factories";
import { connectTestDb } from "../support/db";
import { captureLogs } from "../support/logs";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/request-meta";
import { issueEmailProof } from "@/server/auth/email-proofs";

setNextAuthTestEnv();

const db = connectTestDb();
// The route reads through the app's own client; close it with the file.
afterAll(() => getDb().$disconnect());

const trpcRoute = appRoute("/api/trpc/[trpc]/route", trpcRouteFile);
const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);

/** Every canary starts with this, so a truncated leak is caught too. */
const PREFIX = "LOGCANARY";

function canary(label: string): string {
  return `${PREFIX}${label}${randomUUID().replaceAll("-", "")}`;
}

/** 43 base64url characters: passes the token schemas, so the domain code sees it. */
function canaryToken(label: string): string {
  return canary(label).slice(0, 43);
}

type TCall = {
  path: string;
  type: "query" | "mutation";
  input: unknown;
  cookie: string | null;
  requestId?: string;
};

let addressCounter = 0;

async function call({ path, type, input, cookie, requestId }: TCall): Promise<Response> {
  addressCounter += 1;
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: `10.91.${addressCounter % 250}.7`, "user-agent": "vitest-logs" });
  if (requestId) headers.set("x-request-id", requestId);
  if (cookie) headers.set("cookie", cookie);
  const url = new URL(`http://localhost/api/trpc/${path}`);
  const payload = JSON.stringify(superjson.serialize(input as never));
  if (type === "query") {
    url.searchParams.set("input", payload);
    return trpcRoute(new Request(url, { headers }), { trpc: path });
  }
  headers.set("content-type", "application/json");
  return trpcRoute(new Request(url, { method: "POST", headers, body: payload }), { trpc: path });
}

/**
 * A trigger that refuses sessions at a canary place, quoting the place in the
 * message and in `detail` as Postgres does. (A session's place is typed text
 * that Postgres sees as it is; goal text now reaches it sealed.)
 */
async function refuseCanarySessions(): Promise<() => Promise<void>> {
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION logs_test_refuse_session() RETURNS trigger AS $$
    BEGIN
      IF NEW.location LIKE '${PREFIX}%' THEN
        RAISE EXCEPTION 'session refused: %', NEW.location USING DETAIL = 'Key (location)=(' || NEW.location || ') is refused.';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db.$executeRawUnsafe(`
    CREATE OR REPLACE TRIGGER logs_test_refuse_session BEFORE INSERT ON therapy_sessions
    FOR EACH ROW EXECUTE FUNCTION logs_test_refuse_session()`);
  return async () => {
    await db.$executeRawUnsafe("DROP TRIGGER IF EXISTS logs_test_refuse_session ON therapy_sessions");
    await db.$executeRawUnsafe("DROP FUNCTION IF EXISTS logs_test_refuse_session()");
  };
}

type TExpected = TCall & { userId: string | null; status: number; code?: string; level?: string };

function plan(cast: TCast, cookies: { therapist: string; client: string }, c: Record<string, string>): TExpected[] {
  const client = { cookie: cookies.client, userId: cast.client.id };
  const therapist = { cookie: cookies.therapist, userId: cast.therapist.id };
  const signedOut = { cookie: null, userId: null };
  const sessionId = cast.session.id;
  const occurrenceId = cast.homework.openOccurrence.id;
  return [
    // Written and accepted.
    { ...client, path: "journal.create", type: "mutation", input: { body: c.journal, mood: 4 }, status: 200 },
    { ...therapist, path: "session.saveNote", type: "mutation", input: { sessionId, kind: "therapist_private", body: c.privateNote }, status: 200 },
    { ...client, path: "session.saveNote", type: "mutation", input: { sessionId, kind: "client_takeaway", body: c.takeaway }, status: 200 },
    {
      ...client,
      path: "homework.complete",
      type: "mutation",
      input: { occurrenceId, status: "partly_done", response: c.reflection, obstacle: c.obstacle, difficulty: 2, helpfulness: 3 },
      status: 200,
    },
    {
      ...client,
      path: "message.send",
      type: "mutation",
      input: { engagementId: cast.engagement.id, text: c.message, replyToId: cast.messages.fromTherapist.id },
      status: 200,
    },
    { ...signedOut, path: "auth.signUp", type: "mutation", input: { email: uniqueEmail("logs") }, status: 200 },
    {
      ...signedOut,
      path: "auth.finishSignUp",
      type: "mutation",
      input: { token: c.signUpToken, name: "Logan Test", password: c.signUpPassword, timeZone: "Europe/London" },
      status: 200,
    },
    { ...signedOut, path: "auth.checkResetToken", type: "mutation", input: { token: c.checkedToken }, status: 200 },
    {
      ...therapist,
      path: "goal.create",
      type: "mutation",
      input: { engagementId: cast.engagement.id, title: c.goalTitle, description: c.goalDescription, steps: [c.goalStep] },
      status: 200,
    },
    // Refused by validation, the canary in the input.
    { ...client, path: "journal.create", type: "mutation", input: { body: c.invalidJournal, mood: 99 }, status: 400, code: "BAD_REQUEST" },
    {
      ...client,
      path: "homework.complete",
      type: "mutation",
      input: { occurrenceId, status: "done", response: c.invalidReflection, unexpected: c.invalidExtra },
      status: 400,
      code: "BAD_REQUEST",
    },
    {
      ...client,
      path: "account.changePassword",
      type: "mutation",
      input: { currentPassword: c.samePassword, newPassword: c.samePassword },
      status: 400,
      code: "BAD_REQUEST",
    },
    { ...signedOut, path: "auth.checkResetToken", type: "mutation", input: { token: `${c.malformedToken}!` }, status: 400, code: "BAD_REQUEST" },
    // Refused inside the domain code, which saw the canary.
    // A reply-only client starting a thread.
    { ...client, path: "message.send", type: "mutation", input: { engagementId: cast.engagement.id, text: c.startedMessage }, status: 403, code: "FORBIDDEN" },
    {
      ...client,
      path: "account.changePassword",
      type: "mutation",
      input: { currentPassword: c.wrongPassword, newPassword: c.newPassword },
      status: 400,
      code: "BAD_REQUEST",
    },
    {
      ...signedOut,
      path: "auth.resetPassword",
      type: "mutation",
      input: { token: c.resetToken, newPassword: c.resetPassword, confirmPassword: c.resetPassword },
      status: 404,
      code: "NOT_FOUND",
    },
    { ...signedOut, path: "account.confirmEmailChange", type: "mutation", input: { token: c.emailToken }, status: 404, code: "NOT_FOUND" },
    // Fails inside Postgres, whose error quotes the canary.
    {
      ...therapist,
      path: "session.schedule",
      type: "mutation",
      input: { engagementId: cast.engagement.id, day: "2031-03-04", time: "10:00", durationMinutes: 50, location: c.sessionPlace },
      status: 500,
      code: "INTERNAL_SERVER_ERROR",
      level: "error",
    },
  ];
}

describe("structured logs", () => {
  it("writes one JSON line per call with its request id, user id and route, and no written text, password or token", async () => {
    const cast = await seedCast(db);
    const [therapistCookie, clientCookie] = await Promise.all([
      signInThroughNextAuth(authRoute, { email: cast.therapist.email, password: TEST_PASSWORD }, "10.91.250.1"),
      signInThroughNextAuth(authRoute, { email: cast.client.email, password: TEST_PASSWORD }, "10.91.250.2"),
    ]);
    const c = Object.fromEntries(
      [
        "journal",
        "privateNote",
        "takeaway",
        "reflection",
        "obstacle",
        "signUpPassword",
        "invalidJournal",
        "invalidReflection",
        "invalidExtra",
        "samePassword",
        "wrongPassword",
        "newPassword",
        "resetPassword",
        "signInPassword",
        "goalTitle",
        "goalDescription",
        "goalStep",
        "sessionPlace",
        "message",
        "startedMessage",
      ].map((label) => [label, canary(label)]),
    );
    for (const label of ["checkedToken", "malformedToken", "resetToken", "emailToken"]) c[label] = canaryToken(label);
    // A real sign-up link (random, like every token): it must stay out of the logs too.
    c.signUpToken = await issueEmailProof(db, { purpose: "therapist_sign_up", email: uniqueEmail("logs-finish"), expiresAt: new Date(Date.now() + 3_600_000) });
    const calls = plan(cast, { therapist: therapistCookie, client: clientCookie }, c);

    const stopRefusing = await refuseCanarySessions();
    // The failure below has teeth: Postgres's own error quotes the value.
    await expect(
      db.$executeRawUnsafe(
        `INSERT INTO therapy_sessions (id, engagement_id, starts_at, location, created_by_id, updated_at) VALUES ($1::uuid, $2::uuid, now(), $3, $4::uuid, now())`,
        randomUUID(),
        cast.engagement.id,
        c.sessionPlace,
        cast.therapist.id,
      ),
    ).rejects.toThrow(c.sessionPlace);

    const logs = captureLogs();
    const seen: { call: TExpected; requestId: string; response: Response }[] = [];
    try {
      for (const expected of calls) {
        const requestId = `log-test-${randomUUID()}`;
        const response = await call({ ...expected, requestId });
        seen.push({ call: expected, requestId, response });
      }
      // A wrong password at sign-in goes through next-auth's route, not tRPC.
      await expect(
        signInThroughNextAuth(authRoute, { email: cast.client.email, password: c.signInPassword }, "10.91.250.3"),
      ).rejects.toThrow();
      // Without a usable x-request-id the handler makes one and says which.
      const unnamed = await call({ path: "account.me", type: "query", input: undefined, cookie: clientCookie, requestId: "not a sane id" });
      expect(unnamed.status).toBe(200);
      const generated = unnamed.headers.get("x-request-id");
      expect(generated).toMatch(/^[0-9a-f-]{36}$/);
      seen.push({
        call: { path: "account.me", type: "query", input: undefined, cookie: clientCookie, userId: cast.client.id, status: 200 },
        requestId: generated!,
        response: unnamed,
      });
    } finally {
      logs.stop();
      await stopRefusing();
    }

    const lines = logs.lines();
    for (const { call: expected, requestId, response } of seen) {
      const label = `${expected.path} (${expected.code ?? "ok"})`;
      expect(response.status, label).toBe(expected.status);
      expect(response.headers.get("x-request-id"), label).toBe(requestId);
      const mine = lines.filter((line) => line.requestId === requestId);
      expect(mine, label).toHaveLength(1);
      const [line] = mine;
      expect(line, label).toMatchObject({ route: expected.path, userId: expected.userId, ok: !expected.code, level: expected.level ?? "info" });
      expect(typeof line.durationMs, label).toBe("number");
      if (expected.code) expect(line.code, label).toBe(expected.code);
      if (expected.code === "INTERNAL_SERVER_ERROR") {
        // What failed and where: the driver's error kind and our frames, not its message.
        const err = line.err as { name?: unknown; frames?: unknown };
        expect(typeof err.name, label).toBe("string");
        expect(Array.isArray(err.frames) && err.frames.length > 0, label).toBe(true);
      }
    }

    const text = logs.text();
    for (const [label, value] of Object.entries(c)) expect(text, label).not.toContain(value);
    expect(text).not.toContain(PREFIX);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain(cast.client.email);
  });
});
