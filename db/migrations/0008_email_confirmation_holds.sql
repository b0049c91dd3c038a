ALTER TABLE "training_sessions" ADD COLUMN "require_email_confirmation" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "max_registrations_per_address" integer DEFAULT 10;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "hold_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "confirm_token_hash" text;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "client_key" text;--> statement-breakpoint
CREATE INDEX "registrations_session_client_idx" ON "registrations" USING btree ("session_id","client_key") WHERE "registrations"."client_key" is not null and "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registrations_hold_idx" ON "registrations" USING btree ("hold_expires_at") WHERE "registrations"."hold_expires_at" is not null;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_confirm_token_hash_unique" UNIQUE("confirm_token_hash");