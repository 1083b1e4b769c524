CREATE TABLE "alliance_departments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"college_unit_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"department_id" uuid,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"stars" integer DEFAULT 0 NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"record_id" uuid,
	"delta" numeric(6, 1) NOT NULL,
	"rule_name" text NOT NULL,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"reason" text NOT NULL,
	"reverses_entry_id" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_members" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"department_id" uuid NOT NULL,
	"student_id" uuid,
	"person_id" uuid,
	"name" text NOT NULL,
	"member_role" text NOT NULL,
	"is_officer" boolean DEFAULT false NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "alliance_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"event_id" uuid,
	"task_key" text,
	"kind" text NOT NULL,
	"facts" jsonb NOT NULL,
	"approval" text DEFAULT 'not_needed' NOT NULL,
	"approved_by" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alliance_records_checkin_unique" UNIQUE("event_id","member_id","kind")
);
--> statement-breakpoint
CREATE TABLE "alliance_terms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"name" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_answers" (
	"result_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"answers" jsonb NOT NULL,
	"scores" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "screening_imports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"rows_read" integer DEFAULT 0 NOT NULL,
	"rows_accepted" integer DEFAULT 0 NOT NULL,
	"rows_rejected" integer DEFAULT 0 NOT NULL,
	"rows_unchanged" integer DEFAULT 0 NOT NULL,
	"errors" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "screening_results" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"wave_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"instrument" text NOT NULL,
	"summary" jsonb NOT NULL,
	"attention_tier" integer NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"import_batch_id" uuid,
	"submitted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "screening_results_wave_student_unique" UNIQUE("wave_id","student_id")
);
--> statement-breakpoint
CREATE TABLE "screening_waves" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"academic_year" integer NOT NULL,
	"name" text NOT NULL,
	"instrument" text NOT NULL,
	"cohort" text NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "working_day_overrides" (
	"school_id" uuid NOT NULL,
	"day" date NOT NULL,
	"working" text NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	CONSTRAINT "working_day_overrides_unique" UNIQUE("school_id","day")
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "screening_result_id" uuid;--> statement-breakpoint
ALTER TABLE "alliance_departments" ADD CONSTRAINT "alliance_departments_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_departments" ADD CONSTRAINT "alliance_departments_college_unit_id_units_id_fk" FOREIGN KEY ("college_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_events" ADD CONSTRAINT "alliance_events_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_events" ADD CONSTRAINT "alliance_events_term_id_alliance_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."alliance_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_events" ADD CONSTRAINT "alliance_events_department_id_alliance_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."alliance_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_events" ADD CONSTRAINT "alliance_events_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_ledger" ADD CONSTRAINT "alliance_ledger_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_ledger" ADD CONSTRAINT "alliance_ledger_term_id_alliance_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."alliance_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_ledger" ADD CONSTRAINT "alliance_ledger_member_id_alliance_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."alliance_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_ledger" ADD CONSTRAINT "alliance_ledger_record_id_alliance_records_id_fk" FOREIGN KEY ("record_id") REFERENCES "public"."alliance_records"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_ledger" ADD CONSTRAINT "alliance_ledger_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_term_id_alliance_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."alliance_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_department_id_alliance_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."alliance_departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_members" ADD CONSTRAINT "alliance_members_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_records" ADD CONSTRAINT "alliance_records_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_records" ADD CONSTRAINT "alliance_records_term_id_alliance_terms_id_fk" FOREIGN KEY ("term_id") REFERENCES "public"."alliance_terms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_records" ADD CONSTRAINT "alliance_records_member_id_alliance_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."alliance_members"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_records" ADD CONSTRAINT "alliance_records_event_id_alliance_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."alliance_events"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_records" ADD CONSTRAINT "alliance_records_approved_by_people_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_records" ADD CONSTRAINT "alliance_records_recorded_by_people_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alliance_terms" ADD CONSTRAINT "alliance_terms_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_answers" ADD CONSTRAINT "screening_answers_result_id_screening_results_id_fk" FOREIGN KEY ("result_id") REFERENCES "public"."screening_results"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_answers" ADD CONSTRAINT "screening_answers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_answers" ADD CONSTRAINT "screening_answers_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_imports" ADD CONSTRAINT "screening_imports_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_imports" ADD CONSTRAINT "screening_imports_wave_id_screening_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."screening_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_imports" ADD CONSTRAINT "screening_imports_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_wave_id_screening_waves_id_fk" FOREIGN KEY ("wave_id") REFERENCES "public"."screening_waves"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_results" ADD CONSTRAINT "screening_results_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_waves" ADD CONSTRAINT "screening_waves_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "screening_waves" ADD CONSTRAINT "screening_waves_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "working_day_overrides" ADD CONSTRAINT "working_day_overrides_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alliance_events_term_idx" ON "alliance_events" USING btree ("term_id","starts_at");--> statement-breakpoint
CREATE INDEX "alliance_ledger_member_idx" ON "alliance_ledger" USING btree ("member_id","id");--> statement-breakpoint
CREATE INDEX "alliance_members_term_idx" ON "alliance_members" USING btree ("term_id","department_id");--> statement-breakpoint
CREATE INDEX "alliance_records_member_idx" ON "alliance_records" USING btree ("member_id","recorded_at");--> statement-breakpoint
CREATE INDEX "screening_imports_wave_idx" ON "screening_imports" USING btree ("wave_id");--> statement-breakpoint
CREATE INDEX "screening_results_student_idx" ON "screening_results" USING btree ("student_id");--> statement-breakpoint
CREATE INDEX "screening_results_wave_tier_idx" ON "screening_results" USING btree ("wave_id","attention_tier");--> statement-breakpoint
CREATE INDEX "screening_waves_school_year_idx" ON "screening_waves" USING btree ("school_id","academic_year");