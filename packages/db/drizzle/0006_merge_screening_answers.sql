-- Item answers and full scores move into screening_results: an import writes each result once instead of twice.
-- What RLS on a separate table protected before, column privileges protect now: only the role xinqiao_screening
-- (transactions of people with the 'screening.answers' capability, i.e. the center) may read or write the two
-- columns; xinqiao_app gets "permission denied for table screening_results" if it names them. Answers are a
-- smallint[] (every instrument answers 0–5), a fifth of the bytes of a jsonb array.
ALTER TABLE "screening_results" ADD COLUMN "answers" smallint[];--> statement-breakpoint
ALTER TABLE "screening_results" ADD COLUMN "scores" jsonb;--> statement-breakpoint
UPDATE screening_results r
SET answers = ARRAY(SELECT jsonb_array_elements_text(a.answers)::smallint), scores = a.scores
FROM screening_answers a WHERE a.result_id = r.id;
--> statement-breakpoint
ALTER TABLE "screening_answers" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "screening_answers" CASCADE;--> statement-breakpoint
-- One key check per imported row instead of two: the (wave, school) pair, which also proves the wave is the school's.
ALTER TABLE "screening_waves" ADD CONSTRAINT "screening_waves_id_school_unique" UNIQUE("id","school_id");--> statement-breakpoint
ALTER TABLE "screening_results" DROP CONSTRAINT "screening_results_school_id_schools_id_fk";
--> statement-breakpoint
ALTER TABLE "screening_results" DROP CONSTRAINT "screening_results_wave_id_screening_waves_id_fk";
--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_wave_school_fk" FOREIGN KEY ("wave_id","school_id") REFERENCES "public"."screening_waves"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The unique (wave, student) index serves per-wave queries; one index fewer to maintain per imported row.
DROP INDEX "screening_results_wave_tier_idx";--> statement-breakpoint
DO $$ BEGIN
  CREATE ROLE xinqiao_screening NOLOGIN NOSUPERUSER NOBYPASSRLS INHERIT;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  GRANT xinqiao_app TO xinqiao_screening;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
DO $$ BEGIN
  EXECUTE format('GRANT xinqiao_screening TO %I', current_user);
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;
--> statement-breakpoint
REVOKE SELECT, INSERT, UPDATE ON screening_results FROM xinqiao_app;
--> statement-breakpoint
GRANT SELECT (id, school_id, wave_id, student_id, instrument, summary, attention_tier, reasons, plugin_id, plugin_version,
              import_batch_id, submitted_at, created_at),
      INSERT (id, school_id, wave_id, student_id, instrument, summary, attention_tier, reasons, plugin_id, plugin_version,
              import_batch_id, submitted_at, created_at),
      UPDATE (summary, attention_tier, reasons, plugin_id, plugin_version, import_batch_id, submitted_at)
  ON screening_results TO xinqiao_app;
--> statement-breakpoint
GRANT SELECT (answers, scores), INSERT (answers, scores), UPDATE (answers, scores) ON screening_results TO xinqiao_screening;
