import { group, logProgress, output, writeSummary } from '@build-artifact/actions-common';
import { writeFileAtomic } from '@build-artifact/core';
import { generateSbom } from '@build-artifact/sbom';

export interface SbomInputs {
  paths: string[];
  output: string;
  specVersion: '1.6' | '1.7';
}

export async function run(inputs: SbomInputs): Promise<void> {
  const result = await group(`SBOM of ${inputs.paths.join(', ')}`, async () => {
    const r = await generateSbom(inputs.paths, {
      specVersion: inputs.specVersion,
      onProgress: logProgress,
    });
    console.log(`${r.componentCount} components: ${JSON.stringify(r.ecosystems)}`);
    return r;
  });
  await writeFileAtomic(inputs.output, result.json);
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
