import { Button, Link, Text } from '@react-email/components';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type SignInEmailProps = TMailProps['sign-in'];

export default function SignInEmail({
  url = 'http://localhost:3000/signin/confirm?token=preview&email=officer%40example.org',
  email = 'officer@example.org',
  expiresInMinutes = 30,
}: Partial<SignInEmailProps>) {
  return (
    <EmailShell preview="Your Muster sign-in link">
      <Text style={emailText}>Hello,</Text>
      <Text style={emailText}>
        Use the button below to sign in to Muster as {email}. The link works once and expires in{' '}
        {expiresInMinutes} minutes.
      </Text>
      <Button href={url} style={emailButton}>
        Sign in to Muster
      </Button>
      <Text style={{ ...emailText, fontSize: '14px', marginTop: '24px' }}>
        Or paste this address into your browser: <Link href={url}>{url}</Link>
      </Text>
      <Text style={{ ...emailText, fontSize: '14px' }}>
        If you did not ask to sign in, nobody can use this link without access to your mailbox; you can delete
        this email.
      </Text>
    </EmailShell>
  );
}
