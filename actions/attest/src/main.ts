import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import * as core from '@actions/core';
import {
  ActionError,
  type Artifact,
  type ArtifactSource,
  bundleFacts,
  collectArtifacts,
  formatSums,
  group,
  logProgress,
  output,
  rekorLink,
  requireIdToken,
  type SummarySbom,
  type SummaryTlogEntry,
  writeSummary,
} from '@build-artifact/actions-common';
import { buildStatement, PredicateType, type Subject, writeFileAtomic } from '@build-artifact/core';
import {
  githubProvenance,
  parseResolvedDependency,
  provenanceStatement,
  verifyOidcToken,
} from '@build-artifact/provenance';
import { generateSbom, SbomError } from '@build-artifact/sbom';
import {
  actionsTokenProvider,
  type SerializedBundle as Bundle,
  fetchActionsIdToken,
  type KeylessSignOptions,
  type SigstoreInstance,
  signStatement,
  sigstoreInstanceFromEnv,
  storeAttestation,
} from '@build-artifact/sign';

export interface AttestInputs extends ArtifactSource {
  sourceDirectory: string;
  sbomPaths: string[];
  sbom: boolean;
  specVersion: '1.6' | '1.7';
  resolvedDependencies: string[];
  outputDirectory: string;
  githubAttestations: boolean;
  token: string;
}

export interface AttestedArtifact extends Artifact {
  bundlePath: string;
  sbomPath?: string;
  sbomBundlePath?: string;
  componentCount?: number;
  ecosystems?: Record<string, number>;
}

export interface AttestResult {
  artifacts: AttestedArtifact[];
  signer?: string;
  tlog: SummaryTlogEntry[];
  attestationIds: string[];
}

/**
 * The SBOM of one artifact: what the binary itself records (Go build info, cargo-auditable,
 * embedded wasm) plus the lockfiles it was built from. An artifact our inspectors cannot read
 * (a tarball, a wheel) is described by the lockfiles alone.
 */
async function sbomFor(path: string, lockfiles: string[], specVersion: '1.6' | '1.7') {
  const options = { specVersion, onProgress: logProgress };
  try {
    return await generateSbom([path, ...lockfiles], options);
  } catch (err) {
    if (!(err instanceof SbomError) || err.code !== 'UNSUPPORTED_INPUT' || err.file !== path) {
      throw err;
    }
    core.info(`${path} is not a binary the SBOM inspectors read; the SBOM lists its lockfiles`);
    return generateSbom(lockfiles, options);
  }
}

