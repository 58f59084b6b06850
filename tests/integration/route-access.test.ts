// The authorization matrix for route handlers outside tRPC (docs/security-and-
// privacy.md): every `app/**/route.ts` has a row saying who may call it,
// and a cross-tenant case run as {signed out, the client, another client, the
// therapist, another therapist} on the first pair's records, each route file
// run the way `next start` runs it with a real next-auth session cookie. The
// suite fails on a route file without a row (or a row without its file).
// Answers to anyone the row doesn't name must not hold the pair's record.
import { randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { appRoute, setNextAuthTestEnv, signInThroughNextAuth, type TRouteCall, type TRouteParams } from "../support/next-route";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import * as clientExportRouteFile from "@/app/api/account/export/route";
import * as templatesExportRouteFile from "@/app/api/account/templates-export/route";
import * as engagementExportRouteFile from "@/app/api/engagements/[engagementId]/export/route";
import * as icsRouteFile from "@/app/api/sessions/[sessionId]/ics/route";
import * as liveSessionRouteFile from "@/app/api/live/sessions/[sessionId]/route";
import * as liveMeRouteFile from "@/app/api/live/me/route";
import * as liveConversationRouteFile from "@/app/api/live/conversations/[engagementId]/route";
import * as trpcRouteFile from "@/app/api/trpc/[trpc]/route";
import * as healthRouteFile from "@/app/api/health/route";
import * as readyRouteFile from "@/app/api/health/ready/route";
import * as formFallbackRouteFile from "@/app/api/form-fallback/route";
import * as unsubscribeRouteFile from "@/app/api/unsubscribe/route";
import * as benchRawRouteFile from "@/app/api/bench/raw/route";
import * as voiceMemoUploadRouteFile from "@/app/api/voice-memos/route";
import * as voiceMemoPlaybackRouteFile from "@/app/api/voice-memos/[memoId]/route";
import * as serviceWorkerRouteFile from "@/app/serwist/[path]/route";
import { getDb } from "@/server/db/client";
import { unsubscribeToken } from "@/server/notifications/unsubscribe";
import { channelFor } from "@/server/notifications/preferences";
import { MEMO_FIXTURE, seedCast, seedTemplate, TEST_PASSWORD, type TCast } from "../factories";
import { connectTestDb } from "../support/db";

setNextAuthTestEnv();
const db = connectTestDb();

type TActor = "signedOut" | "client" | "otherClient" | "therapist" | "otherTherapist";
const ACTORS: TActor[] = ["signedOut", "client", "otherClient", "therapist", "otherTherapist"];

type TRouteRow = {
  /** Who may call it, in words. */
  who: string;
  call: TRouteCall;
  /** A string body goes as a form; a binary one with the content-type its `headers` name. */
  request: (cast: TCast) => {
    url: string;
    params?: TRouteParams;
    method?: "GET" | "POST";
    body?: string | Uint8Array<ArrayBuffer>;
    headers?: Record<string, string>;
  };
  /** The status each actor gets on the first pair's records. */
  expect: Record<TActor, number>;
  /** Something of the pair's record; in the answers of `seenBy` only, never anyone else's. */
  holds: (cast: TCast) => string;
  seenBy: TActor[];
  /** A streamed answer (server-sent events): only its status is read, then the browser goes away. */
  isStream?: boolean;
  /** What must hold afterwards for this actor (e.g. the other person's settings untouched). */
  after?: (cast: TCast, actor: TActor) => Promise<void>;
};

const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);
const trpcInput = (json: unknown) => encodeURIComponent(JSON.stringify({ json }));

