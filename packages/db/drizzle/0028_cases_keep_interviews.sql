-- A case keeps when its first and latest interviews took place, so "talked to yet?" (My work, the follow-up list's
-- states, the case list) and the first talk's day (the KPIs) are columns of the case instead of a lookup of its
-- entries per case, each under the entries' own policy (which looks the case up again). Entries are never edited or
-- deleted: the insert trigger below is the only writer, whichever code adds the interview.
ALTER TABLE "cases" ADD COLUMN "first_interview_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "last_interview_at" timestamp with time zone;--> statement-breakpoint
-- The owner is subject to FORCE ROW LEVEL SECURITY: lifted for the copy, inside this migration's transaction.
ALTER TABLE "cases" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "case_entries" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
UPDATE cases c SET first_interview_at = i.first_at, last_interview_at = i.last_at
  FROM (SELECT case_id, min(coalesce(occurred_at, created_at)) AS first_at, max(coalesce(occurred_at, created_at)) AS last_at
          FROM case_entries WHERE kind = 'interview' GROUP BY case_id) i
 WHERE i.case_id = c.id;--> statement-breakpoint
ALTER TABLE "case_entries" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "cases" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
-- An interview typed before `occurred_at` was recorded counts when it was typed, as the reads did. Runs as the
-- writer, under the cases' policy: whoever may add an entry to a case sees the case (case_entries_insert).
CREATE FUNCTION xq_case_entries_interview() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  at timestamptz := coalesce(NEW.occurred_at, NEW.created_at);
BEGIN
  UPDATE cases SET first_interview_at = least(first_interview_at, at), last_interview_at = greatest(last_interview_at, at)
   WHERE id = NEW.case_id;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER case_entries_interview AFTER INSERT ON case_entries
  FOR EACH ROW WHEN (NEW.kind = 'interview') EXECUTE FUNCTION xq_case_entries_interview();
