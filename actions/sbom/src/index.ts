import {
  choiceInput,
  listInput,
  requiredInput,
  runAction,
  stringInput,
} from '@build-artifact/actions-common';
import { run } from './main.js';

await runAction(() => {
  requiredInput('paths');
  return {
    paths: listInput('paths'),
    output: stringInput('output', 'sbom.cdx.json'),
    format: choiceInput('sbom-format', ['cyclonedx-json', 'spdx-json'] as const, 'cyclonedx-json'),
    specVersion: choiceInput('spec-version', ['1.6', '1.7'] as const, '1.6'),
  };
}, run);
