import type { TFormState } from '@/app/_lib/trainer-action';

/** A feed's two addresses: `webcal://` opens a subscription; the web one is for pasting. */
export type TFeedLinks = { webcal: string; web: string };

/** After a reset the new links come back in the state, so the page shows them without reloading. */
export type TFeedResetState = TFormState & { links?: TFeedLinks };

export type TFeedResetAction = (state: TFeedResetState, formData: FormData) => Promise<TFeedResetState>;
