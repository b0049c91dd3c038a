/**
 * Larger than any certificate Muster issues (they are tens of kilobytes), and within what a
 * server action accepts (1 MB by default), so a bigger file gets a message, not a server error.
 * Shared with the browser, which says so before uploading.
 */
export const MAX_PDF_BYTES = 1_000_000;

export const TOO_LARGE_MESSAGE = 'This file is larger than 1 MB. Certificates from Muster are much smaller, so it is not one of them.';
