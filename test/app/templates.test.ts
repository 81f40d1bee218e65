import { expect, it } from 'vitest';
import {
  addTemplate,
  convertTemplateText,
  editTemplate,
  ensureDefaultTemplates,
  listTemplatesOf,
  showTemplate,
} from '../../src/app/templates.js';
import { describeEachDb } from '../helpers/db.js';

describeEachDb('templates', (env) => {
  it('gives each workspace the three defaults once', async () => {
    const { deps, ctx } = env();
    await Promise.all([ensureDefaultTemplates(deps, ctx), listTemplatesOf(deps, ctx)]);
    const { items } = await listTemplatesOf(deps, ctx);
    expect(items.map((t) => t.kind)).toEqual(['first_touch', 'follow_up', 'bad_fit_clarification']);
    expect(items.every((t) => t.isDefault)).toBe(true);
    expect((await showTemplate(deps, ctx, 'follow-up')).kind).toBe('follow_up');
  });

  it('refuses an unknown field and broken syntax, naming the field and its position, and saves nothing', async () => {
    const { deps, ctx } = env();
    const err = await addTemplate(deps, ctx, {
      name: 'Warm intro',
      kind: 'first_touch',
      subject: 'Hi {{partner.first_name}',
      body: 'Hello\nWe both serve {{partner.audience}}.',
    }).catch((e) => e);
    expect(err.code).toBe('validation_failed');
    expect(err.details.issues).toEqual([
      { field: 'subject', message: expect.stringMatching(/^"\{\{" at line 1, column 4: .*never closed/) },
      {
        field: 'body',
        message: expect.stringMatching(/^"partner.audience" at line 2, column 15: unknown merge field/),
      },
    ]);
    expect((await listTemplatesOf(deps, ctx)).items).toHaveLength(3);
  });

  it("converts the guide's bracket style on save, and edits", async () => {
    const { deps, ctx } = env();
    const t = await addTemplate(deps, ctx, {
      name: 'From the guide',
      kind: 'first_touch',
      channel: 'linkedin',
      body: 'Hi [Name], [Agency] works with [ideal client]; you with [their clients]. [Your name]',
    });
    expect(t.body).toBe(
      'Hi {{partner.first_name}}, {{agency.name}} works with {{agency.ideal_client}}; you with {{partner.their_clients}}. {{sender.name}}',
    );
    expect(t).toMatchObject({ channel: 'linkedin', subject: null, isDefault: false });
    const edited = await editTemplate(deps, ctx, 'from the guide', { subject: 'For [Name]', name: 'Guide intro' });
    expect(edited).toMatchObject({ name: 'Guide intro', subject: 'For {{partner.first_name}}', body: t.body });
    await expect(addTemplate(deps, ctx, { name: 'Guide intro', kind: 'other', body: 'x' })).rejects.toMatchObject({
      code: 'duplicate',
    });
    await expect(editTemplate(deps, ctx, t.id, { body: '{{nope.field}}' })).rejects.toMatchObject({
      code: 'validation_failed',
    });
    await expect(showTemplate(deps, ctx, 'missing')).rejects.toMatchObject({ code: 'not_found' });
    expect(convertTemplateText({ text: '[Name] [x]' })).toEqual({
      text: '{{partner.first_name}} [x]',
      converted: ['[Name]'],
      unknown: ['[x]'],
    });
  });
});
