CREATE TYPE "public"."paper_size" AS ENUM('a4', 'letter');--> statement-breakpoint
CREATE TYPE "public"."attendance_status" AS ENUM('attended', 'absent', 'partial');--> statement-breakpoint
CREATE TABLE "certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"registration_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"holder_name" text NOT NULL,
	"holder_email" text NOT NULL,
	"workshop_title" text NOT NULL,
	"session_starts_at" timestamp with time zone NOT NULL,
	"session_ends_at" timestamp with time zone NOT NULL,
	"time_zone" text NOT NULL,
	"hours" numeric(5, 2) NOT NULL,
	"credit_category" text DEFAULT '' NOT NULL,
	"facilitators" text DEFAULT '' NOT NULL,
	"partner_agency" text DEFAULT '' NOT NULL,
	"issuer" text NOT NULL,
	"issuer_id" text,
	"paper" "paper_size" DEFAULT 'a4' NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"pdf_sha256" text NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_reason" text,
	"replaced_by_code" text,
	CONSTRAINT "certificates_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "coordinator_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "certificate_paper" "paper_size" DEFAULT 'a4' NOT NULL;--> statement-breakpoint
ALTER TABLE "workshops" ADD COLUMN "minimum_certificate_hours" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "roster_closed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "attendance" "attendance_status";--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "attended_hours" numeric(5, 2);--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "attendance_recorded_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "attendance_recorded_by" text;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "certificates" ADD CONSTRAINT "certificates_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_active_registration_uq" ON "certificates" USING btree ("registration_id") WHERE "certificates"."revoked_at" is null;--> statement-breakpoint
CREATE INDEX "certificates_session_idx" ON "certificates" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "certificates_holder_email_idx" ON "certificates" USING btree ("holder_email");--> statement-breakpoint
CREATE INDEX "certificates_pdf_sha256_idx" ON "certificates" USING btree ("pdf_sha256");--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_coordinator_agency_id_agencies_id_fk" FOREIGN KEY ("coordinator_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;