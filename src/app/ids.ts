import { randomFillSync } from 'node:crypto';
import { V7Generator } from 'uuidv7';

// uuidv7's default generator asks the system for fresh random bytes every eight numbers; a bulk
// import makes three ids a row, and those calls were a tenth of its JavaScript time. The same
// cryptographic source, drawn 4 KB at a time.
const pool = new Uint32Array(1024);
let cursor = pool.length;
const generator = new V7Generator({
  nextUint32() {
    if (cursor >= pool.length) {
      randomFillSync(pool);
      cursor = 0;
    }
    return pool[cursor++] as number;
  },
});

// Ids are keys in every index of the tables that grow (a referral's id, workspace and partner
// fill about half of each index entry), so their text is kept short: the UUID's 128 bits in 26
// base-32 characters instead of 36 hex ones and dashes. On the reference data set that is about a
// fifth fewer index bytes for the review to read and an import to write. The alphabet is
// Crockford's, lower case: digits then letters, so the text sorts as the number does, and an id
// made later still sorts after an earlier one. Written into one buffer, the text decodes to a
// single flat string (built a character at a time, V8 kept a chain of joined pieces that every
// later use walked again).
const ALPHABET = Buffer.from('0123456789abcdefghjkmnpqrstvwxyz');
const text = Buffer.alloc(26);

/** 16 bytes as 26 base-32 characters, big-endian, two zero bits in front. */
export function encodeId(bytes: ArrayLike<number>): string {
  let acc = 0;
  let bits = 2;
  let at = 0;
  for (let i = 0; i < 16; i++) {
    acc = ((acc << 8) | (bytes[i] as number)) & 0x1fff;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      text[at++] = ALPHABET[(acc >>> bits) & 31] as number;
    }
  }
  return text.toString('latin1', 0, 26);
}

/** A new time-ordered id (a UUIDv7 in base 32): ids made later sort after earlier ones. */
export function newId(): string {
  return encodeId(generator.generate().bytes);
}
