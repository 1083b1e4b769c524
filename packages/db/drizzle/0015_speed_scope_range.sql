-- Students' visibility as a range the planner can use with an index (issue 15). The scope check itself is unchanged
-- (a placement path under one of the caller's full or reduced scope prefixes); the policy adds two conditions that
-- follow from it: every such path sorts, byte by byte, at or above the least prefix and below the greatest prefix
-- with its final '/' raised to '0' (every unit path ends in '/', and nothing sorts between '/' and '0' in a path of
-- such a prefix). Those two are B-tree conditions on students_placement_idx (school_id, placement_path
-- text_pattern_ops): a counsellor's list and count read the index range of their college instead of filtering
-- every student of the school through the function. A prefix without its final '/' (none exists) only narrows
-- the range, so the policy never shows more than the scope check alone.
CREATE OR REPLACE FUNCTION xq_scope_prefixes() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(concat_ws(',', nullif(current_setting('xq.full_scope', true), ''),
                               nullif(current_setting('xq.reduced_scope', true), '')), '')
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION xq_scope_floors() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(xq_scope_prefixes(), ',')
$$;--> statement-breakpoint
CREATE OR REPLACE FUNCTION xq_scope_ceilings() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(regexp_replace(xq_scope_prefixes(), '/(,|$)', '0\1', 'g'), ',')
$$;--> statement-breakpoint
DROP POLICY students_read ON students;--> statement-breakpoint
CREATE POLICY students_read ON students FOR SELECT USING (
  school_id = xq_school_id()
  AND placement_path ~>=~ ANY (xq_scope_floors())
  AND placement_path ~<~ ANY (xq_scope_ceilings())
  AND (xq_in_scope(placement_path, 'xq.full_scope') OR xq_in_scope(placement_path, 'xq.reduced_scope'))
);
--> statement-breakpoint
-- What every request does before its handler, in one round trip (issue 15; apps/api/src/auth/sessions.ts,
-- openSession): set the session token, read the session, set its school and person (no units yet), mark it used
-- now unless another request of the session holds the row (SKIP LOCKED), and read the person, the school and the
-- roles with their units. SECURITY INVOKER: it runs as the request's role, under the same row-level security as
-- the statements it replaces; a plpgsql function also keeps their plans for the connection. No row for an unknown
-- token; one row with null person fields when the person is gone. last_seen_at is the value before this request.
CREATE FUNCTION xq_open_session(p_token text, p_now timestamptz)
RETURNS TABLE (school_id uuid, person_id uuid, csrf_token text, created_at timestamptz, last_seen_at timestamptz,
  expires_at timestamptz, p_id uuid, username text, display_name text, disabled boolean, school_code text,
  school_name text, school_name_en text, role text, unit_id uuid, unit_name text, level_key text, unit_path text)
LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
#variable_conflict use_column
DECLARE s sessions%ROWTYPE;
BEGIN
  PERFORM set_config('xq.session_token', p_token, true);
  SELECT * INTO s FROM sessions WHERE sessions.token_hash = p_token;
  IF NOT FOUND THEN RETURN; END IF;
  PERFORM set_config('xq.school_id', s.school_id::text, true), set_config('xq.person_id', s.person_id::text, true),
    set_config('xq.full_scope', '', true), set_config('xq.reduced_scope', '', true),
    set_config('xq.capabilities', '', true);
  IF s.last_seen_at < p_now THEN
    UPDATE sessions SET last_seen_at = p_now WHERE sessions.token_hash IN (
      SELECT l.token_hash FROM sessions l WHERE l.token_hash = p_token AND l.last_seen_at < p_now
      FOR UPDATE SKIP LOCKED);
  END IF;
  RETURN QUERY
    SELECT s.school_id, s.person_id, s.csrf_token, s.created_at, s.last_seen_at, s.expires_at, p.id, p.username,
           p.display_name, p.disabled, sc.code, sc.name, sc.name_en, ra.role::text, u.id, u.name, u.level_key, u.path
    FROM (SELECT 1) AS one
    LEFT JOIN people p ON p.id = s.person_id AND p.school_id = s.school_id
    LEFT JOIN schools sc ON sc.id = p.school_id
    LEFT JOIN role_assignments ra ON ra.person_id = p.id
    LEFT JOIN units u ON u.id = ra.unit_id
    ORDER BY u.depth, ra.role;
END
$$;
