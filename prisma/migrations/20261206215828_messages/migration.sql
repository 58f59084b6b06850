-- CreateEnum
CREATE TYPE "MessagingMode" AS ENUM ('off', 'reply_only', 'open');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "NotificationKind" ADD VALUE 'message_from_client';
ALTER TYPE "NotificationKind" ADD VALUE 'message_from_therapist';

-- AlterTable
ALTER TABLE "agenda_items" ADD COLUMN     "message_id" UUID;

-- AlterTable
ALTER TABLE "voice_memos" ADD COLUMN     "message_id" UUID;

-- CreateTable
CREATE TABLE "conversations" (
    "engagement_id" UUID NOT NULL,
    "mode" "MessagingMode" NOT NULL DEFAULT 'off',
    "reply_time" VARCHAR(200) NOT NULL DEFAULT '',
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversations_pkey" PRIMARY KEY ("engagement_id")
);

-- CreateTable
CREATE TABLE "message_pauses" (
    "therapist_id" UUID NOT NULL,
    "notice" VARCHAR(500) NOT NULL,
    "paused_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "message_pauses_pkey" PRIMARY KEY ("therapist_id")
);

-- CreateTable
CREATE TABLE "messages" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT,
    "reply_to_id" UUID,
    "idempotency_key" VARCHAR(64),
    "withdrawn_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "messages_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "conversation_reads" (
    "engagement_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "last_read_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "conversation_reads_pkey" PRIMARY KEY ("engagement_id","user_id")
);

-- CreateIndex
CREATE INDEX "messages_engagement_id_created_at_id_idx" ON "messages"("engagement_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "messages_reply_to_id_idx" ON "messages"("reply_to_id");

-- CreateIndex
CREATE UNIQUE INDEX "messages_author_id_idempotency_key_key" ON "messages"("author_id", "idempotency_key");

-- CreateIndex
CREATE INDEX "conversation_reads_user_id_idx" ON "conversation_reads"("user_id");

-- CreateIndex
CREATE INDEX "agenda_items_message_id_idx" ON "agenda_items"("message_id");

-- CreateIndex
CREATE INDEX "voice_memos_message_id_idx" ON "voice_memos"("message_id");

-- AddForeignKey
ALTER TABLE "agenda_items" ADD CONSTRAINT "agenda_items_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "voice_memos" ADD CONSTRAINT "voice_memos_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "message_pauses" ADD CONSTRAINT "message_pauses_therapist_id_fkey" FOREIGN KEY ("therapist_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "messages" ADD CONSTRAINT "messages_reply_to_id_fkey" FOREIGN KEY ("reply_to_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "conversation_reads" ADD CONSTRAINT "conversation_reads_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

