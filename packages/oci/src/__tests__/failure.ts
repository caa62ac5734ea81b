import { expect } from 'vitest';
import { OciError } from './exports.js';

/** The OciError a promise rejects with; the test fails if it resolves or rejects otherwise. */
export async function failure(p: Promise<unknown>): Promise<OciError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(OciError);
  return err as OciError;
}
