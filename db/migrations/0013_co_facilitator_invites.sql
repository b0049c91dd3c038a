ALTER TABLE "session_facilitators" ADD COLUMN "invited_sequence" integer;--> statement-breakpoint
CREATE INDEX "session_facilitators_email_idx" ON "session_facilitators" USING btree (lower("email"));