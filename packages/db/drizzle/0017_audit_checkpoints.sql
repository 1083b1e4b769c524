CREATE TABLE "audit_checkpoints" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"key_id" text NOT NULL,
	"signature" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_checkpoints" ADD CONSTRAINT "audit_checkpoints_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_checkpoints_school_seq_idx" ON "audit_checkpoints" USING btree ("school_id","seq");--> statement-breakpoint
-- Signed checkpoints: the application may read and add its school's, never change or remove one (issue 16.4).
REVOKE UPDATE, DELETE, TRUNCATE ON audit_checkpoints FROM xinqiao_app;
--> statement-breakpoint
ALTER TABLE audit_checkpoints ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_checkpoints FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_checkpoints_read ON audit_checkpoints FOR SELECT USING (school_id = xq_school_id());
--> statement-breakpoint
CREATE POLICY audit_checkpoints_insert ON audit_checkpoints FOR INSERT WITH CHECK (school_id = xq_school_id());
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE OR DELETE ON audit_checkpoints
  FOR EACH ROW EXECUTE FUNCTION xq_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON audit_checkpoints
  FOR EACH STATEMENT EXECUTE FUNCTION xq_audit_append_only();
--> statement-breakpoint
-- The first break of the current school's chain from `from_seq` on (the row at from_seq is trusted as the start):
-- what the checkpoint writer checks before it signs a new head, without re-reading the whole log.
CREATE FUNCTION xq_audit_first_break_since(from_seq bigint) RETURNS TABLE (id bigint, seq bigint, reason text)
LANGUAGE sql STABLE AS $$
  WITH chain AS (
    SELECT a.id, a.seq, a.prev_hash, a.hash, xq_audit_hash(a.prev_hash, a) AS recomputed,
           lag(a.hash) OVER (ORDER BY a.seq) AS expected_prev,
           lag(a.seq) OVER (ORDER BY a.seq) AS previous_seq
    FROM audit_log a WHERE a.school_id = xq_school_id() AND a.seq >= from_seq
  )
  SELECT chain.id, chain.seq,
         CASE WHEN chain.previous_seq IS NOT NULL AND chain.seq <> chain.previous_seq + 1 THEN 'missing rows before this one'
              WHEN chain.previous_seq IS NOT NULL AND chain.prev_hash <> chain.expected_prev THEN 'previous hash does not match'
              ELSE 'row content does not match its hash' END
  FROM chain
  WHERE (chain.previous_seq IS NOT NULL AND (chain.seq <> chain.previous_seq + 1 OR chain.prev_hash <> chain.expected_prev))
     OR chain.hash <> chain.recomputed
  ORDER BY chain.seq LIMIT 1
$$;
