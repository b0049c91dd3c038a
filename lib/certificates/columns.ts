import { getTableColumns } from 'drizzle-orm';
import { certificates } from '@/db/schema';

const { pdf: _pdf, ...record } = getTableColumns(certificates);

/**
 * Every certificate column but the PDF: lookups and lists select these, so a roster or a holder's
 * list never carries every file along. Only delivery and download load the bytes.
 */
export const certificateRecordColumns = record;