export const ROUTES: Record<string, TRouteRow> = {
  "/api/account/export": {
    who: "a client: their own record as a file",
    call: appRoute("/api/account/export/route", clientExportRouteFile),
    request: () => ({ url: "/api/account/export" }),
    expect: { signedOut: 401, client: 200, otherClient: 200, therapist: 404, otherTherapist: 404 },
    holds: (cast) => cast.client.email,
    seenBy: ["client"],
  },
  "/api/account/templates-export": {
    who: "a therapist: their own template library",
    call: appRoute("/api/account/templates-export/route", templatesExportRouteFile),
    request: () => ({ url: "/api/account/templates-export" }),
    expect: { signedOut: 401, client: 404, otherClient: 404, therapist: 200, otherTherapist: 200 },
    holds: () => templateTitle,
    seenBy: ["therapist"],
  },
  "/api/engagements/[engagementId]/export": {
    who: "the engagement's therapist: one client's record",
    call: appRoute("/api/engagements/[engagementId]/export/route", engagementExportRouteFile),
    request: (cast) => ({ url: `/api/engagements/${cast.engagement.id}/export`, params: { engagementId: cast.engagement.id } }),
    expect: { signedOut: 401, client: 404, otherClient: 404, therapist: 200, otherTherapist: 404 },
    holds: (cast) => cast.client.email,
    seenBy: ["therapist"],
  },
  "/api/sessions/[sessionId]/ics": {
    who: "either person of the session's engagement",
    call: appRoute("/api/sessions/[sessionId]/ics/route", icsRouteFile),
    request: (cast) => ({ url: `/api/sessions/${cast.session.id}/ics`, params: { sessionId: cast.session.id } }),
    expect: { signedOut: 401, client: 200, otherClient: 404, therapist: 200, otherTherapist: 404 },
    holds: (cast) => cast.session.id,
    seenBy: ["client", "therapist"],
  },
  "/api/live/sessions/[sessionId]": {
    who: "either person of the session's engagement (the same rule as the session)",
    call: appRoute("/api/live/sessions/[sessionId]/route", liveSessionRouteFile),
    request: (cast) => ({ url: `/api/live/sessions/${cast.session.id}`, params: { sessionId: cast.session.id } }),
    expect: { signedOut: 401, client: 200, otherClient: 404, therapist: 200, otherTherapist: 404 },
    holds: (cast) => cast.session.id,
    seenBy: [],
    isStream: true,
  },
  "/api/live/conversations/[engagementId]": {
    who: "either person of the engagement (the same rule as its conversation, readable after the work ends)",
    call: appRoute("/api/live/conversations/[engagementId]/route", liveConversationRouteFile),
    request: (cast) => ({ url: `/api/live/conversations/${cast.engagement.id}`, params: { engagementId: cast.engagement.id } }),
    expect: { signedOut: 401, client: 200, otherClient: 404, therapist: 200, otherTherapist: 404 },
    holds: (cast) => cast.engagement.id,
    seenBy: [],
    isStream: true,
  },
  "/api/live/me": {
    who: "anyone signed in, for their own notifications: the topic comes from the session, and a user id in the query is ignored",
    call: appRoute("/api/live/me/route", liveMeRouteFile),
    request: (cast) => ({ url: `/api/live/me?user=${cast.client.id}` }),
    expect: { signedOut: 401, client: 200, otherClient: 200, therapist: 200, otherTherapist: 200 },
    holds: (cast) => cast.client.id,
    seenBy: [],
    isStream: true,
  },
  "/api/trpc/[trpc]": {
    who: "per procedure: tests/integration/access-matrix.test.ts; here one record read over HTTP",
    call: appRoute("/api/trpc/[trpc]/route", trpcRouteFile),
    request: (cast) => ({ url: `/api/trpc/goal.byId?input=${trpcInput({ goalId: cast.goal.id })}`, params: { trpc: "goal.byId" } }),
    expect: { signedOut: 401, client: 200, otherClient: 404, therapist: 200, otherTherapist: 404 },
    holds: () => "Sleep before midnight most nights",
    seenBy: ["client", "therapist"],
  },
  "/api/auth/[...nextauth]": {
    who: "anyone: sign-in, sign-out and the session; a cookie only ever yields its own person",
    call: authRoute,
    request: () => ({ url: "/api/auth/session", params: { nextauth: ["session"] } }),
    expect: { signedOut: 200, client: 200, otherClient: 200, therapist: 200, otherTherapist: 200 },
    holds: (cast) => cast.client.id,
    seenBy: ["client"],
  },
  "/api/health": {
    who: "anyone (load balancers): names no one",
    call: appRoute("/api/health/route", healthRouteFile),
    request: () => ({ url: "/api/health" }),
    expect: { signedOut: 200, client: 200, otherClient: 200, therapist: 200, otherTherapist: 200 },
    holds: (cast) => cast.client.email,
    seenBy: [],
  },
  "/serwist/[path]": {
    who: "anyone: the service worker, the same file for everyone (it names no one)",
    call: appRoute("/serwist/[path]/route", serviceWorkerRouteFile),
    request: () => ({ url: "/serwist/sw.js", params: { path: "sw.js" } }),
    expect: { signedOut: 200, client: 200, otherClient: 200, therapist: 200, otherTherapist: 200 },
    holds: (cast) => cast.client.email,
    seenBy: [],
  },
  "/api/health/ready": {
    who: "anyone (load balancers): names no one",
    call: appRoute("/api/health/ready/route", readyRouteFile),
    request: () => ({ url: "/api/health/ready" }),
    expect: { signedOut: 200, client: 200, otherClient: 200, therapist: 200, otherTherapist: 200 },
    holds: (cast) => cast.client.email,
    seenBy: [],
  },
  "/api/form-fallback": {
    who: "anyone: a form submitted without JavaScript is sent to a page that explains; nothing is read or saved",
    call: appRoute("/api/form-fallback/route", formFallbackRouteFile),
    request: (cast) => ({ url: "/api/form-fallback", method: "POST", body: `email=${encodeURIComponent(cast.client.email)}` }),
    expect: { signedOut: 303, client: 303, otherClient: 303, therapist: 303, otherTherapist: 303 },
    holds: (cast) => cast.client.email,
    seenBy: [],
  },
  "/api/unsubscribe": {
    who: "whoever holds the signed link: it stops that kind of e-mail for the person it names, never for the caller",
    call: appRoute("/api/unsubscribe/route", unsubscribeRouteFile),
    request: (cast) => ({
      url: `/api/unsubscribe?token=${encodeURIComponent(unsubscribeToken({ userId: cast.client.id, kind: "session_scheduled" }))}`,
      method: "POST",
      body: "List-Unsubscribe=One-Click",
    }),
    expect: { signedOut: 200, client: 200, otherClient: 200, therapist: 200, otherTherapist: 200 },
    holds: (cast) => cast.client.email,
    seenBy: [],
    after: async (cast, actor) => {
      expect(await channelFor(db, cast.client.id, "session_scheduled")).not.toBe("email");
      // The caller's own choices are untouched: the link names the client, not whoever is signed in.
      if (actor !== "signedOut" && actor !== "client") {
        expect(await db.notificationPreference.count({ where: { userId: cast[actor].id } })).toBe(0);
      }
    },
  },
  "/api/voice-memos": {
    who: "a client: a new voice memo of their own (a draft until they place it), from Alliance's own pages",
    call: appRoute("/api/voice-memos/route", voiceMemoUploadRouteFile),
    request: () => ({
      url: "/api/voice-memos",
      method: "POST",
      body: new Uint8Array(MEMO_FIXTURE),
      headers: { "content-type": "audio/webm", "x-alliance-upload": "1" },
    }),
    expect: { signedOut: 401, client: 201, otherClient: 201, therapist: 404, otherTherapist: 404 },
    // The answer names only the new memo, never the pair's.
    holds: (cast) => cast.voiceMemos.onAgenda.id,
    seenBy: [],
    after: async (cast, actor) => {
      // A client's upload is their own draft, placed nowhere (tests/integration/voice-memos.test.ts checks that a refusal stores nothing).
      const owner = actor === "client" || actor === "otherClient" ? cast[actor].id : null;
      if (!owner) return;
      const newest = await db.voiceMemo.findFirst({
        orderBy: { createdAt: "desc" },
        select: { clientId: true, journalEntryId: true, agendaItemId: true, occurrenceId: true },
      });
      expect(newest).toEqual({ clientId: owner, journalEntryId: null, agendaItemId: null, occurrenceId: null });
    },
  },
  "/api/voice-memos/[memoId]": {
    who: "whoever may hear the memo now: its client, and the therapist while it is somewhere of theirs (server/voice/access.ts)",
    call: appRoute("/api/voice-memos/[memoId]/route", voiceMemoPlaybackRouteFile),
    request: (cast) => ({ url: `/api/voice-memos/${cast.voiceMemos.onAgenda.id}`, params: { memoId: cast.voiceMemos.onAgenda.id } }),
    expect: { signedOut: 401, client: 200, otherClient: 404, therapist: 200, otherTherapist: 404 },
    // The WebM doctype in the audio's first bytes.
    holds: () => "webm",
    seenBy: ["client", "therapist"],
  },
  "/api/bench/raw": {
    who: "nobody unless BENCH_ROUTES=true, which only `npm run bench` sets",
    call: appRoute("/api/bench/raw/route", benchRawRouteFile),
    request: (cast) => ({ url: `/api/bench/raw?session=${cast.session.id}&user=${cast.client.id}` }),
    expect: { signedOut: 404, client: 404, otherClient: 404, therapist: 404, otherTherapist: 404 },
    holds: (cast) => cast.client.id,
    seenBy: [],
  },
};

