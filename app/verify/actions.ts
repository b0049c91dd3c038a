'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db';
import { getEnv } from '@/lib/config/env';
import { clientIp } from '@/lib/http/client-ip';
import { checkUploadedPdf, codeFormTarget, type TCodeFormState, type TLookupContext, type TUploadState } from './_lib/verify-steps';

async function lookupContext(): Promise<TLookupContext> {
  return { ip: clientIp(await headers()), limitPerIp: getEnv().CERTIFICATE_LOOKUP_LIMIT_PER_IP };
}

export async function verifyCodeAction(_previous: TCodeFormState, formData: FormData): Promise<TCodeFormState> {
  const target = codeFormTarget(formData);
  if ('redirectTo' in target) redirect(target.redirectTo);
  return target;
}

export async function verifyFileAction(_previous: TUploadState, formData: FormData): Promise<TUploadState> {
  return checkUploadedPdf(await getDb(), await lookupContext(), formData);
}
