import 'server-only';
import { createHash } from 'node:crypto';

/** The fingerprint stored with a certificate: an uploaded file matches only if it is exactly the PDF issued. */
export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
