ALTER TYPE "public"."session_visibility" ADD VALUE 'agencies';--> statement-breakpoint
CREATE TABLE "session_agencies" (
	"session_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "session_agencies_session_id_agency_id_pk" PRIMARY KEY("session_id","agency_id")
);
--> statement-breakpoint
ALTER TABLE "session_agencies" ADD CONSTRAINT "session_agencies_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_agencies" ADD CONSTRAINT "session_agencies_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_agencies_agency_idx" ON "session_agencies" USING btree ("agency_id");