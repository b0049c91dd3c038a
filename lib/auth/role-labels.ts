import type { TUserRole } from '@/db/schema/auth';

// Plain data, shared with the browser (the header reads the session there).
export const roleLabels: Record<TUserRole, string> = {
  trainer: 'Trainer',
  coordinator: 'Agency coordinator',
  officer: 'Officer',
};
