import { expect, it } from 'vitest';
import { encodeId, newId } from '../../src/app/ids.js';

it('makes distinct time-ordered ids that sort in the order they were made, past one buffer of randomness', () => {
  const ids = Array.from({ length: 5000 }, () => newId());
  expect(new Set(ids).size).toBe(ids.length);
  expect([...ids].sort()).toEqual(ids);
  for (const id of ids) expect(id).toMatch(/^[0-7][0-9a-hjkmnp-tv-z]{25}$/);
});

it('writes 128 bits as 26 base-32 characters that sort as the numbers do', () => {
  const bytes = (fill: (i: number) => number) => Uint8Array.from({ length: 16 }, (_, i) => fill(i));
  expect(encodeId(bytes(() => 0))).toBe('00000000000000000000000000');
  expect(encodeId(bytes(() => 255))).toBe('7zzzzzzzzzzzzzzzzzzzzzzzzz');
  // Against the same number written out with BigInt.
  const sample = bytes((i) => [0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef][i % 8] as number);
  expect(encodeId(sample)).toBe(bigIntBase32(sample));
  const a = encodeId(bytes((i) => (i === 15 ? 1 : 0)));
  const b = encodeId(bytes((i) => (i === 0 ? 1 : 0)));
  expect(a < b).toBe(true);
});

/** The same encoding done the slow, obvious way. */
function bigIntBase32(bytes: Uint8Array): string {
  let n = 0n;
  for (const x of bytes) n = (n << 8n) | BigInt(x);
  let out = '';
  for (let i = 0; i < 26; i++, n >>= 5n) out = '0123456789abcdefghjkmnpqrstvwxyz'[Number(n & 31n)] + out;
  return out;
}
