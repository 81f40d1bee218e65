import nodemailer from 'nodemailer';
import type { Mailer } from './context.js';

/** A mailer over SMTP (nodemailer); `url` as in smtp://user:pass@host:587. */
export function smtpMailer(url: string, from?: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    from,
    async send(mail) {
      const info = await transport.sendMail({
        from: mail.fromName ? { name: mail.fromName, address: mail.from } : mail.from,
        to: mail.toName ? { name: mail.toName, address: mail.to } : mail.to,
        subject: mail.subject,
        text: mail.text,
      });
      return { messageId: info.messageId };
    },
  };
}
