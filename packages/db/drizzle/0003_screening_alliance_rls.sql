-- RLS for screening and the peer alliance. New setting:
--   xq.capabilities  comma-separated capabilities the caller's roles grant (e.g. 'screening.answers')

CREATE FUNCTION xq_has_capability(capability text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT capability = ANY (string_to_array(coalesce(current_setting('xq.capabilities', true), ''), ','))
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['screening_waves', 'working_day_overrides', 'alliance_departments', 'alliance_terms',
                           'alliance_members', 'alliance_events', 'alliance_records']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (school_id = xq_school_id()) WITH CHECK (school_id = xq_school_id())',
                   t || '_tenant', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Results (tiers and reasons): the full view of the student only.
ALTER TABLE screening_results ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE screening_results FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY screening_results_access ON screening_results
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
-- Item answers and full scores: center staff only, within their scope.
ALTER TABLE screening_answers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE screening_answers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY screening_answers_access ON screening_answers
  USING (school_id = xq_school_id() AND xq_has_capability('screening.answers') AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('screening.answers') AND xq_student_full_access(student_id));
--> statement-breakpoint
-- Import runs hold row errors that name students: those who manage screening only.
ALTER TABLE screening_imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE screening_imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY screening_imports_access ON screening_imports
  USING (school_id = xq_school_id() AND xq_has_capability('screening.manage'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('screening.manage'));
--> statement-breakpoint
-- The points ledger: append-only within the school.
ALTER TABLE alliance_ledger ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE alliance_ledger FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY alliance_ledger_read ON alliance_ledger FOR SELECT USING (school_id = xq_school_id());
--> statement-breakpoint
CREATE POLICY alliance_ledger_insert ON alliance_ledger FOR INSERT WITH CHECK (school_id = xq_school_id());
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON alliance_ledger FROM xinqiao_app;
--> statement-breakpoint
CREATE FUNCTION xq_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER alliance_ledger_no_update BEFORE UPDATE OR DELETE ON alliance_ledger
  FOR EACH ROW EXECUTE FUNCTION xq_append_only();
--> statement-breakpoint
CREATE TRIGGER alliance_ledger_no_truncate BEFORE TRUNCATE ON alliance_ledger
  FOR EACH STATEMENT EXECUTE FUNCTION xq_append_only();
