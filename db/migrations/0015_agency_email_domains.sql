CREATE TABLE "agency_email_domains" (
	"domain" text NOT NULL,
	"agency_id" uuid NOT NULL,
	CONSTRAINT "agency_email_domains_domain_agency_id_pk" PRIMARY KEY("domain","agency_id")
);
--> statement-breakpoint
ALTER TABLE "agency_email_domains" ADD CONSTRAINT "agency_email_domains_agency_id_agencies_id_fk" FOREIGN KEY ("agency_id") REFERENCES "public"."agencies"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agency_email_domains_agency_idx" ON "agency_email_domains" USING btree ("agency_id");--> statement-breakpoint
CREATE FUNCTION "agency_email_domains_sync"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "agency_email_domains" WHERE "agency_id" = NEW."id";
  INSERT INTO "agency_email_domains" ("domain", "agency_id")
    SELECT DISTINCT d, NEW."id" FROM jsonb_array_elements_text(NEW."email_domains") AS d;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "agencies_email_domains_sync" AFTER INSERT OR UPDATE OF "email_domains" ON "agencies"
  FOR EACH ROW EXECUTE FUNCTION "agency_email_domains_sync"();
--> statement-breakpoint
INSERT INTO "agency_email_domains" ("domain", "agency_id")
  SELECT DISTINCT d, a."id" FROM "agencies" a, jsonb_array_elements_text(a."email_domains") AS d;
