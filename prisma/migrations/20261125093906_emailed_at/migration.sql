-- AlterTable
ALTER TABLE "notifications" ADD COLUMN     "emailed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "reminder_deliveries" ADD COLUMN     "emailed_at" TIMESTAMPTZ(3);

