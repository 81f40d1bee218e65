import { expect, it } from 'vitest';
import { createHttpApp } from '../../src/http/app.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('OpenAPI document', (env) => {
  it('describes the agreement, referral and fee routes', async () => {
    const { deps, ctx } = env();
    const res = await createHttpApp({ deps, ctx, logError: () => {} }).request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      paths: Record<string, unknown>;
      components: { schemas: Record<string, unknown> };
    };
    for (const path of [
      '/partners/{id}/agreements',
      '/agreements/{id}/activate',
      '/agreements/{id}/one-pager.pdf',
      '/referrals',
      '/referrals/{id}/won',
      '/fees',
      '/fees/totals',
      '/fees/{id}/pay',
    ]) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.components.schemas).toHaveProperty('FeeTerms');
  });
});
