-- Row-level security, grants and integrity triggers. Hand-written: drizzle-kit does not express FORCE RLS,
-- role grants or triggers. Every request runs as xinqiao_app inside a transaction that sets:
--   xq.school_id      the tenant                      xq.person_id   the signed-in person
--   xq.full_scope     unit paths seen in full          xq.reduced_scope unit paths seen in the reduced view
--   xq.session_token  hash of the session being resolved (before the school is known)
--   xq.provisioning   'on' only while the platform creates a new school

DO $$ BEGIN
  CREATE ROLE xinqiao_app NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT xinqiao_app TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO xinqiao_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO xinqiao_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO xinqiao_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO xinqiao_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO xinqiao_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM xinqiao_app;
--> statement-breakpoint

CREATE FUNCTION xq_school_id() RETURNS uuid LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('xq.school_id', true), '')::uuid
$$;
--> statement-breakpoint
CREATE FUNCTION xq_in_scope(target_path text, scope_setting text) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM unnest(string_to_array(nullif(current_setting(scope_setting, true), ''), ',')) AS s(prefix)
    WHERE starts_with(target_path, s.prefix)
  )
$$;
--> statement-breakpoint
-- Full access to a student: the student is placed under one of the caller's full-view units.
CREATE FUNCTION xq_student_full_access(target uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM students s WHERE s.id = target AND xq_in_scope(s.placement_path, 'xq.full_scope')
  )
$$;
--> statement-breakpoint
CREATE FUNCTION xq_case_full_access(target uuid) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM cases c WHERE c.id = target AND xq_student_full_access(c.student_id))
$$;
--> statement-breakpoint

-- Schools: the directory (code and name) is public, creating one needs the provisioning flag.
ALTER TABLE schools ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE schools FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY schools_read ON schools FOR SELECT USING (true);
--> statement-breakpoint
CREATE POLICY schools_provision ON schools FOR INSERT WITH CHECK (current_setting('xq.provisioning', true) = 'on');
--> statement-breakpoint
CREATE POLICY schools_update ON schools FOR UPDATE USING (id = xq_school_id()) WITH CHECK (id = xq_school_id());
--> statement-breakpoint

-- Tables whose rows are visible to anyone signed in at the same school.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['units', 'people', 'role_assignments', 'policy_decisions', 'school_year_figures',
                           'center_staff_members']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY %I ON %I USING (school_id = xq_school_id()) WITH CHECK (school_id = xq_school_id())',
                   t || '_tenant', t);
  END LOOP;
END $$;
--> statement-breakpoint

-- Sessions: found by their token hash before the school is known, otherwise by school.
ALTER TABLE sessions ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE sessions FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY sessions_access ON sessions
  USING (school_id = xq_school_id() OR token_hash = current_setting('xq.session_token', true))
  WITH CHECK (school_id = xq_school_id());
--> statement-breakpoint

-- Login attempts hold no school and no personal data beyond a hashed key; every caller may count them.
ALTER TABLE login_attempts ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE login_attempts FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY login_attempts_all ON login_attempts USING (true) WITH CHECK (true);
--> statement-breakpoint

-- Students: visible in the caller's full or reduced scope; written only in the full scope.
ALTER TABLE students ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE students FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY students_read ON students FOR SELECT USING (
  school_id = xq_school_id()
  AND (xq_in_scope(placement_path, 'xq.full_scope') OR xq_in_scope(placement_path, 'xq.reduced_scope'))
);
--> statement-breakpoint
CREATE POLICY students_insert ON students FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND xq_in_scope(placement_path, 'xq.full_scope'));
--> statement-breakpoint
CREATE POLICY students_update ON students FOR UPDATE
  USING (school_id = xq_school_id() AND xq_in_scope(placement_path, 'xq.full_scope'))
  WITH CHECK (school_id = xq_school_id() AND xq_in_scope(placement_path, 'xq.full_scope'));
--> statement-breakpoint

-- The student file: network-visible entries reach the reduced view, restricted ones only the full view.
ALTER TABLE student_file_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE student_file_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY student_file_entries_read ON student_file_entries FOR SELECT USING (
  school_id = xq_school_id()
  AND (xq_student_full_access(student_id)
       OR (visibility = 'network' AND student_id IN (SELECT id FROM students)))
);
--> statement-breakpoint
CREATE POLICY student_file_entries_insert ON student_file_entries FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint

-- Cases and their timelines: the full view only.
ALTER TABLE cases ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE cases FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY cases_access ON cases
  USING (school_id = xq_school_id() AND xq_student_full_access(student_id))
  WITH CHECK (school_id = xq_school_id() AND xq_student_full_access(student_id));
--> statement-breakpoint
ALTER TABLE case_entries ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE case_entries FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY case_entries_read ON case_entries FOR SELECT
  USING (school_id = xq_school_id() AND xq_case_full_access(case_id));
--> statement-breakpoint
CREATE POLICY case_entries_insert ON case_entries FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND xq_case_full_access(case_id));
--> statement-breakpoint

-- Audit log: append-only within the school.
ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE audit_log FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY audit_log_read ON audit_log FOR SELECT USING (school_id = xq_school_id());
--> statement-breakpoint
CREATE POLICY audit_log_insert ON audit_log FOR INSERT WITH CHECK (school_id = xq_school_id());
--> statement-breakpoint

