import { Body, Container, Head, Hr, Html, Preview, Section, Text } from '@react-email/components';
import type { ReactNode } from 'react';

const body = { backgroundColor: '#f4f5f7', fontFamily: 'Helvetica, Arial, sans-serif', margin: 0, padding: '24px 0' };
const card = { backgroundColor: '#ffffff', borderRadius: '8px', maxWidth: '560px', margin: '0 auto', padding: '32px' };
const brand = { color: '#1e3a5f', fontSize: '14px', fontWeight: 700, letterSpacing: '0.08em', margin: '0 0 16px' };
const footer = { color: '#5b6472', fontSize: '12px', lineHeight: '18px', margin: 0 };

/** The frame every Muster email shares; each message supplies only its body. */
export function EmailShell({ preview, children }: { preview: string; children: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={body}>
        <Container style={card}>
          <Text style={brand}>MUSTER</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: '#e3e6ea', margin: '24px 0' }} />
          <Text style={footer}>
            Sent by Muster, the training scheduler for police and partner-agency workshops. If you did not expect
            this email you can ignore it.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export const emailText = { color: '#1f2933', fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' };
export const emailButton = {
  backgroundColor: '#1e3a5f',
  borderRadius: '6px',
  color: '#ffffff',
  display: 'inline-block',
  fontSize: '16px',
  fontWeight: 600,
  padding: '12px 20px',
  textDecoration: 'none',
};
