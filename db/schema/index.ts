export * from './auth';
export * from './outbox';
export * from './audit';
export * from './rate-limits';
export * from './agencies';
export * from './workshops';
export * from './training-sessions';
export * from './api-tokens';
