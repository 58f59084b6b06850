-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "engagement_id" UUID;

-- CreateIndex
CREATE INDEX "notifications_engagement_id_idx" ON "notifications"("engagement_id");

-- AddForeignKey
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE SET NULL ON UPDATE CASCADE;

