/** Every action the audit log records, in words for the audit page and its CSV. */
export const AUDIT_ACTIONS = {
  'roster.viewed': 'Viewed a roster',
  'roster.exported': 'Exported a roster (CSV)',
  'check_in.viewed': 'Opened a check-in list',
  'check_in.person_viewed': 'Opened someone’s check-in code',
  'attendance.recorded': 'Recorded attendance',
  'registration.removed': 'Removed someone from a session',
  'registration.nominated': 'Registered officers of an agency',
  'registration.approved': 'Approved a request for a place',
  'registration.declined': 'Declined a request for a place',
  'registration.substituted': 'Sent another officer in someone’s place',
  'session.cancelled': 'Cancelled a session',
  'session.announced': 'Emailed a session’s people',
  'certificates.issued': 'Issued certificates',
  'certificate.revoked': 'Revoked a certificate',
  'certificate.reissued': 'Reissued a certificate',
  'agency_records.viewed': 'Viewed agency records',
  'agency_records.exported': 'Exported agency records (CSV)',
  'agency_member.confirmed': 'Confirmed someone as an agency’s officer',
  'agency_claim.rejected': 'Rejected someone’s claim to be from an agency',
  'coordinator.granted': 'Made someone a coordinator',
  'coordinator.removed': 'Removed a coordinator',
  'trainer.granted': 'Made someone a trainer',
  'trainer.removed': 'Removed a trainer',
  'api_token.created': 'Created an API token',
  'api_token.revoked': 'Revoked an API token',
  'signed_in': 'Signed in',
  'audit.exported': 'Exported the audit log (CSV)',
} as const;

export type TAuditAction = keyof typeof AUDIT_ACTIONS;

export const AUDIT_ACTION_NAMES = Object.keys(AUDIT_ACTIONS) as [TAuditAction, ...TAuditAction[]];

/** Looks at a whole session's people: someone on it is among whose data was seen. */
export const SESSION_WIDE_ACTIONS: readonly TAuditAction[] = ['roster.viewed', 'roster.exported', 'check_in.viewed', 'session.cancelled', 'session.announced', 'certificates.issued'];

export function auditActionLabel(action: string): string {
  return Object.hasOwn(AUDIT_ACTIONS, action) ? AUDIT_ACTIONS[action as TAuditAction] : action;
}