/** Every route file under app, as its path ("/api/sessions/[sessionId]/ics"); route groups are not part of it. */
function routeFiles(): string[] {
  const root = path.join(process.cwd(), "app");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts")
        found.push(`/${path.relative(root, dir).split(path.sep).filter((part) => !/^\(.*\)$/.test(part)).join("/")}`);
    }
  };
  walk(root);
  return found.sort();
}

let cast: TCast;
const cookies: Partial<Record<TActor, string>> = {};
/** A template only the pair's therapist has. */
const templateTitle = `Route-access template ${randomUUID()}`;

beforeAll(async () => {
  cast = await seedCast(db);
  await seedTemplate(db, cast.therapist.id, templateTitle);
  for (const actor of ACTORS) {
    if (actor === "signedOut") continue;
    cookies[actor] = await signInThroughNextAuth(authRoute, { email: cast[actor].email, password: TEST_PASSWORD }, `10.84.0.${ACTORS.indexOf(actor)}`);
  }
});

afterAll(() => getDb().$disconnect());

describe("route handlers", () => {
  it("has a row for every app route file, and a file for every row", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(0);
    expect(files.filter((file) => !(file in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((route) => !files.includes(route))).toEqual([]);
  });

  for (const [route, row] of Object.entries(ROUTES)) {
    for (const actor of ACTORS) {
      it(`${route} as ${actor} → ${row.expect[actor]}`, async () => {
        const { url, params = {}, method = "GET", body, headers: extra = {} } = row.request(cast);
        const browser = new AbortController();
        const headers: Record<string, string> = { "sec-fetch-site": "same-origin" };
        if (cookies[actor]) headers.cookie = cookies[actor];
        if (typeof body === "string") headers["content-type"] = "application/x-www-form-urlencoded";
        Object.assign(headers, extra);
        const response = await row.call(new Request(`http://localhost${url}`, { method, headers, body, signal: browser.signal }), params);
        expect(response.status).toBe(row.expect[actor]);
        if (row.isStream && response.status === 200) {
          browser.abort();
          await response.body?.cancel();
          return;
        }
        const text = await response.text();
        if (row.seenBy.includes(actor)) expect(text).toContain(row.holds(cast));
        else expect(text).not.toContain(row.holds(cast));
        await row.after?.(cast, actor);
      });
    }
  }
});
