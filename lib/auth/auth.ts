import 'server-only';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import NextAuth from 'next-auth';
import { getDb } from '@/db';
import { accounts, sessions, users, verificationTokens, type TUserRole } from '@/db/schema';
import { recordStaffSignIn } from '@/lib/audit/sign-ins';
import { getAuthSecret } from '@/lib/config/auth-secret';
import { getEnv } from '@/lib/config/env';
import { describeError } from '@/lib/errors/describe-error';
import { magicLinkProvider } from './magic-link-provider';
import { grantListedTrainerAtFirstSignIn } from './trainer-emails';

declare module 'next-auth' {
  interface User {
    role?: TUserRole;
  }
  interface Session {
    user: { id: string; email: string; name?: string | null; role: TUserRole };
  }
}

export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const db = await getDb();
  return {
    adapter: DrizzleAdapter(db, {
      usersTable: users,
      accountsTable: accounts,
      sessionsTable: sessions,
      verificationTokensTable: verificationTokens,
    }),
    secret: getAuthSecret(),
    trustHost: true,
    // Cookies only over TLS when Muster is served over it (behind a proxy the request itself may be plain HTTP).
    useSecureCookies: new URL(getEnv().APP_URL).protocol === 'https:',
    session: { strategy: 'database', maxAge: SESSION_MAX_AGE_SECONDS },
    providers: [magicLinkProvider],
    pages: { signIn: '/signin', verifyRequest: '/signin/check-email', error: '/signin/error' },
    logger: {
      // A spent or expired link is an everyday event with its own page, not a server fault.
      error(error) {
        if ((error as { type?: string }).type === 'Verification') console.warn('sign-in: a used or expired sign-in link was opened');
        else console.error(`sign-in: ${describeError(error)}`);
      },
    },
    callbacks: {
      session({ session, user }) {
        return {
          ...session,
          user: { id: user.id, email: user.email, name: user.name, role: user.role ?? 'officer' },
        };
      },
    },
    events: {
      async signIn({ user, isNewUser }) {
        if (!user.email || !user.id) return;
        const granted = await grantListedTrainerAtFirstSignIn(db, { userId: user.id, email: user.email, isNewUser: isNewUser === true }, getEnv().TRAINER_EMAILS);
        // The adapter's user is the row as it was read for this sign-in: no second read for its role.
        await recordStaffSignIn(db, { id: user.id, role: granted ? 'trainer' : (user.role ?? 'officer') });
      },
    },
  };
});
