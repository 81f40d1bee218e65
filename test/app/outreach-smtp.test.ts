import net from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { smtpMailer } from '../../src/app/mailer.js';
import { partnerMessages, sendMessage } from '../../src/app/outreach.js';
import { partnerTimeline, showPartner } from '../../src/app/partners.js';
import { describeEachDb } from '../helpers/db.js';
import { readyToWrite } from '../helpers/outreach.js';

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

const received: Received[] = [];
let server: SMTPServer;
let port = 0;
let closedPort = 0;

beforeAll(async () => {
  // The test server's default STARTTLS certificate has expired, so plain SMTP on loopback.
  server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : undefined,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.server.address() as net.AddressInfo).port;
  // A port that was open a moment ago and is now closed: connections are refused.
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Undoes quoted-printable soft line breaks so the body can be compared as written. */
function decodeQp(raw: string): string {
  return raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

describeEachDb('outreach by e-mail', (env) => {
  it('sends through a real SMTP exchange and logs the Message-ID', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    const mailDeps = { ...deps, mailer: smtpMailer(`smtp://127.0.0.1:${port}`) };
    const before = received.length;
    const m = await sendMessage(mailDeps, ctx, p.id, {});
    expect(m).toMatchObject({ channel: 'email', delivery: 'smtp', recipient: 'dana@brightline.example' });
    expect(m.messageId).toMatch(/^<.+@.+>$/);
    const got = received.slice(before);
    expect(got).toHaveLength(1);
    expect(got[0]?.from).toBe('sam@northwind.example');
    expect(got[0]?.to).toEqual(['dana@brightline.example']);
    const raw = decodeQp(got[0]?.raw ?? '');
    expect(raw).toContain(`Message-ID: ${m.messageId}`);
    expect(raw).toContain('Subject: Could we send each other clients, Dana?');
    expect(raw.replace(/\r\n/g, '\n')).toContain(m.body);
    expect(m.body).toContain('I run Northwind Social: short-form video for DTC skincare brands.');
    const entry = (await partnerTimeline(mailDeps, ctx, p.id)).items.find((a) => a.kind === 'message.sent');
    expect(entry?.data.smtpMessageId).toBe(m.messageId);
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('contacted');
  });

  it('reports a failed SMTP server and marks nothing sent', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    const mailDeps = { ...deps, mailer: smtpMailer(`smtp://127.0.0.1:${closedPort}`, 'sam@northwind.example') };
    const err = await sendMessage(mailDeps, ctx, p.id, { channel: 'email' }).catch((e) => e);
    expect(err.code).toBe('delivery_failed');
    expect(err.message).toMatch(/dana@brightline.example was not sent, and nothing was recorded: .*ECONNREFUSED/);
    expect((await partnerMessages(deps, ctx, p.id)).items).toEqual([]);
    expect((await showPartner(deps, ctx, p.id)).stage).toBe('identified');
    expect((await partnerTimeline(deps, ctx, p.id)).items.map((a) => a.kind)).toEqual(['partner.created']);
  });

  it('refuses e-mail without SMTP configured, or dated in the past', async () => {
    const { deps, ctx } = env();
    const p = await readyToWrite(deps, ctx);
    await expect(sendMessage(deps, ctx, p.id, { channel: 'email' })).rejects.toMatchObject({
      code: 'validation_failed',
      details: { issues: [{ field: 'channel', message: expect.stringMatching(/SMTP_URL/) }] },
    });
    const mailDeps = { ...deps, mailer: smtpMailer(`smtp://127.0.0.1:${port}`) };
    await expect(sendMessage(mailDeps, ctx, p.id, { channel: 'email', on: '2026-11-20' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    const logged = await sendMessage(mailDeps, ctx, p.id, { on: '2026-11-20' });
    expect(logged).toMatchObject({ channel: 'manual', delivery: 'copied', messageId: null });
  });
});
