-- Two narrow answers the session may have about itself, from tables its RLS keeps closed to it. Each is SECURITY
-- DEFINER with a fixed search_path, answers one boolean about the session's own student or school only, and may be
-- executed by the application roles alone (xinqiao_screening inherits xinqiao_app). Each sets the capability the
-- table's policy asks for around its one query and puts the caller's capabilities back (a function's SET clause
-- cannot name a custom setting unless a superuser creates it), so the tables' own policies still decide, also when
-- the owner is not a superuser (FORCE ROW LEVEL SECURITY applies to the owner). Should the query fail, the
-- transaction (or the savepoint around the call) rolls the setting back with it.

-- Whether the signed-in student has an open crisis (the student side offers priority counselling slots; issue 17).
-- The student learns nothing else: not the crisis, its level or who runs it.
CREATE FUNCTION xq_my_student_has_open_crisis() RETURNS boolean LANGUAGE plpgsql VOLATILE SECURITY DEFINER
  SET search_path = pg_catalog, public AS $$
DECLARE
  prior text := coalesce(current_setting('xq.capabilities', true), '');
  answer boolean;
BEGIN
  PERFORM set_config('xq.capabilities', 'crises.escalate', true);
  SELECT EXISTS (
    SELECT 1 FROM public.crises c
    WHERE c.school_id = public.xq_school_id() AND c.student_id = public.xq_my_student_id() AND c.status = 'open'
  ) INTO answer;
  PERFORM set_config('xq.capabilities', prior, true);
  RETURN answer;
END
$$;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION xq_my_student_has_open_crisis() FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION xq_my_student_has_open_crisis() TO xinqiao_app;--> statement-breakpoint

-- Whether the session's school has an enabled outbound channel of a kind ('email', 'webhook'), so a screen can say
-- whether a reminder also leaves the platform; the settings themselves stay the school admin's (notifications.manage).
CREATE FUNCTION xq_school_channel_enabled(channel_kind text) RETURNS boolean LANGUAGE plpgsql VOLATILE
  SECURITY DEFINER SET search_path = pg_catalog, public AS $$
DECLARE
  prior text := coalesce(current_setting('xq.capabilities', true), '');
  answer boolean;
BEGIN
  PERFORM set_config('xq.capabilities', 'notifications.manage', true);
  SELECT EXISTS (
    SELECT 1 FROM public.notification_channels n
    WHERE n.school_id = public.xq_school_id() AND n.kind = channel_kind AND n.enabled
  ) INTO answer;
  PERFORM set_config('xq.capabilities', prior, true);
  RETURN answer;
END
$$;--> statement-breakpoint
REVOKE EXECUTE ON FUNCTION xq_school_channel_enabled(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION xq_school_channel_enabled(text) TO xinqiao_app;
