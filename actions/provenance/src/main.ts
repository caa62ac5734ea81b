import {
  type ArtifactSource,
  collectArtifacts,
  formatSums,
  group,
  output,
  requireIdToken,
  writeSummary,
} from '@build-artifact/actions-common';
import { writeFileAtomic } from '@build-artifact/core';
import {
  githubProvenance,
  parseResolvedDependency,
  provenanceStatement,
  verifyOidcToken,
} from '@build-artifact/provenance';
import { fetchActionsIdToken } from '@build-artifact/sign';

export interface ProvenanceInputs extends ArtifactSource {
  resolvedDependencies: string[];
  output: string;
}

export async function run(
  inputs: ProvenanceInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // The provenance is only as good as the claims it is built from: a verified token, never env.
  requireIdToken(env);
  const dependencies = inputs.resolvedDependencies.map((d) => parseResolvedDependency(d));
  const artifacts = await collectArtifacts(inputs);
  const statement = await group('Building the provenance', async () => {
    const token = await fetchActionsIdToken(env, 'sigstore');
    const claims = await verifyOidcToken(token, {
      audience: 'sigstore',
      ...(env.ATTEST_OIDC_ISSUER ? { issuer: env.ATTEST_OIDC_ISSUER } : {}),
      ...(env.ATTEST_OIDC_JWKS_URL ? { jwksUrl: env.ATTEST_OIDC_JWKS_URL } : {}),
    });
    // Its URLs come from the verified token's issuer, not from GITHUB_SERVER_URL.
    const predicate = githubProvenance(claims, { resolvedDependencies: dependencies });
    return provenanceStatement(
      artifacts.map((a) => ({ name: a.name, digest: { sha256: a.sha256 } })),
      predicate,
    );
  });
  await writeFileAtomic(inputs.output, `${JSON.stringify(statement, null, 2)}\n`);
  const sums = formatSums(artifacts.map((a) => ({ name: a.name, sha256: a.sha256 })));
  output('statement-path', inputs.output);
  output('digests', sums);
  await writeSummary({
    title: 'Provenance (unsigned)',
    subjects: artifacts.map((a) => ({ name: a.name, sha256: a.sha256 })),
    notes: [`Statement written to \`${inputs.output}\`.`],
  });
}
