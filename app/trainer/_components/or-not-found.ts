import 'server-only';
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors/app-error';

/** A domain lookup for a page: a record that is not there (or a malformed id) is the 404 page. */
export async function orNotFound<T>(lookup: Promise<T>): Promise<T> {
  try {
    return await lookup;
  } catch (error) {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  }
}
