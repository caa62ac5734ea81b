import {
  artifactSource,
  group,
  logProgress,
  output,
  requireIdToken,
  writeSummary,
} from '@build-artifact/actions-common';
import { writeFileAtomic } from '@build-artifact/core';
import { attest, type FlowContext, formatSums } from '@build-artifact/pipeline';
import { parseResolvedDependency } from '@build-artifact/provenance';

export interface ProvenanceInputs {
  subjectPaths: string[];
  subjectsDirectory: string;
  checksums: string;
  resolvedDependencies: string[];
  output: string;
}

export async function run(
  inputs: ProvenanceInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // The provenance is only as good as the claims it is built from: a verified token, never env.
  requireIdToken(env);
  const context: FlowContext = { cwd: process.cwd(), env, onProgress: logProgress };
  const result = await group('Building the provenance', () =>
    attest(
      {
        artifacts: artifactSource(inputs),
        sbom: false,
        signing: false,
        provenance: {
          builder: 'github',
          resolvedDependencies: inputs.resolvedDependencies.map((d) => parseResolvedDependency(d)),
        },
      },
      context,
    ),
  );
  await writeFileAtomic(inputs.output, result.provenance.text);
  const subjects = result.artifacts.map((a) => ({ name: a.name, sha256: a.digest.sha256! }));
  output('statement-path', inputs.output);
  output('digests', formatSums(subjects));
  await writeSummary({
    title: 'Provenance (unsigned)',
    subjects,
    notes: [`Statement written to \`${inputs.output}\`.`],
  });
}
