import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote } from '../render/shell.js';

describe('shellQuote', () => {
  it('gives one word a POSIX shell reads back as the value', () => {
    for (const value of [
      'oci-layout:/tmp/out/oci@sha256:ab12',
      'https://example.com/a?b=c&d',
      "it's",
      '$HOME `id` $(id) "x"',
      '',
      'two\nlines',
      ' -leading space',
      '*',
    ]) {
      const word = shellQuote(value);
      expect(execFileSync('sh', ['-c', `printf %s ${word}`], { encoding: 'utf8' })).toBe(value);
    }
  });

  it('leaves plain words as they are', () => {
    expect(shellQuote('--vsa-max-age')).toBe('--vsa-max-age');
    expect(shellQuote('ATTEST_FULCIO_URL=http://127.0.0.1:5555')).toBe(
      'ATTEST_FULCIO_URL=http://127.0.0.1:5555',
    );
  });
});
