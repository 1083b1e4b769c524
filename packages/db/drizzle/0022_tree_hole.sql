CREATE TABLE "tree_hole_keys" (
	"key_hash" text PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"holder_tag" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tree_hole_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"body" text NOT NULL,
	"notice_version" text NOT NULL,
	"signals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"escalated" boolean DEFAULT false NOT NULL,
	"writer_revealable" boolean DEFAULT false NOT NULL,
	"reply_due_at" timestamp with time zone NOT NULL,
	"rule_names" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"plugin_id" text NOT NULL,
	"plugin_version" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_writer_post_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "tree_hole_replies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"school_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"from_center" boolean NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"signals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "tree_hole_replies_author_check" CHECK (from_center = (author_id IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "tree_hole_writers" (
	"message_id" uuid PRIMARY KEY NOT NULL,
	"school_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "tree_hole_keys" ADD CONSTRAINT "tree_hole_keys_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_hole_keys" ADD CONSTRAINT "tree_hole_keys_message_id_tree_hole_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."tree_hole_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_hole_messages" ADD CONSTRAINT "tree_hole_messages_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_hole_replies" ADD CONSTRAINT "tree_hole_replies_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_hole_replies" ADD CONSTRAINT "tree_hole_replies_message_id_tree_hole_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."tree_hole_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_hole_replies" ADD CONSTRAINT "tree_hole_replies_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."people"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_hole_writers" ADD CONSTRAINT "tree_hole_writers_message_id_tree_hole_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."tree_hole_messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_hole_writers" ADD CONSTRAINT "tree_hole_writers_school_id_schools_id_fk" FOREIGN KEY ("school_id") REFERENCES "public"."schools"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tree_hole_writers" ADD CONSTRAINT "tree_hole_writers_student_id_students_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."students"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "tree_hole_keys_message_idx" ON "tree_hole_keys" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "tree_hole_messages_school_idx" ON "tree_hole_messages" USING btree ("school_id","created_at");--> statement-breakpoint
CREATE INDEX "tree_hole_replies_message_idx" ON "tree_hole_replies" USING btree ("message_id","created_at");--> statement-breakpoint
-- The tree hole (情绪树洞, issue 17.7; docs/tree-hole.md). Messages carry no student. A student writes; the center
-- (treehole.reply) reads and replies; the writer reads their thread only with its key: the API sets the key's
-- SHA-256 as xq.tree_hole_key for the transaction, and only the thread that key belongs to shows. The writer of an
-- escalated message is linked in tree_hole_writers, which only treehole.identify (the center director) reads.
CREATE FUNCTION xq_tree_hole_key() RETURNS text LANGUAGE sql STABLE AS $$
  SELECT nullif(current_setting('xq.tree_hole_key', true), '')
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION xq_tree_hole_key() TO PUBLIC;
--> statement-breakpoint
ALTER TABLE tree_hole_messages ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tree_hole_messages FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tree_hole_messages_write ON tree_hole_messages FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY tree_hole_messages_center ON tree_hole_messages
  USING (school_id = xq_school_id() AND xq_has_capability('treehole.reply'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('treehole.reply'));
--> statement-breakpoint
CREATE POLICY tree_hole_messages_key_read ON tree_hole_messages FOR SELECT
  USING (
    school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL
    AND id IN (SELECT message_id FROM tree_hole_keys WHERE key_hash = xq_tree_hole_key())
  );
--> statement-breakpoint
CREATE POLICY tree_hole_messages_key_update ON tree_hole_messages FOR UPDATE
  USING (
    school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL
    AND id IN (SELECT message_id FROM tree_hole_keys WHERE key_hash = xq_tree_hole_key())
  )
  WITH CHECK (
    school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL
    AND id IN (SELECT message_id FROM tree_hole_keys WHERE key_hash = xq_tree_hole_key())
  );
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON tree_hole_messages FROM xinqiao_app;
--> statement-breakpoint
ALTER TABLE tree_hole_replies ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tree_hole_replies FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tree_hole_replies_center ON tree_hole_replies
  USING (school_id = xq_school_id() AND xq_has_capability('treehole.reply'))
  WITH CHECK (school_id = xq_school_id() AND xq_has_capability('treehole.reply'));
--> statement-breakpoint
CREATE POLICY tree_hole_replies_key_read ON tree_hole_replies FOR SELECT
  USING (
    school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL
    AND message_id IN (SELECT message_id FROM tree_hole_keys WHERE key_hash = xq_tree_hole_key())
  );
--> statement-breakpoint
-- The writer's follow-up in their thread: anonymous (no author), never in the center's name.
CREATE POLICY tree_hole_replies_key_write ON tree_hole_replies FOR INSERT
  WITH CHECK (
    school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL AND NOT from_center AND author_id IS NULL
    AND message_id IN (SELECT message_id FROM tree_hole_keys WHERE key_hash = xq_tree_hole_key())
  );
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON tree_hole_replies FROM xinqiao_app;
--> statement-breakpoint
ALTER TABLE tree_hole_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tree_hole_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Keys are the writer's alone: a student adds the key of what they write and reads or uses up the one key they
-- hold (its hash is the transaction's xq.tree_hole_key). Nobody else reads them, not the center.
CREATE POLICY tree_hole_keys_issue ON tree_hole_keys FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL);
--> statement-breakpoint
CREATE POLICY tree_hole_keys_read ON tree_hole_keys FOR SELECT
  USING (school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL AND key_hash = xq_tree_hole_key());
--> statement-breakpoint
CREATE POLICY tree_hole_keys_use ON tree_hole_keys FOR UPDATE
  USING (school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL AND key_hash = xq_tree_hole_key())
  WITH CHECK (school_id = xq_school_id() AND xq_my_student_id() IS NOT NULL AND key_hash = xq_tree_hole_key());
--> statement-breakpoint
REVOKE DELETE, TRUNCATE ON tree_hole_keys FROM xinqiao_app;
--> statement-breakpoint
ALTER TABLE tree_hole_writers ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE tree_hole_writers FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Written by the student themself when the plugin escalates what they wrote; read only by the center director.
CREATE POLICY tree_hole_writers_link ON tree_hole_writers FOR INSERT
  WITH CHECK (school_id = xq_school_id() AND student_id = xq_my_student_id());
--> statement-breakpoint
CREATE POLICY tree_hole_writers_identify ON tree_hole_writers FOR SELECT
  USING (school_id = xq_school_id() AND xq_has_capability('treehole.identify'));
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON tree_hole_writers FROM xinqiao_app;
