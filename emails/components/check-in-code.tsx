import { Heading, Img, Link, Section, Text } from '@react-email/components';
import { emailText } from './email-shell';

const heading = { color: '#1f2933', fontSize: '18px', fontWeight: 700, lineHeight: '24px', margin: '24px 0 8px' };

/**
 * The QR code the trainer scans at the door. The image is attached to the message (Content-ID
 * `check-in-qr`); the link is written out for a trainer whose phone cannot read the code.
 */
export function CheckInCode({ url }: { url: string }) {
  return (
    <Section>
      <Heading as="h2" style={heading}>
        Your check-in code
      </Heading>
      <Text style={emailText}>Show this code to the trainer at the door: scanning it marks you as attended.</Text>
      <Img src="cid:check-in-qr" width="180" height="180" alt="QR code for checking in to this session" style={{ margin: '0 0 16px' }} />
      <Text style={{ ...emailText, fontSize: '14px' }}>
        If the code cannot be scanned, the trainer can open this link instead: <Link href={url}>{url}</Link>
      </Text>
    </Section>
  );
}
