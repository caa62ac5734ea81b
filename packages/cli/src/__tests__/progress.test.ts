import { describe, expect, it } from 'vitest';
import { ociProgress } from '../progress.js';
import { captureIO } from './io.js';

describe('ociProgress', () => {
  it('escapes what a warning quotes from a registry', async () => {
    const io = captureIO();
    ociProgress(
      io,
      'push',
    )({
      step: 'oci.retry',
      level: 'warning',
      message: 'retrying: 503 \u001b[2J\u001b]0;owned\u0007\n::error::forged',
    });
    await new Promise((r) => setImmediate(r));
    expect(io.err()).toBe(
      'attest push: warning: retrying: 503 \\x1b[2J\\x1b]0;owned\\x07\\n::error::forged\n',
    );
  });
});
