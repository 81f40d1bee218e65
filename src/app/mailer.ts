import type { Transporter } from 'nodemailer';
import type { Mailer } from './context.js';

/** A mailer over SMTP (nodemailer); `url` as in smtp://user:pass@host:587. */
export function smtpMailer(url: string, from?: string): Mailer {
  // Loaded when the first message goes out, not with the server (nodemailer is ~6 MB).
  let transport: Promise<Transporter> | undefined;
  return {
    from,
    async send(mail) {
      transport ??= import('nodemailer').then((m) => m.default.createTransport(url));
      const info = await (await transport).sendMail({
        from: mail.fromName ? { name: mail.fromName, address: mail.from } : mail.from,
        to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      return { messageId: info.messageId };
    },
  };
}
