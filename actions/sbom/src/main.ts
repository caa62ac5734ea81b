import { group, info, logProgress, output, writeSummary } from '@build-artifact/actions-common';
import { describeArtifacts } from '@build-artifact/pipeline';

export interface SbomInputs {
  paths: string[];
  output: string;
  format: 'cyclonedx-json' | 'spdx-json';
  specVersion: '1.6' | '1.7';
}

export async function run(inputs: SbomInputs): Promise<void> {
  const result = await group(`SBOM of ${inputs.paths.join(', ')}`, () =>
    describeArtifacts(
      {
        paths: inputs.paths,
        format: inputs.format,
        ...(inputs.format === 'cyclonedx-json' ? { specVersion: inputs.specVersion } : {}),
        output: inputs.output,
      },
      { cwd: process.cwd(), env: process.env, onProgress: logProgress },
    ),
  );
  info(`${result.componentCount} components: ${JSON.stringify(result.ecosystems)}`);
  output('sbom-path', inputs.output);
  output('component-count', result.componentCount);
  output('ecosystems', JSON.stringify(result.ecosystems));
  await writeSummary({
    title: 'SBOM',
    sboms: [
      {
        subject: inputs.output,
        componentCount: result.componentCount,
        ecosystems: result.ecosystems,
      },
    ],
  });
}
