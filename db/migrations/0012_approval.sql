CREATE TYPE "public"."session_approval" AS ENUM('none', 'coordinator', 'trainer');--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "approval" "session_approval" DEFAULT 'none' NOT NULL;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "approval_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "approval_token_hash" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "approver_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_approver_agency_id_agencies_id_fk" FOREIGN KEY ("approver_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "registrations_approval_idx" ON "registrations" USING btree ("approval_expires_at") WHERE "registrations"."approval_expires_at" is not null;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_approval_token_hash_unique" UNIQUE("approval_token_hash");