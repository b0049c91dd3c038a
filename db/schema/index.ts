export * from './auth';
export * from './outbox';
export * from './audit';
export * from './rate-limits';
