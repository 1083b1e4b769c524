CREATE TABLE "background_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_by" text,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_schedules" (
	"name" text PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone NOT NULL,
	"last_run_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_import_files" (
	"school_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_import_files_import_id_part_pk" PRIMARY KEY("import_id","part")
);
--> statement-breakpoint
ALTER TABLE "screening_imports" ADD CONSTRAINT "screening_imports_id_school_unique" UNIQUE("id","school_id");--> statement-breakpoint
ALTER TABLE "background_jobs" ADD CONSTRAINT "background_jobs_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_import_files" ADD CONSTRAINT "screening_import_files_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_import_files" ADD CONSTRAINT "screening_import_files_import_school_fk" FOREIGN KEY ("import_id","school_id") REFERENCES "public"."screening_imports"("id","school_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "background_jobs_queued_idx" ON "background_jobs" USING btree ("run_at") WHERE state = 'queued';--> statement-breakpoint
CREATE INDEX "background_jobs_running_idx" ON "background_jobs" USING btree ("locked_until") WHERE state = 'running';--> statement-breakpoint
-- Background jobs and schedules are platform tables: a request (a tenant transaction) may add a job of its own
-- school and nothing else; only the job runner's transactions (xq.job_runner = 'on', set by apps/api/src/jobs)
-- read, claim and finish jobs of every school.
CREATE FUNCTION xq_job_runner() RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT coalesce(current_setting('xq.job_runner', true), '') = 'on'
$$;
--> statement-breakpoint
ALTER TABLE background_jobs ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE background_jobs FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY background_jobs_enqueue ON background_jobs FOR INSERT
  WITH CHECK (school_id IS NOT NULL AND school_id = xq_school_id());
--> statement-breakpoint
CREATE POLICY background_jobs_runner ON background_jobs USING (xq_job_runner()) WITH CHECK (xq_job_runner());
--> statement-breakpoint
ALTER TABLE job_schedules ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE job_schedules FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY job_schedules_runner ON job_schedules USING (xq_job_runner()) WITH CHECK (xq_job_runner());
--> statement-breakpoint
-- An uploaded screening file is seen and written like its import: the school's screening managers only.
ALTER TABLE screening_import_files ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE screening_import_files FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY screening_import_files_access ON screening_import_files
  USING (school_id = xq_school_id() AND xq_has_capability('screening.manage'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('screening.manage'));
