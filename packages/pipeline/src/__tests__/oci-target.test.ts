import { describe, expect, it } from 'vitest';
import { ociOptions } from '../oci-target.js';

describe('ociOptions', () => {
  it('speaks plain HTTP when the context asks or ATTEST_PLAIN_HTTP=1, the context first', () => {
    const env = { ATTEST_PLAIN_HTTP: '1' };
    expect(ociOptions({ cwd: '/', env }).plainHttp).toBe(true);
    expect(ociOptions({ cwd: '/', env: {} }).plainHttp).toBeUndefined();
    expect(ociOptions({ cwd: '/', env: {}, plainHttp: true }).plainHttp).toBe(true);
    expect(ociOptions({ cwd: '/', env, plainHttp: false }).plainHttp).toBeUndefined();
  });

  it('passes credentials only when there are some', () => {
    const credentials = { username: 'u', password: 'p' };
    expect(ociOptions({ cwd: '/', env: {} }, credentials).credentials).toBe(credentials);
    expect('credentials' in ociOptions({ cwd: '/', env: {} })).toBe(false);
  });
});
