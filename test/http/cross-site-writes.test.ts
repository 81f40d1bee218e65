import { afterEach, expect, it } from 'vitest';
import { activateAgreement, addAgreement, showAgreement } from '../../src/app/agreements.js';
import type { Ctx, Deps } from '../../src/app/context.js';
import { listFees, payFeeLine } from '../../src/app/fees.js';
import { showPartner } from '../../src/app/partners.js';
import { addReferral, markWon } from '../../src/app/referrals.js';
import { listReviews } from '../../src/app/review.js';
import { describeEachDb } from '../helpers/db.js';
import { partnerAfterCall } from '../helpers/partners.js';
import { rawRequest, startTestServer, type TestServer } from '../helpers/server.js';

/** A partner with an active agreement, one fee line still due and one paid. */
async function seed(deps: Deps, ctx: Ctx) {
  const partner = await partnerAfterCall(deps, ctx);
  const agreement = await addAgreement(deps, ctx, partner.id, {
    feeToThem: { kind: 'percent', percent: 10, months: 3 },
    handoffMethod: 'intro_email',
    startDate: '2026-01-01',
  });
  await activateAgreement(deps, ctx, agreement.id, { on: '2026-01-02' });
  const referral = await addReferral(deps, ctx, {
    direction: 'received',
    partnerId: partner.id,
    leadName: 'Acme',
    date: '2026-02-01',
  });
  const won = await markWon(deps, ctx, referral.id, { monthlyValue: 200_000, startDate: '2026-02-15' });
  const [due, paid] = won.feeLines;
  await payFeeLine(deps, ctx, paid!.id, { on: '2026-03-16' });
  return { partnerId: partner.id, agreementId: agreement.id, dueFeeId: due!.id, paidFeeId: paid!.id };
}

/** How a page on another site can send a write without a CORS preflight (or with one, from a rebound name). */
const crossSite: Record<string, Record<string, string>> = {
  'fetch with a JSON body': { origin: 'http://evil.example', 'content-type': 'application/json' },
  'sendBeacon with a string (text/plain)': {
    origin: 'http://evil.example',
    'content-type': 'text/plain;charset=UTF-8',
  },
  'no-cors fetch without a body or content type': { origin: 'http://evil.example' },
  'a browser that sends only Sec-Fetch-Site': { 'sec-fetch-site': 'cross-site' },
  'a sibling subdomain': { origin: 'http://other.localhost', 'sec-fetch-site': 'same-site' },
};

