import { describe, expect, it } from 'vitest';
import { sourceDateEpoch } from '../epoch.js';
import { CoreError } from '../error.js';

describe('sourceDateEpoch', () => {
  it('reads seconds, and nothing when unset or empty', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1700000000' })).toBe(1_700_000_000);
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '0' })).toBe(0);
    expect(sourceDateEpoch({})).toBeUndefined();
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '' })).toBeUndefined();
  });

  it('refuses anything but 1-12 digits, quoting (and cutting) what it was given', () => {
    for (const value of ['yesterday', '-1', '1.5', ' 1', '1e9', '9'.repeat(13), '\u001b[31m1']) {
      let error: unknown;
      try {
        sourceDateEpoch({ SOURCE_DATE_EPOCH: value });
      } catch (err) {
        error = err;
      }
      expect(error, value).toBeInstanceOf(CoreError);
      expect((error as CoreError).code).toBe('INVALID_SOURCE_DATE_EPOCH');
      expect((error as CoreError).message).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});
