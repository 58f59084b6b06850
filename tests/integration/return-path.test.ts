// Where next-auth sends a browser after signing in and out, through its real
// route: whatever callbackUrl a page (or an attacker's link) supplies, the
// answer is a URL of this site (lib/auth/return-path.ts, server/auth/options.ts).
import { appRoute, setNextAuthTestEnv } from "../support/next-route";
import { afterAll, describe, expect, it } from "vitest";
import * as authRouteFile from "@/app/api/auth/[...nextauth]/route";
import { getDb } from "@/server/db/client";
import { seedClient, TEST_PASSWORD } from "../factories";
import { connectTestDb } from "../support/db";

setNextAuthTestEnv();
const db = connectTestDb();
const authRoute = appRoute("/api/auth/[...nextauth]/route", authRouteFile);
const origin = "http://localhost";

afterAll(() => getDb().$disconnect());

function cookiePairs(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
}

async function csrf(): Promise<{ csrfToken: string; cookies: string[] }> {
  const response = await authRoute(new Request(`${origin}/api/auth/csrf`), { nextauth: ["csrf"] });
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookies: cookiePairs(response) };
}

async function post(action: string[], fields: Record<string, string>, cookies: string[]): Promise<Response> {
  return authRoute(
    new Request(`${origin}/api/auth/${action.join("/")}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookies.join("; ") },
      body: new URLSearchParams({ ...fields, json: "true" }).toString(),
    }),
    { nextauth: action },
  );
}

/** Signs in with `callbackUrl`, then signs out with it; both URLs next-auth answers. */
async function answeredUrls(email: string, callbackUrl: string): Promise<{ signIn: string; signOut: string }> {
  const first = await csrf();
  const signedIn = await post(["callback", "credentials"], { csrfToken: first.csrfToken, email, password: TEST_PASSWORD, callbackUrl }, first.cookies);
  const signIn = ((await signedIn.json()) as { url: string }).url;
  const session = cookiePairs(signedIn).find((cookie) => cookie.startsWith("next-auth.session-token="));
  expect(session, "signed in").toBeDefined();
  const second = await csrf();
  const signedOut = await post(["signout"], { csrfToken: second.csrfToken, callbackUrl }, [...second.cookies, session!]);
  const signOut = ((await signedOut.json()) as { url: string }).url;
  return { signIn, signOut };
}

describe("next-auth's redirect after signing in and out", () => {
  it("keeps a path or a URL of this site", async () => {
    const client = await seedClient(db);
    expect(await answeredUrls(client.email, "/journal")).toEqual({ signIn: `${origin}/journal`, signOut: `${origin}/journal` });
    expect(await answeredUrls(client.email, `${origin}/clients/abc?tab=goals#notes`)).toMatchObject({
      signIn: `${origin}/clients/abc?tab=goals#notes`,
    });
  });

  it.each([
    "/\t/evil.example",
    "/%09/evil.example",
    `${origin}/%09/evil.example`,
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/sign-in",
    "http://localhost.evil.example/",
    "http://user@localhost/",
    "javascript:alert(1)",
  ])("sends %j to this site's home instead", async (callbackUrl) => {
    const client = await seedClient(db);
    expect(await answeredUrls(client.email, callbackUrl)).toEqual({ signIn: `${origin}/`, signOut: `${origin}/` });
  });
});