describeEachDb('HTTP writes from another site', (env) => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const start = async () => {
    server = await startTestServer(env());
    return server.port;
  };
  const post = (port: number, path: string, headers: Record<string, string>, body?: string) =>
    rawRequest(port, `/api/v1${path}`, { method: 'POST', headers, body });
  const feeStatus = async (id: string) => {
    const { items } = await listFees(env().deps, env().ctx, { asOf: '2026-04-20' });
    return items.find((l) => l.id === id)?.status;
  };

  it('refuses each listed write with 403 however it is sent, and changes nothing', async () => {
    const { deps, ctx } = env();
    const s = await seed(deps, ctx);
    const port = await start();
    const writes: [string, string | undefined][] = [
      ['/reviews', JSON.stringify({ month: '2026-03', notes: 'planted' })],
      [`/fees/${s.dueFeeId}/pay`, JSON.stringify({ on: '2026-03-20' })],
      [`/fees/${s.paidFeeId}/unpay`, undefined],
      [`/partners/${s.partnerId}/archive`, undefined],
      [`/agreements/${s.agreementId}/end`, JSON.stringify({ on: '2026-03-20' })],
    ];
    for (const [how, headers] of Object.entries(crossSite)) {
      for (const [path, json] of writes) {
        const body = headers['content-type'] ? (json ?? '{}') : undefined;
        const res = await post(port, path, headers, body);
        expect(res.status, `${how}: POST ${path}`).toBe(403);
        expect(res.json()).toMatchObject({ error: { code: 'forbidden', message: expect.any(String), details: {} } });
      }
    }
    expect((await listReviews(deps, ctx)).items).toEqual([]);
    expect(await feeStatus(s.dueFeeId)).not.toBe('paid');
    expect(await feeStatus(s.paidFeeId)).toBe('paid');
    expect((await showPartner(deps, ctx, s.partnerId)).archivedAt).toBeNull();
    expect((await showAgreement(deps, ctx, s.agreementId)).status).toBe('active');
  });

  it('refuses loading the demo into an empty workspace from another site', async () => {
    const port = await start();
    for (const [how, headers] of Object.entries(crossSite)) {
      expect((await post(port, '/demo', headers, headers['content-type'] ? '{}' : undefined)).status, how).toBe(403);
    }
    expect(((await rawRequest(port, '/api/v1/partners?limit=1')).json() as { total: number }).total).toBe(0);
  });

  it("takes the same writes from the app's own page and from programs that send neither header", async () => {
    const { deps, ctx } = env();
    const s = await seed(deps, ctx);
    const port = await start();
    const own = { origin: `http://127.0.0.1:${port}`, 'sec-fetch-site': 'same-origin' };
    const json = { 'content-type': 'application/json' };
    expect((await post(port, '/reviews', { ...own, ...json }, '{"month":"2026-03"}')).status).toBe(201);
    expect((await post(port, `/fees/${s.dueFeeId}/pay`, own)).status).toBe(200);
    expect((await post(port, `/fees/${s.paidFeeId}/unpay`, { 'sec-fetch-site': 'same-origin' })).status).toBe(200);
    // curl and scripts: no Origin, no Sec-Fetch-Site (API tokens come with accounts).
    expect((await post(port, `/agreements/${s.agreementId}/end`, {})).status).toBe(200);
    // Each of the loopback names is its own origin: a page on localhost writes through localhost.
    const local = `localhost:${port}`;
    const otherName = await post(port, `/partners/${s.partnerId}/archive`, { origin: `http://${local}` });
    expect(otherName.status).toBe(403);
    expect(
      (await post(port, `/partners/${s.partnerId}/archive`, { host: local, origin: `http://${local}` })).status,
    ).toBe(200);
  });

  it('refuses an absent body where the route needs one, naming `body`, and keeps optional bodies optional', async () => {
    const { deps, ctx } = env();
    const s = await seed(deps, ctx);
    const port = await start();
    const absent = await post(port, '/reviews', {});
    expect(absent.status).toBe(400);
    expect(absent.json()).toMatchObject({
      error: { code: 'validation_failed', details: { issues: [{ field: 'body' }] } },
    });
    const noLength = await post(port, '/reviews', { 'content-length': '0' });
    expect(noLength.status).toBe(400);
    expect((await listReviews(deps, ctx)).items).toEqual([]);
    // Pay and end take an optional body: absent, it means "today".
    const paid = await post(port, `/fees/${s.dueFeeId}/pay`, {});
    expect(paid.status).toBe(200);
    expect(paid.json()).toMatchObject({ status: 'paid', paidOn: '2026-11-24' });
    expect((await post(port, `/agreements/${s.agreementId}/end`, {})).status).toBe(200);
  });

  it('refuses a body sent as text/plain or without a content type with 415', async () => {
    const { deps, ctx } = env();
    const port = await start();
    const body = '{"month":"2026-03"}';
    const plain = await post(port, '/reviews', { 'content-type': 'text/plain;charset=UTF-8' }, body);
    expect(plain.status).toBe(415);
    expect(plain.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    const untyped = await post(port, '/reviews', {}, body);
    expect(untyped.status).toBe(415);
    expect(untyped.json()).toMatchObject({ error: { code: 'unsupported_media_type' } });
    expect((await listReviews(deps, ctx)).items).toEqual([]);
  });
});
