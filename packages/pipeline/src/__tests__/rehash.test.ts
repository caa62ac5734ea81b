import { describe, expect, it } from 'vitest';
import { decodeExpected } from '../rehash.js';

describe('rehash', () => {
  it("decodes the build legs' base64 digests, skipping empty legs", () => {
    const a = Buffer.from(`${'a'.repeat(64)}  one`).toString('base64');
    const b = Buffer.from(`${'b'.repeat(64)}  two\n`).toString('base64');
    expect(decodeExpected(` ${a}   ${b}  `)).toBe(
      `${'a'.repeat(64)}  one\n${'b'.repeat(64)}  two\n`,
    );
    expect(() => decodeExpected('not base64!')).toThrow(/not base64/);
  });
});
