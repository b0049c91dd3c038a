CREATE TABLE "calendar_feeds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_email" text,
	"user_id" text,
	"version" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_feeds_owner_email_unique" UNIQUE("owner_email"),
	CONSTRAINT "calendar_feeds_user_id_unique" UNIQUE("user_id"),
	CONSTRAINT "calendar_feeds_one_owner" CHECK (("calendar_feeds"."owner_email" is null) <> ("calendar_feeds"."user_id" is null))
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "registration_id" uuid;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "what_to_bring" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "first_reminder_hours" integer DEFAULT 168;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "second_reminder_hours" integer DEFAULT 24;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "mail_outbox_session_idx" ON "mail_outbox" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_registration_idx" ON "mail_outbox" USING btree ("registration_id");