-- Units: the path and depth follow the parent; a unit never changes parent (paths would go stale).
CREATE FUNCTION xq_units_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE parent units%ROWTYPE;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF NEW.parent_id IS DISTINCT FROM OLD.parent_id OR NEW.school_id <> OLD.school_id THEN
      RAISE EXCEPTION 'a unit cannot move to another parent' USING ERRCODE = 'check_violation', COLUMN = 'parent_id';
    END IF;
    NEW.path := OLD.path;
    NEW.depth := OLD.depth;
    RETURN NEW;
  END IF;
  IF NEW.parent_id IS NULL THEN
    NEW.path := '/' || NEW.id || '/';
    NEW.depth := 0;
  ELSE
    SELECT * INTO parent FROM units WHERE id = NEW.parent_id AND school_id = NEW.school_id;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'parent unit not found' USING ERRCODE = 'foreign_key_violation', COLUMN = 'parent_id';
    END IF;
    NEW.path := parent.path || NEW.id || '/';
    NEW.depth := parent.depth + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER units_place BEFORE INSERT OR UPDATE ON units FOR EACH ROW EXECUTE FUNCTION xq_units_place();
--> statement-breakpoint

-- Students: placement must be consistent (class under college, dorm under class) and sets placement_path.
CREATE FUNCTION xq_students_place() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE college_path text; class_path text; dorm_path text;
BEGIN
  SELECT path INTO college_path FROM units WHERE id = NEW.college_unit_id AND school_id = NEW.school_id AND level_key = 'college';
  IF college_path IS NULL THEN
    RAISE EXCEPTION 'college unit not found' USING ERRCODE = 'foreign_key_violation', COLUMN = 'college_unit_id';
  END IF;
  SELECT path INTO class_path FROM units WHERE id = NEW.class_unit_id AND school_id = NEW.school_id AND level_key = 'class';
  IF class_path IS NULL OR NOT starts_with(class_path, college_path) THEN
    RAISE EXCEPTION 'class unit not found in the college' USING ERRCODE = 'foreign_key_violation', COLUMN = 'class_unit_id';
  END IF;
  NEW.placement_path := class_path;
  IF NEW.dorm_unit_id IS NOT NULL THEN
    SELECT path INTO dorm_path FROM units WHERE id = NEW.dorm_unit_id AND school_id = NEW.school_id AND level_key = 'dorm';
    IF dorm_path IS NULL OR NOT starts_with(dorm_path, class_path) THEN
      RAISE EXCEPTION 'dorm unit not found in the class' USING ERRCODE = 'foreign_key_violation', COLUMN = 'dorm_unit_id';
    END IF;
    NEW.placement_path := dorm_path;
  END IF;
  NEW.updated_at := now();
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER students_place BEFORE INSERT OR UPDATE ON students FOR EACH ROW EXECUTE FUNCTION xq_students_place();
--> statement-breakpoint

-- Audit chain: the canonical text of a row, hashed with the previous row's hash.
CREATE FUNCTION xq_audit_hash(prev_hash text, r audit_log) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || jsonb_build_array(
    r.school_id, r.seq, r.actor_person_id, r.actor_role, r.actor_unit_id, r.student_id, r.action, r.entity,
    r.entity_id, r.purpose, to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')
  )::text, 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE FUNCTION xq_audit_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE last audit_log%ROWTYPE;
BEGIN
  -- One writer per school at a time, so seq and prev_hash form one unbroken chain.
  PERFORM pg_advisory_xact_lock(hashtextextended('xq_audit:' || NEW.school_id::text, 0));
  SELECT * INTO last FROM audit_log WHERE school_id = NEW.school_id ORDER BY seq DESC LIMIT 1;
  NEW.seq := coalesce(last.seq, 0) + 1;
  NEW.prev_hash := coalesce(last.hash, '');
  NEW.at := clock_timestamp();
  NEW.hash := xq_audit_hash(NEW.prev_hash, NEW);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION xq_audit_chain();
--> statement-breakpoint
CREATE FUNCTION xq_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION xq_audit_append_only();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log FOR EACH STATEMENT EXECUTE FUNCTION xq_audit_append_only();
--> statement-breakpoint

-- The first row of the current school's chain that does not verify, or no row when the chain is intact.
CREATE FUNCTION xq_audit_first_break() RETURNS TABLE (id bigint, seq bigint, reason text) LANGUAGE sql STABLE AS $$
  WITH chain AS (
    SELECT a.id, a.seq, a.prev_hash, a.hash, xq_audit_hash(a.prev_hash, a) AS recomputed,
           lag(a.hash, 1, '') OVER (ORDER BY a.seq) AS expected_prev,
           lag(a.seq, 1, 0::bigint) OVER (ORDER BY a.seq) AS previous_seq
    FROM audit_log a WHERE a.school_id = xq_school_id()
  )
  SELECT chain.id, chain.seq,
         CASE WHEN chain.seq <> chain.previous_seq + 1 THEN 'missing rows before this one'
              WHEN chain.prev_hash <> chain.expected_prev THEN 'previous hash does not match'
              ELSE 'row content does not match its hash' END
  FROM chain
  WHERE chain.seq <> chain.previous_seq + 1 OR chain.prev_hash <> chain.expected_prev OR chain.hash <> chain.recomputed
  ORDER BY chain.seq LIMIT 1
$$;
