/** Fixed ports (override with environment variables) so a run never depends on chance. */
export const e2ePorts = {
  app: Number(process.env.E2E_PORT ?? 3210),
  /** A second server on embedded defaults only: no SMTP, demo data, local mailbox. */
  demo: Number(process.env.E2E_DEMO_PORT ?? 3211),
  smtp: Number(process.env.E2E_SMTP_PORT ?? 2526),
  sinkApi: Number(process.env.E2E_SINK_API_PORT ?? 2527),
};

export const appUrl = `http://localhost:${e2ePorts.app}`;
export const demoUrl = `http://localhost:${e2ePorts.demo}`;
export const sinkApiUrl = `http://127.0.0.1:${e2ePorts.sinkApi}`;

/** Emails that the e2e server treats as trainers (TRAINER_EMAILS). */
export const e2eTrainerEmails = Array.from({ length: 11 }, (_, i) => `trainer-${i}@e2e.example`);
