import { requiredInput, runAction, stringInput } from '@build-artifact/actions-common';
import { run } from './main.js';

await runAction(
  () => ({
    directory: requiredInput('directory'),
    expectedBase64: stringInput('expected-base64'),
    expected: stringInput('expected'),
    checksumsFile: stringInput('checksums-file'),
  }),
  run,
);
