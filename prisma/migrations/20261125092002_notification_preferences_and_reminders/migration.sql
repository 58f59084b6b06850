-- CreateEnum
CREATE TYPE "NotificationChannel" AS ENUM ('in_app', 'email', 'off');

-- CreateEnum
CREATE TYPE "ReminderOutcome" AS ENUM ('sent', 'nothing_due', 'switched_off');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'homework_reply';
ALTER TYPE "NotificationKind" ADD VALUE 'session_scheduled';
ALTER TYPE "NotificationKind" ADD VALUE 'session_moved';
ALTER TYPE "NotificationKind" ADD VALUE 'session_cancelled';
ALTER TYPE "NotificationKind" ADD VALUE 'homework_recorded';
ALTER TYPE "NotificationKind" ADD VALUE 'signal_raised';
ALTER TYPE "NotificationKind" ADD VALUE 'daily_digest';

-- CreateTable
CREATE TABLE "notification_preferences" (
    "user_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "channel" "NotificationChannel" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_preferences_pkey" PRIMARY KEY ("user_id","kind")
);

-- CreateTable
CREATE TABLE "notification_settings" (
    "user_id" UUID NOT NULL,
    "homework_reminder_at" VARCHAR(5) NOT NULL DEFAULT '18:00',
    "digest_at" VARCHAR(5) NOT NULL DEFAULT '08:00',
    "quiet_from" VARCHAR(5) DEFAULT '21:00',
    "quiet_until" VARCHAR(5) DEFAULT '08:00',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "notification_settings_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "reminder_deliveries" (
    "key" VARCHAR(200) NOT NULL,
    "user_id" UUID NOT NULL,
    "kind" "NotificationKind" NOT NULL,
    "outcome" "ReminderOutcome" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "reminder_deliveries_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "reminder_deliveries_user_id_created_at_idx" ON "reminder_deliveries"("user_id", "created_at");

-- CreateIndex
CREATE INDEX "notifications_user_id_created_at_idx" ON "notifications"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "notification_settings" ADD CONSTRAINT "notification_settings_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "reminder_deliveries" ADD CONSTRAINT "reminder_deliveries_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

