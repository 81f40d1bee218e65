import { expect, it } from 'vitest';
import { newId } from '../../src/app/ids.js';

it('makes distinct UUIDv7 ids that sort in the order they were made, past one buffer of randomness', () => {
  const ids = Array.from({ length: 5000 }, () => newId());
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(ids);
  for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});
