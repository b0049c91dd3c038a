import 'server-only';
import { describeError } from '@/lib/errors/describe-error';
import { DrizzleAdapter } from '@auth/drizzle-adapter';
import { eq } from 'drizzle-orm';
import NextAuth from 'next-auth';
import { getDb } from '@/db';
import { accounts, sessions, users, verificationTokens, type TUserRole } from '@/db/schema';
import { getAuthSecret } from '@/lib/config/auth-secret';
import { getEnv } from '@/lib/config/env';
import { magicLinkProvider } from './magic-link-provider';

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
      // TRAINER_EMAILS grants the trainer role; it never takes a role away (trainers may also be
      // created from the command line, coordinators are appointed by a trainer).
      async signIn({ user }) {
        const email = user.email?.toLowerCase();
        if (!email || !user.id || user.role === 'trainer') return;
        if (getEnv().TRAINER_EMAILS.includes(email)) {
          await db.update(users).set({ role: 'trainer' }).where(eq(users.id, user.id));
        }
      },
    },
  };
});
