CREATE TABLE "meeting_scores" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"meeting_date" date NOT NULL,
	"rubric_code" text NOT NULL,
	"rubric_version" integer NOT NULL,
	"rubric" jsonb NOT NULL,
	"evidence" jsonb NOT NULL,
	"self_items" jsonb,
	"self_total" real,
	"self_level" text,
	"self_by" uuid,
	"self_at" timestamp with time zone,
	"flagged" boolean DEFAULT false NOT NULL,
	"decided_items" jsonb,
	"decided_total" real,
	"decided_level" text,
	"decided_by" uuid,
	"decided_as" text,
	"decided_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_scores_tenant_id_meeting_id_pk" PRIMARY KEY("tenant_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"code" text NOT NULL,
	"version" integer NOT NULL,
	"data" jsonb NOT NULL,
	"valid_from" date NOT NULL,
	"valid_to" date,
	"withdrawn_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visits" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"visitor_user_id" uuid NOT NULL,
	"visitor_unit_path" text COLLATE "C" NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"meeting_id" uuid,
	"planned_on" date NOT NULL,
	"state" text DEFAULT 'planned' NOT NULL,
	"attended_at" timestamp with time zone,
	"cancelled_reason" text,
	"report" jsonb,
	"reported_at" timestamp with time zone,
	"reported_on" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "meeting_scores_tenant_path_date_idx" ON "meeting_scores" USING btree ("tenant_id","unit_path","meeting_date");--> statement-breakpoint
CREATE UNIQUE INDEX "rubrics_tenant_code_version_uq" ON "rubrics" USING btree ("tenant_id","code","version");--> statement-breakpoint
CREATE INDEX "visits_tenant_visitor_idx" ON "visits" USING btree ("tenant_id","visitor_user_id","planned_on");--> statement-breakpoint
CREATE INDEX "visits_tenant_path_idx" ON "visits" USING btree ("tenant_id","unit_path","planned_on");--> statement-breakpoint
CREATE INDEX "visits_tenant_meeting_idx" ON "visits" USING btree ("tenant_id","meeting_id");