export const DEMO_TRAINER_EMAIL = 'trainer@example.org';

/** Riverside's training officer: a contact of the agency and co-facilitator of the demo's joint session. */
export const DEMO_CO_FACILITATOR_EMAIL = 'd.whitfield@example.org';
