-- Server-side session records (server/auth/session-limits.ts): the cookie
-- carries an auth_sessions id, and every request re-reads the row, so idle and
-- absolute limits hold across app instances and a session can be ended from
-- anywhere. Cookies issued before this migration carry no id and are refused:
-- people sign in once more after the upgrade.

-- CreateEnum
CREATE TYPE "AuthSessionEndReason" AS ENUM ('signed_out', 'idle', 'expired', 'revoked');

-- CreateTable
CREATE TABLE "auth_sessions" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL,
    "ended_at" TIMESTAMPTZ(3),
    "ended_reason" "AuthSessionEndReason",

    CONSTRAINT "auth_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "auth_sessions_user_id_idx" ON "auth_sessions"("user_id");

-- AddForeignKey
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

