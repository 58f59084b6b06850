// next-auth configuration: e-mail + password, JWT sessions that carry only
// the user id, session version and the id of the session's auth_sessions row.
// Role, limits and everything else are re-read from the database on every
// request (server/auth/session-user.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ZSignInSchema } from "../../lib/schemas/account";
import { getDb } from "../db/client";
import { checkCredentials } from "./accounts";
import { clientAddress } from "./request-meta";
import { readDeviceCookie, writeDeviceCookie } from "./device-cookie";
import { throttledCode } from "../../lib/auth/throttled";
import { safeReturnPathFromUrl } from "../../lib/auth/return-path";
import { SESSION_HOURS_CEILING } from "./session-limits";
import { endSession } from "./session-user";
import { getLogger } from "../log";

/**
 * The cookie outlives every session it can carry (SESSION_MAX_HOURS is at
 * most the ceiling): the database row decides when a session ends, and a
 * lapsed one is still recognised, so the page can say why.
 */
export const SESSION_MAX_AGE_SECONDS = SESSION_HOURS_CEILING * 60 * 60;

/** Error codes next-auth hands back to the sign-in form. */
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  /** Followed by "-<minutes to wait>" (lib/auth/throttled.ts). */
  throttled: "TooManyAttempts",
  /** Two-step sign-in (server/auth/totp.ts): the password was right; the form asks for the code. */
  twoFactorRequired: "two_factor_required",
  twoFactorInvalid: "two_factor_invalid",
  twoFactorThrottled: "two_factor_throttled",
} as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      async authorize(credentials, req) {
        const parsed = ZSignInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!parsed.success) return null;
        // Any string up to 64 characters: a malformed code is simply a wrong one (and counted).
        const code = typeof credentials?.code === "string" && credentials.code.trim() !== "" ? credentials.code.slice(0, 64) : undefined;
        const result = await checkCredentials(
          getDb(),
          { ...parsed.data, code },
          clientAddress(new Headers(req.headers as Record<string, string>)),
          await readDeviceCookie(),
        );
        if (!result.ok) {
          if (result.reason === "throttled") throw new Error(throttledCode(result.retryAfterSeconds));
          if (result.reason !== "invalid") throw new Error(result.reason);
          return null;
        }
        // A route handler may set cookies; Next adds it to next-auth's response.
        await writeDeviceCookie(result.deviceToken);
        return { id: result.claims.userId, sessionVersion: result.claims.sessionVersion, sessionId: result.claims.sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
        token.sessionId = user.sessionId;
        // next-auth copies name/email/picture by default; the cookie needs none.
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      return {
        expires: session.expires,
        userId: token.sub ?? "",
        sessionVersion: token.sessionVersion ?? 0,
        // Cookies from before session records carry none: refused, so people sign in again.
        sessionId: token.sessionId ?? "",
      };
    },
    redirect({ url, baseUrl }) {
      // Stay on-site (docs/security-and-privacy.md, S13): a path of ours, or our home page.
      return new URL(safeReturnPathFromUrl(url, baseUrl) ?? "/", baseUrl).href;
    },
  },
  events: {
    async signOut({ token }) {
      // The cookie is cleared by next-auth; ending the row stops a copy of it too.
      if (token?.sessionId) await endSession(getDb(), token.sessionId, "signed_out");
    },
  },
  // next-auth's own lines, on the process logger: its code and the error's
  // name, code and frames (server/log.ts), never its message or metadata,
  // which can hold the submitted credentials.
  logger: {
    error: (code, metadata) =>
      getLogger().error({ component: "next-auth", authCode: code, err: metadata instanceof Error ? metadata : metadata?.error }, "auth error"),
    warn: (code) => getLogger().warn({ component: "next-auth", authCode: code }, "auth warning"),
    debug: () => undefined,
  },
};
