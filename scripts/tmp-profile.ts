import QRCode from 'qrcode';
import { render } from '@react-email/render';
import { createElement } from 'react';
import { emailComponents } from '@/emails';
import { goldenProps } from '@/lib/mail/_golden/fixtures';
import { invitePartsFromSpec } from '@/lib/calendar/invite-spec';
import nodemailer from 'nodemailer';

const N = 200;
const props = goldenProps['registration-confirmed'][0]!;
async function time(label: string, fn: (i: number) => Promise<unknown> | unknown) {
  for (let i = 0; i < 20; i++) await fn(i);
  const t = performance.now();
  for (let i = 0; i < N; i++) await fn(i);
  console.log(label, ((performance.now() - t) / N).toFixed(2), 'ms');
}
const el = createElement(emailComponents['registration-confirmed'], props as never);
await time('render html', () => render(el));
await time('render text', () => render(el, { plainText: true }));
await time('qr png', (i) => QRCode.toBuffer(`https://muster.example/check-in/6f1c2a9e-0d4b-4f7e-9a51-${i}.abcdefabcdef`, { type: 'png', errorCorrectionLevel: 'M', margin: 4, scale: 8 }));
await time('invite', () => invitePartsFromSpec(props.invite!, { name: 'Muster', email: 'a@b.example' }, new Date()));
const stream = nodemailer.createTransport({ streamTransport: true, buffer: true });
const html = await render(el);
const text = await render(el, { plainText: true });
const png = await QRCode.toBuffer('x', { type: 'png', scale: 8 });
const inv = invitePartsFromSpec(props.invite!, { name: 'Muster', email: 'a@b.example' }, new Date());
await time('mime build', () => stream.sendMail({ from: 'a@b.example', to: 'c@d.example', subject: 's', html, text, alternatives: [inv.alternative], attachments: [inv.attachment, { filename: 'q.png', content: png, cid: 'q' }] }));
const ann = createElement(emailComponents['session-announcement'], goldenProps['session-announcement'][0] as never);
await time('announcement html', () => render(ann));
await time('announcement text', () => render(ann, { plainText: true }));
