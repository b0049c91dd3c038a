ALTER TABLE "mail_outbox" ADD COLUMN "certificate_code" text;--> statement-breakpoint
CREATE INDEX "mail_outbox_certificate_idx" ON "mail_outbox" USING btree ("certificate_code");--> statement-breakpoint
UPDATE "mail_outbox" SET "certificate_code" = "props"->>'certificateCode', "props" = "props" - 'certificateCode' WHERE "props" ? 'certificateCode';
