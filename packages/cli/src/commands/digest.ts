import {
  assertAlgorithm,
  digestFile,
  expandPaths,
  formatChecksumLine,
  mapConcurrent,
} from '@build-artifact/core';
import { type Command, UsageError } from '../command.js';

export const digestCommand: Command = {
  name: 'digest',
  summary: 'print sha256sum-compatible digests of files and directories',
  usage: 'digest [--algorithm sha256|sha512] PATH...',
  help: [
    ['-a, --algorithm ALG', 'sha256 (default) or sha512'],
    ['PATH', 'a file, a directory (recursed in sorted order) or a glob'],
  ],
  examples: ['attest digest dist/app.wasm', 'attest digest -a sha512 dist/ > SHA512SUMS'],
  options: { algorithm: { type: 'string', short: 'a', default: 'sha256' } },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('digest needs at least one PATH');
    const algorithm = assertAlgorithm(String(values.algorithm));
    const files = await expandPaths(positionals);
    // Hash a few files at once, but print in argument order as sha256sum does.
    let printed = 0;
    const lines: (string | undefined)[] = [];
    await mapConcurrent(files, 2, async (file, i) => {
      const digest = await digestFile(file.path, [algorithm]);
      lines[i] = formatChecksumLine(digest[algorithm]!, file.path);
      while (lines[printed] !== undefined) {
        io.stdout.write(`${lines[printed]}\n`);
        lines[printed++] = '';
      }
    });
    return 0;
  },
};
