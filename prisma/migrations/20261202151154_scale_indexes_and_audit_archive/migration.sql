-- CreateIndex
CREATE INDEX "goal_ratings_goal_id_author_role_created_at_idx" ON "goal_ratings"("goal_id", "author_role", "created_at");

-- CreateIndex
CREATE INDEX "audit_events_created_at_idx" ON "audit_events" USING BRIN ("created_at" timestamptz_minmax_ops);


-- Audit retention (server/audit/archive.ts): events stay append-only. The one
-- exception is the archive job, which writes a month of events past the
-- retention period to a file and then removes exactly those, in a transaction
-- that names the cut-off (SET LOCAL alliance.audit_archive_before). UPDATE is
-- refused always, DELETE of anything at or after the cut-off too.
CREATE OR REPLACE FUNCTION "audit_events_append_only"() RETURNS trigger AS $$
DECLARE
  cutoff text := current_setting('alliance.audit_archive_before', true);
BEGIN
  IF TG_OP = 'DELETE' AND cutoff IS NOT NULL AND cutoff <> '' AND OLD.created_at < cutoff::timestamptz THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
