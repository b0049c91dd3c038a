import { Heading, Img, Link, Section, Text } from '@react-email/components';
import { emailText } from './email-shell';

/** The Content-ID by which the HTML refers to the attached image. */
export const CHECK_IN_QR_CID = 'check-in-qr';

const heading = { color: '#1f2933', fontSize: '18px', fontWeight: 700, lineHeight: '24px', margin: '24px 0 8px' };

/**
 * The QR code the trainer scans at the door. The image is attached to the message (by
 * Content-ID); the link is written out for a trainer whose phone cannot read the code.
 */
export function CheckInCode({ url }: { url: string }) {
  return (
    <Section>
      <Heading as="h2" style={heading}>
        Your check-in code
      </Heading>
      <Text style={emailText}>Show this code to the trainer at the door: scanning it marks you as attended.</Text>
      <Img src={`cid:${CHECK_IN_QR_CID}`} width="180" height="180" alt="QR code for checking in to this session" style={{ margin: '0 0 16px' }} />
      <Text style={{ ...emailText, fontSize: '14px' }}>
        If the code cannot be scanned, the trainer can open this link instead: <Link href={url}>{url}</Link>
      </Text>
    </Section>
  );
}
