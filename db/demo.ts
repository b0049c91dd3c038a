export const DEMO_TRAINER_EMAIL = 'trainer@example.org';
