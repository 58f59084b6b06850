// next-auth configuration: e-mail + password, JWT sessions that carry only
// the user id and session version. Role and everything else are re-read from
// the database on every request (server/auth/session-user.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { ZSignInSchema } from "../../lib/schemas/account";
import { getDb } from "../db/client";
import { checkCredentials } from "./accounts";
import { clientAddress } from "./request-meta";

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

/** Error codes next-auth hands back to the sign-in form. */
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  throttled: "TooManyAttempts",
} as const;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS, updateAge: 60 * 60 },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = ZSignInSchema.safeParse({ email: credentials?.email, password: credentials?.password });
        if (!parsed.success) return null;
        const result = await checkCredentials(getDb(), parsed.data, clientAddress(new Headers(req.headers as Record<string, string>)));
        if (!result.ok) {
          if (result.reason === "throttled") throw new Error(SIGN_IN_ERRORS.throttled);
          return null;
        }
        return { id: result.claims.userId, sessionVersion: result.claims.sessionVersion };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sessionVersion = user.sessionVersion;
        // next-auth copies name/email/picture by default; the cookie needs none.
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      return { expires: session.expires, userId: token.sub ?? "", sessionVersion: token.sessionVersion ?? 0 };
    },
    redirect({ url, baseUrl }) {
      // Stay on-site (quality.md, item 13).
      if (url.startsWith("/") && !url.startsWith("//")) return `${baseUrl}${url}`;
      return new URL(url).origin === baseUrl ? url : baseUrl;
    },
  },
};
