-- A person's open cases by when they started: My work's overdue key-student talks read only the cases that started
-- an interval ago, not every open case of the person (1,064 for a counsellor of a 30,000-student school).
CREATE INDEX "cases_open_by_start_idx" ON "cases" USING btree ("responsible_person_id","created_at") WHERE status <> 'closed';