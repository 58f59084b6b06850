// Module augmentation can only merge interfaces.
/* eslint-disable @typescript-eslint/consistent-type-definitions */
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    userId: string;
    sessionVersion: number;
    /** The auth_sessions row (server/auth/session-user.ts). */
    sessionId: string;
  }
  interface User {
    id: string;
    sessionVersion: number;
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sessionVersion?: number;
    sessionId?: string;
  }
}
