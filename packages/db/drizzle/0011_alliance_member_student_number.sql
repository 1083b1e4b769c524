-- A member of the peer alliance carries the student number of the student it is linked to, copied when it is
-- linked (like its name): the alliance office works on its own records and has no reach into students, so a join
-- showed it no numbers (the term sheet's 学号 column was empty). Rows linked before are filled where the migrating
-- role sees the student.
ALTER TABLE "alliance_members" ADD COLUMN "student_number" text;--> statement-breakpoint
UPDATE alliance_members m SET student_number = s.student_number FROM students s WHERE s.id = m.student_id;
