'use server';

import { headers } from 'next/headers';
import { refreshCatalogue } from '@/app/_lib/catalogue-cache';
import { currentActor } from '@/app/_lib/trainer-action';
import { getDb } from '@/db';
import { getEnv } from '@/lib/config/env';
import { clientIp } from '@/lib/http/client-ip';
import { submitRegistration, type TRegisterFormState, type TRequestContext } from './registration-steps';

async function requestContext(): Promise<TRequestContext> {
  return { actor: await currentActor(), ip: clientIp(await headers()), limitPerIp: getEnv().REGISTRATION_LIMIT_PER_IP };
}

export async function registerAction(sessionId: string, _previous: TRegisterFormState, formData: FormData): Promise<TRegisterFormState> {
  const state = await submitRegistration(await getDb(), await requestContext(), sessionId, formData);
  // Seats left changed: the cached catalogue shows them.
  if (state.outcome) refreshCatalogue();
  return state;
}
