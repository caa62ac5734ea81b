import { dirname, join } from 'node:path';
import { ActionError, group, info, output, writeSummary } from '@build-artifact/actions-common';
import { writeFileAtomic } from '@build-artifact/core';
import { decodeExpected, formatSums, rehashDirectory } from '@build-artifact/pipeline';

export interface HashInputs {
  directory: string;
  /** Base64 sha256sum chunks (job outputs of the build legs). */
  expectedBase64: string;
  /** Plain sha256sum text. */
  expected: string;
  checksumsFile: string;
}

export async function run(inputs: HashInputs): Promise<void> {
  const expected = inputs.expected + decodeExpected(inputs.expectedBase64);
  if (expected.trim() === '') {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: 'give the expected digests in expected-base64 or expected',
    });
  }
  const files = await group(`Re-hashing ${inputs.directory}`, async () => {
    const hashed = await rehashDirectory(inputs.directory, expected);
    for (const f of hashed) info(`${f.sha256}  ${f.name}: matches`);
    return hashed;
  });
  const sums = formatSums(files);
  const checksumsFile = inputs.checksumsFile || join(dirname(inputs.directory), 'SHA256SUMS');
  await writeFileAtomic(checksumsFile, sums);
  output('digests', sums);
  output('checksums-file', checksumsFile);
  output('count', files.length);
  await writeSummary({
    title: 'Downloaded files re-hashed',
    subjects: files,
    notes: [`All ${files.length} files match the digests the build job passed on.`],
  });
}
