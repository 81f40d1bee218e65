import fs from 'node:fs';
import path from 'node:path';
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';

/**
 * Every string a request may carry — JSON bodies, query strings, path parameters — must refuse
 * NUL and unpaired surrogates. Rather than list fields (and miss the next one), this walks the
 * schemas themselves: every route the HTTP adapter registers, and every strict object (the
 * request bodies) and path-parameter schema the contract exports.
 */

type Schema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } } };

function stringLeaves(schema: Schema, at: string, out: [string, Schema][], seen = new Set<Schema>()) {
  if (seen.has(schema)) return;
  seen.add(schema);
  const def = schema._zod.def;
  const inner = (s: unknown, p = at) => stringLeaves(s as Schema, p, out, seen);
  switch (def.type) {
    case 'string':
      out.push([at, schema]);
      break;
    case 'object':
      for (const [key, value] of Object.entries(def.shape as Record<string, unknown>)) inner(value, `${at}.${key}`);
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      inner(def.innerType);
      break;
    case 'pipe':
      // What the client sends meets the input side; the output side sees it transformed.
      inner(def.in);
      break;
    case 'array':
      inner(def.element, `${at}[]`);
      break;
    case 'union':
      for (const option of def.options as unknown[]) inner(option);
      break;
  }
}

async function routeSchemas(): Promise<[string, Schema][]> {
  const api = new OpenAPIHono();
  const dir = path.resolve('src/http/routes');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (name.endsWith('Routes') && typeof value === 'function') (value as (a: OpenAPIHono) => void)(api);
    }
  }
  const out: [string, Schema][] = [];
  for (const d of api.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const { request, method, path: p } = d.route;
    const name = `${method.toUpperCase()} ${p}`;
    if (request?.params) out.push([`${name} params`, request.params as unknown as Schema]);
    if (request?.query) out.push([`${name} query`, request.query as unknown as Schema]);
    const media = request?.body?.content['application/json'];
    const json = media && 'schema' in media ? media.schema : undefined;
    if (json) out.push([`${name} body`, json as unknown as Schema]);
  }
  return out;
}

async function contractRequestSchemas(): Promise<[string, Schema][]> {
  const dir = path.resolve('src/contract');
  const out: [string, Schema][] = [];
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      const def = (value as Schema | undefined)?._zod?.def;
      if (!def) continue;
      // Requests are strict objects (an unknown field is refused); answers are plain objects.
      const strict = def.type === 'object' && (def.catchall as Schema | undefined)?._zod.def.type === 'never';
      if (strict || name.endsWith('ParamSchema') || name === 'IdSchema') out.push([name, value as Schema]);
    }
  }
  return out;
}

describe('request text', () => {
  it('every string a request may carry refuses NUL and unpaired surrogates', async () => {
    const schemas = [...(await routeSchemas()), ...(await contractRequestSchemas())];
    expect(schemas.length).toBeGreaterThan(40);
    const leaves: [string, Schema][] = [];
    for (const [name, schema] of schemas) stringLeaves(schema, name, leaves);
    expect(leaves.length).toBeGreaterThan(80);
    const accepted = leaves.flatMap(([at, leaf]) =>
      ['ok\u0000ok', 'ok\ud800ok', 'ok\u001bok']
        .filter((bad) => leaf.safeParse(bad).success)
        .map((bad) => `${at} ${JSON.stringify(bad)}`),
    );
    expect(accepted).toEqual([]);
  });
});
