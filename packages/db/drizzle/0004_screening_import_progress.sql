ALTER TABLE "screening_imports" ADD COLUMN "bytes_total" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_imports" ADD COLUMN "bytes_read" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_imports" ADD COLUMN "follow_ups_opened" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "screening_imports" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_screening_result_id_screening_results_id_fk" FOREIGN KEY ("screening_result_id") REFERENCES "public"."screening_results"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cases_screening_result_unique" ON "cases" USING btree ("screening_result_id") WHERE screening_result_id IS NOT NULL;