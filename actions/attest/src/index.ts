import {
  booleanInput,
  choiceInput,
  listInput,
  runAction,
  stringInput,
} from '@build-artifact/actions-common';
import { run } from './main.js';

await runAction(
  () => ({
    subjectPaths: listInput('subject-path'),
    subjectsDirectory: stringInput('subjects-directory'),
    checksums: stringInput('checksums'),
    sourceDirectory: stringInput('source-directory', '.'),
    sbomPaths: listInput('sbom-paths'),
    sbom: booleanInput('sbom', true),
    sbomFormat: choiceInput(
      'sbom-format',
      ['cyclonedx-json', 'spdx-json'] as const,
      'cyclonedx-json',
    ),
    specVersion: choiceInput('spec-version', ['1.6', '1.7'] as const, '1.6'),
    resolvedDependencies: listInput('resolved-dependencies'),
    ociRepository: stringInput('oci-repository'),
    outputDirectory: stringInput('output-directory'),
    githubAttestations: booleanInput('github-attestations', true),
    token: stringInput('token'),
  }),
  async (inputs) => {
    await run(inputs);
  },
);
