// Runs an App Router route file in-process the way `next start` does, with
// no port: Next's own AppRouteRouteModule wraps each call in the request
// scope that `headers()` and `cookies()` read, so next-auth's
// getServerSession, the tRPC context and the exported GET/POST run exactly as
// in production. Import this module before any route file: Next's
// request-scope storage is created when its modules load and needs Node's
// AsyncLocalStorage on globalThis first (next-server sets it the same way).
import "next/dist/server/node-environment-baseline";
import { NextRequest } from "next/server";
import { AppRouteRouteModule } from "next/dist/server/route-modules/app-route/module";
import type { RouteKind } from "next/dist/server/route-kind";
import { setEnvForChildren } from "@/server/env";
import { CLIENT_ADDRESS_HEADER } from "@/server/auth/request-meta";

export type TRouteParams = Record<string, string | string[]>;
export type TRouteCall = (request: Request, params: TRouteParams) => Promise<Response>;

/** `page` as Next names it, e.g. "/api/trpc/[trpc]/route"; `userland` the imported route file. */
export function appRoute(page: string, userland: object): TRouteCall {
  const routeModule = new AppRouteRouteModule({
    definition: {
      // A const enum, which isolated modules cannot read: its value, typed.
      kind: "APP_ROUTE" as RouteKind.APP_ROUTE,
      page,
      pathname: page.replace(/\/route$/, ""),
      filename: "route",
      bundlePath: `app${page}`,
    },
    distDir: ".next",
    relativeProjectDir: "",
    resolvedPagePath: `app${page}.ts`,
    nextConfigOutput: undefined,
    // Next passes a lazy require of the route file; the module is already loaded here.
    userland: (() => userland) as never,
  });
  return (request, params) =>
    routeModule.handle(new NextRequest(request), {
      params,
      // Draft mode is never enabled in these tests; the keys only need to exist.
      previewProps: { previewModeId: "test", previewModeEncryptionKey: "test", previewModeSigningKey: "test" },
      renderOpts: {
        experimental: { authInterrupts: false, durableUseCacheEntries: false },
        cacheComponents: false,
        isDraftMode: false,
        onClose: () => {},
        onAfterTaskError: undefined,
        waitUntil: undefined,
      },
      sharedContext: { buildId: "test", deploymentId: "" },
    } as unknown as Parameters<AppRouteRouteModule["handle"]>[1]);
}

/** What next-auth needs to sign cookies outside `npm start`: any 32+ character secret, and where it lives. */
export function setNextAuthTestEnv(): void {
  setEnvForChildren({ NEXTAUTH_SECRET: "route-test-secret-0123456789abcdef0123456789", NEXTAUTH_URL: "http://localhost" });
}

function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((cookie) => cookie.split(";")[0]);
}

/**
 * Signs in through next-auth's real credentials flow (CSRF token, then the
 * callback) and returns the session cookie a browser would send back.
 */
export async function signInThroughNextAuth(
  authRoute: TRouteCall,
  credentials: { email: string; password: string },
  ip: string,
): Promise<string> {
  const origin = "http://localhost";
  const csrf = await authRoute(new Request(`${origin}/api/auth/csrf`), { nextauth: ["csrf"] });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const signedIn = await authRoute(
    new Request(`${origin}/api/auth/callback/credentials`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: cookiesOf(csrf).join("; "),
        [CLIENT_ADDRESS_HEADER]: ip,
      },
      body: new URLSearchParams({ csrfToken, ...credentials, json: "true" }).toString(),
    }),
    { nextauth: ["callback", "credentials"] },
  );
  const session = cookiesOf(signedIn).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in failed for ${credentials.email}: ${signedIn.status} ${await signedIn.text()}`);
  return session;
}

/**
 * Runs `work` inside a real route call's request scope, as code reached from
 * a route handler runs (next-auth's authorize, say): cookies() and headers()
 * work, and what it sets with cookies() comes back as Set-Cookie headers.
 */
export async function inRequestScope<T>(
  work: () => Promise<T>,
  request: Request = new Request("http://localhost/api/scope"),
): Promise<{ value: T; setCookies: string[] }> {
  let value: T | undefined;
  const route = appRoute("/api/scope/route", {
    async GET() {
      value = await work();
      return new Response(null, { status: 204 });
    },
  });
  const response = await route(request, {});
  return { value: value as T, setCookies: response.headers.getSetCookie() };
}
