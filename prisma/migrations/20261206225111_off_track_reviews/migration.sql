-- CreateTable
CREATE TABLE "off_track_reviews" (
    "id" UUID NOT NULL,
    "engagement_id" UUID NOT NULL,
    "response_id" UUID NOT NULL,
    "kind" "MeasureKind" NOT NULL,
    "items" VARCHAR(40)[],
    "note" TEXT,
    "author_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "off_track_reviews_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "off_track_reviews_engagement_id_kind_created_at_idx" ON "off_track_reviews"("engagement_id", "kind", "created_at");

-- CreateIndex
CREATE INDEX "off_track_reviews_response_id_idx" ON "off_track_reviews"("response_id");

-- CreateIndex
CREATE INDEX "off_track_reviews_author_id_idx" ON "off_track_reviews"("author_id");

-- AddForeignKey
ALTER TABLE "off_track_reviews" ADD CONSTRAINT "off_track_reviews_engagement_id_fkey" FOREIGN KEY ("engagement_id") REFERENCES "engagements"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "off_track_reviews" ADD CONSTRAINT "off_track_reviews_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "measure_responses"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "off_track_reviews" ADD CONSTRAINT "off_track_reviews_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