function outPath(inputs: AttestInputs, artifact: Artifact, suffix: string): string {
  return inputs.outputDirectory
    ? join(inputs.outputDirectory, artifact.name.replace(/\//g, '_') + suffix)
    : artifact.path + suffix;
}

export async function run(
  inputs: AttestInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AttestResult> {
  // Before any work: without id-token: write there is nothing to sign with.
  requireIdToken(env);
  if (inputs.outputDirectory) await mkdir(inputs.outputDirectory, { recursive: true });
  const dependencies = inputs.resolvedDependencies.map((d) => parseResolvedDependency(d));
  const artifacts = await group('Hashing the artifacts', async () => {
    const a = await collectArtifacts(inputs);
    for (const x of a) console.log(`${x.sha256}  ${x.name}`);
    return a;
  });
  const subjects: Subject[] = artifacts.map((a) => ({
    name: a.name,
    digest: { sha256: a.sha256 },
  }));

  const claims = await group('Reading the OIDC token', async () => {
    const token = await fetchActionsIdToken(env, 'sigstore');
    const c = await verifyOidcToken(token, {
      audience: 'sigstore',
      ...(env.ATTEST_OIDC_ISSUER ? { issuer: env.ATTEST_OIDC_ISSUER } : {}),
      ...(env.ATTEST_OIDC_JWKS_URL ? { jwksUrl: env.ATTEST_OIDC_JWKS_URL } : {}),
    });
    console.log(`workflow ${c.job_workflow_ref ?? c.workflow_ref} at ${c.sha}`);
    return c;
  });
  const instance: SigstoreInstance = sigstoreInstanceFromEnv(env, {
    visibility: String(claims.repository_visibility ?? ''),
  });
  const signOptions: KeylessSignOptions = {
    fulcioURL: instance.fulcioURL,
    ...(instance.rekorURL ? { rekorURL: instance.rekorURL } : {}),
    ...(instance.tsaURL ? { tsaURL: instance.tsaURL } : {}),
    tokenProvider: actionsTokenProvider(env, 'sigstore'),
    onProgress: logProgress,
  };
  core.info(`signing with the ${instance.name} Sigstore instance (${instance.fulcioURL})`);

  const attested: AttestedArtifact[] = [];
  const bundles: { subject: string; bundle: Bundle }[] = [];
  if (inputs.sbom) {
    const extra =
      inputs.sbomPaths.length > 0
        ? inputs.sbomPaths.map((p) => resolve(inputs.sourceDirectory, p))
        : [inputs.sourceDirectory];
    for (const artifact of artifacts) {
      await group(`SBOM of ${artifact.name}`, async () => {
        const sbom = await sbomFor(artifact.path, extra, inputs.specVersion);
        const sbomPath = outPath(inputs, artifact, '.cdx.json');
        await writeFileAtomic(sbomPath, sbom.json);
        const statement = buildStatement(
          [{ name: artifact.name, digest: { sha256: artifact.sha256 } }],
          PredicateType.CYCLONEDX_BOM,
          sbom.bom,
        );
        const bundle = await signStatement(statement, signOptions);
        const sbomBundlePath = outPath(inputs, artifact, '.sbom.sigstore.json');
        await writeFileAtomic(sbomBundlePath, `${JSON.stringify(bundle)}\n`);
        bundles.push({ subject: artifact.name, bundle });
        console.log(
          `${sbom.componentCount} components ${JSON.stringify(sbom.ecosystems)}; signed ${sbomBundlePath}`,
        );
        attested.push({
          ...artifact,
          bundlePath: outPath(inputs, artifact, '.sigstore.json'),
          sbomPath,
          sbomBundlePath,
          componentCount: sbom.componentCount,
          ecosystems: sbom.ecosystems,
        });
      });
    }
  } else {
    for (const artifact of artifacts) {
      attested.push({ ...artifact, bundlePath: outPath(inputs, artifact, '.sigstore.json') });
    }
  }

  // One provenance for every artifact (the matrix legs of one build), copied beside each.
  const provenanceBundle = await group('Signing the provenance', async () => {
    // Its URLs come from the verified token's issuer, not from GITHUB_SERVER_URL.
    const predicate = githubProvenance(claims, { resolvedDependencies: dependencies });
    const bundle = await signStatement(provenanceStatement(subjects, predicate), signOptions);
    for (const a of attested) await writeFileAtomic(a.bundlePath, `${JSON.stringify(bundle)}\n`);
    console.log(`signed provenance for ${subjects.length} subjects`);
    return bundle;
  });
  bundles.unshift({
    subject: subjects.length === 1 ? subjects[0]!.name : `${subjects.length} subjects`,
    bundle: provenanceBundle,
  });

  const facts = bundleFacts(provenanceBundle);
  const tlog: SummaryTlogEntry[] = bundles.flatMap(({ subject, bundle }) => {
    const f = bundleFacts(bundle);
    if (f.logIndex === undefined) return [];
    const url = rekorLink(instance.rekorURL, f.logIndex);
    return [{ subject, logIndex: f.logIndex, ...(url ? { url } : {}) }];
  });

  const attestationIds: string[] = [];
  if (inputs.githubAttestations) {
    await group('Storing in the GitHub attestations API', async () => {
      const repository = env.GITHUB_REPOSITORY;
      if (!repository) {
        throw new ActionError({
          code: 'INVALID_INPUT',
          message: 'GITHUB_REPOSITORY is not set: cannot store attestations',
        });
      }
      for (const { bundle } of bundles) {
        const id = await storeAttestation(bundle, {
          repository,
          token: inputs.token,
          apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
        });
        attestationIds.push(String(id));
        console.log(`stored attestation ${id}`);
      }
    });
  }

  const sums = formatSums(attested.map((a) => ({ name: a.name, sha256: a.sha256 })));
  output('bundle-path', attested[0]!.bundlePath);
  output('bundle-paths', attested.map((a) => a.bundlePath).join('\n'));
  output('sbom-paths', attested.flatMap((a) => (a.sbomPath ? [a.sbomPath] : [])).join('\n'));
  output(
    'sbom-bundle-paths',
    attested.flatMap((a) => (a.sbomBundlePath ? [a.sbomBundlePath] : [])).join('\n'),
  );
  output('digests', sums);
  output('tlog-entries', tlog.map((t) => `${t.logIndex}${t.url ? ` ${t.url}` : ''}`).join('\n'));
  output('attestation-ids', attestationIds.join('\n'));
  const sboms: SummarySbom[] = attested.flatMap((a) =>
    a.componentCount === undefined
      ? []
      : [{ subject: a.name, componentCount: a.componentCount, ecosystems: a.ecosystems ?? {} }],
  );
  await writeSummary({
    title: 'Attested',
    subjects: attested.map((a) => ({ name: a.name, sha256: a.sha256 })),
    sboms,
    ...(facts.signer ? { signer: facts.signer } : {}),
    tlog,
    notes: attestationIds.length
      ? [`Stored in the GitHub attestations API: ${attestationIds.join(', ')}.`]
      : [],
  });
  return {
    artifacts: attested,
    ...(facts.signer ? { signer: facts.signer } : {}),
    tlog,
    attestationIds,
  };
}
