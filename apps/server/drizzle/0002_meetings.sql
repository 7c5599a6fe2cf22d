CREATE TABLE "attendance" (
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"member_status" text NOT NULL,
	"exempt" boolean DEFAULT false NOT NULL,
	"status" text,
	"reason" text,
	"checked_in_at" timestamp with time zone,
	"method" text,
	"marked_by" uuid,
	"marked_at" timestamp with time zone,
	CONSTRAINT "attendance_meeting_id_member_id_pk" PRIMARY KEY("meeting_id","member_id")
);
--> statement-breakpoint
CREATE TABLE "calendar_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "meeting_guests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"mode" text DEFAULT 'in_person' NOT NULL,
	"period" text,
	"registered_date" date,
	"date" date NOT NULL,
	"start_time" text,
	"place" text,
	"online_url" text,
	"topic" text,
	"prepares_meeting_id" uuid,
	"thematic_topic_id" uuid,
	"combined_with_thematic" boolean DEFAULT false NOT NULL,
	"custom" boolean DEFAULT false NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone,
	"held_on" date,
	"duration_minutes" integer,
	"checkin_code" text,
	"checkin_token" text,
	"checkin_until" timestamp with time zone,
	"cancel_reason" text,
	"reminded_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"meeting_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "postponements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"from_date" date NOT NULL,
	"new_date" date NOT NULL,
	"reason" text NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reported_on" date NOT NULL,
	"reported_by" uuid
);
--> statement-breakpoint
CREATE TABLE "thematic_plans" (
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"unit_path" text COLLATE "C" NOT NULL,
	"reported_at" timestamp with time zone,
	"reported_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "thematic_plans_tenant_id_unit_id_year_pk" PRIMARY KEY("tenant_id","unit_id","year")
);
--> statement-breakpoint
CREATE TABLE "thematic_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"year" smallint NOT NULL,
	"quarter" smallint NOT NULL,
	"title" text NOT NULL,
	"drafter_member_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "meeting_time" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "meeting_place" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "meeting_mode" text DEFAULT 'in_person' NOT NULL;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "meeting_url" text;--> statement-breakpoint
CREATE INDEX "attendance_tenant_member_idx" ON "attendance" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_tokens_active_user_uq" ON "calendar_tokens" USING btree ("tenant_id","user_id") WHERE "calendar_tokens"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "meeting_guests_tenant_meeting_idx" ON "meeting_guests" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_regular_period_uq" ON "meetings" USING btree ("tenant_id","unit_id","period") WHERE "meetings"."kind" = 'regular';--> statement-breakpoint
CREATE INDEX "meetings_tenant_path_date_idx" ON "meetings" USING btree ("tenant_id","unit_path","date");--> statement-breakpoint
CREATE INDEX "meetings_tenant_unit_date_idx" ON "meetings" USING btree ("tenant_id","unit_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_checkin_code_uq" ON "meetings" USING btree ("tenant_id","checkin_code") WHERE "meetings"."checkin_code" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "meetings_checkin_token_uq" ON "meetings" USING btree ("checkin_token") WHERE "meetings"."checkin_token" is not null;--> statement-breakpoint
CREATE INDEX "notifications_tenant_user_idx" ON "notifications" USING btree ("tenant_id","user_id","created_at");--> statement-breakpoint
CREATE INDEX "postponements_tenant_path_idx" ON "postponements" USING btree ("tenant_id","unit_path","reported_at");--> statement-breakpoint
CREATE INDEX "postponements_tenant_meeting_idx" ON "postponements" USING btree ("tenant_id","meeting_id");--> statement-breakpoint
CREATE INDEX "thematic_topics_tenant_unit_year_idx" ON "thematic_topics" USING btree ("tenant_id","unit_id","year");