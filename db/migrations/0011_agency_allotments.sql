CREATE TABLE "session_allotments" (
	"session_id" uuid NOT NULL,
	"agency_id" uuid NOT NULL,
	"seats" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "session_allotments_session_id_agency_id_pk" PRIMARY KEY("session_id","agency_id"),
	CONSTRAINT "session_allotments_seats_ck" CHECK ("session_allotments"."seats" > 0 and "session_allotments"."taken" >= 0)
);
--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "allotments_release_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "training_sessions" ADD COLUMN "allotments_released_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "allotment_agency_id" uuid;--> statement-breakpoint
ALTER TABLE "registrations" ADD COLUMN "in_reserved_seat" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "session_allotments" ADD CONSTRAINT "session_allotments_session_id_training_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_allotments" ADD CONSTRAINT "session_allotments_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "session_allotments_agency_idx" ON "session_allotments" USING btree ("agency_id");--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_allotment_agency_id_agencies_id_fk" FOREIGN KEY ("allotment_agency_id") REFERENCES "public"."agencies"("id") ON DELETE set null ON UPDATE no action;