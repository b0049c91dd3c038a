import { Button, Link, Text } from '@react-email/components';
import { hoursText } from '@/lib/text/hours-text';
import { EmailShell, emailButton, emailText } from './components/email-shell';
import type { TMailProps } from './props';

export type CertificateIssuedEmailProps = TMailProps['certificate-issued'];

export default function CertificateIssuedEmail({
  name = 'Alex Rivera',
  workshopTitle = 'Trauma-informed interviewing',
  when = 'Tue 3 Mar, 9:00–12:00 CST',
  hours = 3,
  creditCategory = 'POST continuing education',
  code = '7K2Q-9XWD-4HPA-M3TR',
  verifyUrl = 'http://localhost:3000/verify/7K2Q-9XWD-4HPA-M3TR',
  myTrainingUrl = 'http://localhost:3000/me',
  replacesCode,
  facilitators,
  partnerAgency,
}: Partial<CertificateIssuedEmailProps>) {
  const credit = hours > 0 ? `${hoursText(hours)}${creditCategory ? ` of ${creditCategory}` : ''}` : '';
  return (
    <EmailShell preview={`Your certificate: ${workshopTitle}`}>
      <Text style={emailText}>Hello {name},</Text>
      <Text style={emailText}>
        Thank you for attending {workshopTitle} ({when}). Your attendance certificate is attached as a PDF
        {credit ? `, for ${credit}` : ''}.
      </Text>
      {(facilitators || partnerAgency) && (
        <Text style={emailText}>
          {partnerAgency ? `The session was run jointly with ${partnerAgency}, named on your certificate as co-provider. ` : ''}
          {facilitators ? `Our thanks to ${facilitators}, who facilitated it.` : ''}
        </Text>
      )}
      {replacesCode && (
        <Text style={emailText}>
          It replaces your earlier certificate {replacesCode}, which is no longer valid: please use this one from now on.
        </Text>
      )}
      <Text style={emailText}>
        <strong>Certificate code:</strong> {code}
        <br />
        Anyone you show it to, such as a supervisor or a standards board, can check it at{' '}
        <Link href={verifyUrl}>{verifyUrl}</Link>, or by scanning the QR code on the certificate.
      </Text>
      <Button href={myTrainingUrl} style={emailButton}>
        See all your training
      </Button>
      <Text style={{ ...emailText, marginTop: '24px', fontSize: '14px' }}>
        Your certificates and hours are kept in My training: sign in with this email address to download them again.
      </Text>
    </EmailShell>
  );
}
