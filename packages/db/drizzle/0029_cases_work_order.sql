-- My work ranks a person's open cases of each of its two kinds by self-harm first, then due date, then id, and keeps
-- the first `offset + limit` (apps/api/src/modules/work/service.ts). With only (responsible_person_id, status) it
-- read and sorted every one of them: 1,064 follow-ups for the demo counsellor of a 30,000-student school, for a page
-- of a hundred. A partial index per kind, in that order, lets it read the first hundred and stop. The statements write
-- the closed state out ('closed', not a parameter) so that a generic plan can prove each index's condition.
CREATE INDEX "cases_work_follow_up_idx" ON "cases" USING btree ("responsible_person_id","self_harm" DESC NULLS FIRST,"due_date","id") WHERE status <> 'closed' AND kind = 'follow_up' AND first_interview_at IS NULL;--> statement-breakpoint
CREATE INDEX "cases_work_other_idx" ON "cases" USING btree ("responsible_person_id","self_harm" DESC NULLS FIRST,"due_date","id") WHERE status <> 'closed' AND NOT (kind = 'follow_up' AND first_interview_at IS NULL);