-- Full access and crisis access written into the policies instead of called per row (issue 15). A policy that
-- called xq_student_full_access(student_id) ran that SQL function for every row it looked at, and a SQL function
-- whose body reads a table cannot be inlined: each call started and ended an executor of its own (~34 µs a row on
-- PostgreSQL, 3.4 of the 6 ms a counsellor's 100 warnings took; xq_crisis_access made a 4-row read take 5 ms).
-- The same test as an EXISTS subquery of the policy is planned once with the statement: a lookup of the student by
-- id per row (or a hashed set of the visible students when many rows are read), with the caller's full-scope
-- prefixes computed once per statement (an InitPlan). The students read inside stay under their own policy, as they
-- were inside the function. Same rows visible and writable: the isolation suite and the RLS snapshot tests check it.

-- The caller's full-view unit paths (prefixes), as an array; NULL when there are none, so no path matches.
CREATE FUNCTION xq_full_floors() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT string_to_array(nullif(current_setting('xq.full_scope', true), ''), ',')
$$;--> statement-breakpoint
-- The paths of the units on which the caller holds a role in a student's care chain, the roles that run crises and
-- support files: counsellor, head teacher, station head, center staff and director (as xq_crisis_access and
-- xq_support_access had them). Read once per statement, as an InitPlan.
CREATE FUNCTION xq_care_unit_paths() RETURNS text[] LANGUAGE sql STABLE AS $$
  SELECT coalesce(array_agg(u.path), '{}')
  FROM role_assignments ra JOIN units u ON u.id = ra.unit_id
  WHERE ra.person_id = xq_person_id()
    AND ra.role IN ('counsellor', 'head_teacher', 'college_station_head', 'center_staff', 'center_director')
$$;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION xq_full_floors() TO PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION xq_care_unit_paths() TO PUBLIC;--> statement-breakpoint

ALTER POLICY cases_access ON cases
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = cases.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = cases.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
-- A case's entries follow the case: the cases read here are under cases_access, which is the full-access test.
ALTER POLICY case_entries_read ON case_entries
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_entries.case_id));--> statement-breakpoint
ALTER POLICY case_entries_insert ON case_entries
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM cases c WHERE c.id = case_entries.case_id));--> statement-breakpoint
ALTER POLICY concern_reports_read ON concern_reports
  USING (school_id = xq_school_id() AND (reporter_id = xq_person_id() OR EXISTS (SELECT 1 FROM students s
    WHERE s.id = concern_reports.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[]))));--> statement-breakpoint
ALTER POLICY concern_reports_triage ON concern_reports
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = concern_reports.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = concern_reports.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
-- A crisis: the student in full view and under a unit where the caller holds a care-chain role (or the escalation
-- sweep's capability), as xq_crisis_access had it.
ALTER POLICY crises_access ON crises
  USING (school_id = xq_school_id() AND (xq_has_capability('crises.escalate') OR EXISTS (SELECT 1 FROM students s
    WHERE s.id = crises.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])
      AND s.placement_path ^@ ANY ((SELECT xq_care_unit_paths())::text[]))))
  WITH CHECK (school_id = xq_school_id() AND (xq_has_capability('crises.escalate') OR EXISTS (SELECT 1 FROM students s
    WHERE s.id = crises.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])
      AND s.placement_path ^@ ANY ((SELECT xq_care_unit_paths())::text[]))));--> statement-breakpoint
ALTER POLICY crisis_affected_access ON crisis_affected
  USING (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises))
  WITH CHECK (school_id = xq_school_id() AND crisis_id IN (SELECT id FROM crises) AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = crisis_affected.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
ALTER POLICY disciplinary_sanctions_access ON disciplinary_sanctions
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = disciplinary_sanctions.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = disciplinary_sanctions.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
ALTER POLICY entered_failed_courses_access ON entered_failed_courses
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = entered_failed_courses.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = entered_failed_courses.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
ALTER POLICY feed_grades_read ON feed_grades
  USING (school_id = xq_school_id() AND (xq_has_capability('feeds.raw') OR EXISTS (SELECT 1 FROM students s
    WHERE s.id = feed_grades.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[]))));--> statement-breakpoint
ALTER POLICY financial_aids_access ON financial_aids
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = financial_aids.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = financial_aids.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
ALTER POLICY hardship_certifications_access ON hardship_certifications
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = hardship_certifications.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = hardship_certifications.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
ALTER POLICY home_visits_access ON home_visits
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = home_visits.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = home_visits.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
ALTER POLICY improvement_plans_access ON improvement_plans
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = improvement_plans.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = improvement_plans.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
ALTER POLICY key_students_access ON key_students
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = key_students.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = key_students.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
-- The student's own consent, or full access; the student's id is read once per statement (as in 0018).
ALTER POLICY screening_consents_access ON screening_consents
  USING (school_id = xq_school_id() AND (student_id = (SELECT xq_my_student_id()) OR EXISTS (SELECT 1 FROM students s
    WHERE s.id = screening_consents.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[]))))
  WITH CHECK (school_id = xq_school_id() AND (student_id = (SELECT xq_my_student_id()) OR EXISTS (SELECT 1 FROM students s
    WHERE s.id = screening_consents.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[]))));--> statement-breakpoint
ALTER POLICY student_file_entries_read ON student_file_entries
  USING (school_id = xq_school_id() AND (EXISTS (SELECT 1 FROM students s
    WHERE s.id = student_file_entries.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[]))
    OR (visibility = 'network' AND student_id IN (SELECT id FROM students))));--> statement-breakpoint
ALTER POLICY student_file_entries_insert ON student_file_entries
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = student_file_entries.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
ALTER POLICY student_signals_read ON student_signals
  USING (school_id = xq_school_id() AND (xq_has_capability('feeds.raw') OR EXISTS (SELECT 1 FROM students s
    WHERE s.id = student_signals.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[]))));--> statement-breakpoint
ALTER POLICY warnings_access ON warnings
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = warnings.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = warnings.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])));--> statement-breakpoint
-- Support files and list entries: the full view AND a care-chain role on the student's branch (or, for a file, its
-- responsible person), as xq_support_access had it.
ALTER POLICY support_files_access ON support_files
  USING (school_id = xq_school_id() AND (EXISTS (SELECT 1 FROM students s
    WHERE s.id = support_files.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])
      AND s.placement_path ^@ ANY ((SELECT xq_care_unit_paths())::text[]))
    OR responsible_person_id = xq_person_id()))
  WITH CHECK (school_id = xq_school_id() AND (EXISTS (SELECT 1 FROM students s
    WHERE s.id = support_files.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])
      AND s.placement_path ^@ ANY ((SELECT xq_care_unit_paths())::text[]))
    OR responsible_person_id = xq_person_id()));--> statement-breakpoint
ALTER POLICY support_list_entries_access ON support_list_entries
  USING (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = support_list_entries.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])
      AND s.placement_path ^@ ANY ((SELECT xq_care_unit_paths())::text[])))
  WITH CHECK (school_id = xq_school_id() AND EXISTS (SELECT 1 FROM students s
    WHERE s.id = support_list_entries.student_id AND s.placement_path ^@ ANY ((SELECT xq_full_floors())::text[])
      AND s.placement_path ^@ ANY ((SELECT xq_care_unit_paths())::text[])));--> statement-breakpoint
-- No policy calls these two any more; their test lives in the policies above.
DROP FUNCTION xq_crisis_access(uuid);--> statement-breakpoint
DROP FUNCTION xq_support_access(uuid);
