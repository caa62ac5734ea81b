import { listInput, runAction, stringInput } from '@build-artifact/actions-common';
import { run } from './main.js';

await runAction(
  () => ({
    subjectPaths: listInput('subject-path'),
    subjectsDirectory: stringInput('subjects-directory'),
    checksums: stringInput('checksums'),
    resolvedDependencies: listInput('resolved-dependencies'),
    output: stringInput('output', 'provenance.intoto.json'),
  }),
  async (inputs) => {
    await run(inputs);
  },
);
