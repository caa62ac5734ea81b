import * as core from '@actions/core';
import {
  booleanInput,
  choiceInput,
  listInput,
  requiredInput,
  runAction,
  stringInput,
} from '@build-artifact/actions-common';
import { run } from './main.js';

await runAction(
  () => {
    requiredInput('subject-path');
    const registryToken = stringInput('registry-token');
    if (registryToken) core.setSecret(registryToken);
    return {
      buildCommand: stringInput('build-command'),
      workingDirectory: stringInput('working-directory', '.'),
      subjectPaths: listInput('subject-path'),
      subjectsDirectory: '',
      checksums: '',
      sourceDirectory: '.',
      sbomPaths: listInput('sbom-paths'),
      sbom: booleanInput('sbom', true),
      sbomFormat: choiceInput(
        'sbom-format',
        ['cyclonedx-json', 'spdx-json'] as const,
        'cyclonedx-json',
      ),
      specVersion: choiceInput('spec-version', ['1.6', '1.7'] as const, '1.6'),
      resolvedDependencies: listInput('resolved-dependencies'),
      outputDirectory: stringInput('output-directory'),
      githubAttestations: booleanInput('github-attestations', true),
      token: stringInput('token'),
      ociRepository: stringInput('oci-repository'),
      registryToken,
      registryUsername: stringInput('registry-username'),
    };
  },
  async (inputs) => {
    await run(inputs);
  },
);
