CREATE TABLE "agenda_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"section" text NOT NULL,
	"key" text NOT NULL,
	"title" text NOT NULL,
	"presenter" text,
	"notes" text
);
--> statement-breakpoint
CREATE TABLE "meeting_agendas" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"template_name" text,
	"prepared_by" uuid,
	"agreed_at" timestamp with time zone,
	"agreed_by" uuid,
	"committee_meeting_id" uuid,
	"sent_at" timestamp with time zone,
	"sent_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_agendas_tenant_id_meeting_id_pk" PRIMARY KEY("tenant_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"data" "bytea" NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_yearly" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"year" smallint NOT NULL,
	"kind" text NOT NULL,
	"content" text NOT NULL,
	"dated_on" date,
	"recorded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "minutes" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"rev" integer DEFAULT 0 NOT NULL,
	"content" jsonb NOT NULL,
	"chair_member_id" uuid,
	"minute_taker_member_id" uuid,
	"chair_signed_at" timestamp with time zone,
	"chair_signed_by" uuid,
	"chair_on_behalf" boolean DEFAULT false NOT NULL,
	"taker_signed_at" timestamp with time zone,
	"taker_signed_by" uuid,
	"taker_on_behalf" boolean DEFAULT false NOT NULL,
	"locked_at" timestamp with time zone,
	"attendance_snapshot" jsonb,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "minutes_tenant_id_meeting_id_pk" PRIMARY KEY("tenant_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "minutes_addenda" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"text" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resolutions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"number" integer,
	"title" text NOT NULL,
	"content" text DEFAULT '' NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL,
	"vote_approve" integer,
	"vote_against" integer,
	"vote_other" integer,
	"outcome" text,
	"voted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supervision_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"user_id" uuid NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"visits_per_quarter" smallint DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_assignees" (
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	CONSTRAINT "task_assignees_tenant_id_task_id_member_id_pk" PRIMARY KEY("tenant_id","task_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "task_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"verdict" text NOT NULL,
	"cause" text,
	"reviewed_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_updates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"state" text NOT NULL,
	"note" text,
	"by_user" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"meeting_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"resolution_id" uuid NOT NULL,
	"title" text NOT NULL,
	"details" text,
	"due_date" date NOT NULL,
	"assignee_body" text,
	"state" text DEFAULT 'open' NOT NULL,
	"last_note" text,
	"last_reported_at" timestamp with time zone,
	"overdue_notified_at" timestamp with time zone,
	"position" smallint DEFAULT 0 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "task_id" uuid;--> statement-breakpoint
CREATE INDEX "agenda_items_tenant_meeting_idx" ON "agenda_items" USING btree ("tenant_id","meeting_id","position");--> statement-breakpoint
CREATE INDEX "meeting_documents_tenant_meeting_idx" ON "meeting_documents" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "member_yearly_uq" ON "member_yearly" USING btree ("tenant_id","member_id","year","kind");--> statement-breakpoint
CREATE INDEX "member_yearly_tenant_path_year_idx" ON "member_yearly" USING btree ("tenant_id","unit_path","year");--> statement-breakpoint
CREATE INDEX "minutes_addenda_tenant_meeting_idx" ON "minutes_addenda" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "resolutions_tenant_meeting_idx" ON "resolutions" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "supervision_assignments_tenant_unit_idx" ON "supervision_assignments" USING btree ("tenant_id","unit_id");--> statement-breakpoint
CREATE INDEX "supervision_assignments_tenant_user_idx" ON "supervision_assignments" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "task_assignees_tenant_member_idx" ON "task_assignees" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "task_reviews_task_meeting_uq" ON "task_reviews" USING btree ("tenant_id","task_id","meeting_id");--> statement-breakpoint
CREATE INDEX "task_reviews_tenant_meeting_idx" ON "task_reviews" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "task_updates_tenant_task_idx" ON "task_updates" USING btree ("tenant_id","task_id","created_at");--> statement-breakpoint
CREATE INDEX "tasks_tenant_unit_state_idx" ON "tasks" USING btree ("tenant_id","unit_id","state","meeting_date");--> statement-breakpoint
CREATE INDEX "tasks_tenant_resolution_idx" ON "tasks" USING btree ("tenant_id","resolution_id");--> statement-breakpoint
CREATE INDEX "tasks_tenant_path_idx" ON "tasks" USING btree ("tenant_id","unit_path");