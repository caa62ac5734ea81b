import { resolve } from 'node:path';
import {
  type ArtifactSource,
  describeBundle,
  type Evidence,
  type SbomFormat,
  safeJson,
  writeFileAtomic,
} from '@build-artifact/core';
import {
  type Attachment,
  type AttestRequest,
  type AttestResult,
  formatSums,
  type PublishResult,
  type ReportOutcome,
  signedReport,
  withoutStatements,
} from '@build-artifact/pipeline';
import { parseResolvedDependency } from '@build-artifact/provenance';
import { output } from './outputs.js';
import { info } from './progress.js';
import { rekorLink, type SummaryTlogEntry, writeReportSummary } from './summary.js';

export interface AttestInputs {
  subjectPaths: string[];
  subjectsDirectory: string;
  checksums: string;
  sourceDirectory: string;
  sbomPaths: string[];
  sbom: boolean;
  sbomFormat: SbomFormat;
  specVersion: '1.6' | '1.7';
  resolvedDependencies: string[];
  /** oci://REGISTRY/REPO the artifacts will be pushed to: their manifests are signed too. */
  ociRepository: string;
  outputDirectory: string;
  githubAttestations: boolean;
  token: string;
}

/**
 * Where the artifacts are, from the inputs every attesting action has: a flat directory (with
 * the hash action's verified checksums when given), else paths, directories and globs.
 */
export function artifactSource(inputs: {
  subjectPaths: readonly string[];
  subjectsDirectory: string;
  checksums: string;
}): ArtifactSource {
  return inputs.checksums
    ? { directory: inputs.subjectsDirectory, checksums: inputs.checksums }
    : inputs.subjectsDirectory
      ? { directory: inputs.subjectsDirectory }
      : { paths: inputs.subjectPaths };
}

/** The attest flow's request, from the action's inputs. */
export function attestRequest(inputs: AttestInputs): AttestRequest {
  const sbomInputs =
    inputs.sbomPaths.length > 0
      ? inputs.sbomPaths.map((p) => resolve(inputs.sourceDirectory, p))
      : [inputs.sourceDirectory];
  return {
    artifacts: artifactSource(inputs),
    sbom: inputs.sbom
      ? {
          format: inputs.sbomFormat,
          ...(inputs.sbomFormat === 'cyclonedx-json' ? { specVersion: inputs.specVersion } : {}),
          inputs: sbomInputs,
        }
      : false,
    provenance: {
      builder: 'github',
      resolvedDependencies: inputs.resolvedDependencies.map((d) => parseResolvedDependency(d)),
    },
    signing: {},
    ...(inputs.ociRepository
      ? { publishTo: { reference: inputs.ociRepository, tagByName: true } }
      : {}),
    sidecars: inputs.outputDirectory ? { directory: inputs.outputDirectory } : {},
    ...(inputs.githubAttestations ? { githubAttestations: { token: inputs.token } } : {}),
  };
}

/**
 * The attest flow's result as the action's outputs, log lines and job summary (per artifact:
 * digest, SLSA level and signer from the certificate, log entry, SBOM counts, the chain).
 * `summary: false` when a publish summary will say the same and more.
 */
export async function reportAttested(
  result: AttestResult,
  options: { summary?: boolean } = {},
): Promise<void> {
  const a = result.artifacts;
  const bundles = [result.provenance.bundle, ...a.map((x) => x.sbomBundle)];
  const tlog: SummaryTlogEntry[] = bundles.flatMap((bundle, i) => {
    const d = bundle ? describeBundle(bundle) : undefined;
    if (d?.logIndex === undefined) return [];
    const url = rekorLink(result.signer?.instance?.rekorURL, d.logIndex);
    const subject = i === 0 ? 'provenance' : `SBOM of ${a[i - 1]!.name}`;
    return [{ subject, logIndex: d.logIndex, ...(url ? { url } : {}) }];
  });
  for (const t of tlog) info(`${t.subject}: transparency log entry ${t.logIndex}`);
  const paths = (...kinds: ('PROVENANCE' | 'CYCLONEDX' | 'SPDX' | 'SBOM_BUNDLE')[]) =>
    a.flatMap((x) => kinds.flatMap((k) => (x.files[k] ? [x.files[k]] : []))).join('\n');
  output('bundle-path', a[0]?.files.PROVENANCE ?? '');
  output('bundle-paths', paths('PROVENANCE'));
  output('sbom-paths', paths('CYCLONEDX', 'SPDX'));
  output('sbom-bundle-paths', paths('SBOM_BUNDLE'));
  output('digests', formatSums(a.map((x) => ({ name: x.name, sha256: x.digest.sha256! }))));
  output('tlog-entries', tlog.map((t) => `${t.logIndex}${t.url ? ` ${t.url}` : ''}`).join('\n'));
  output('attestation-ids', result.attestationIds.join('\n'));
  if (options.summary === false) return;
  const evidence: Evidence[] = [
    ...(result.provenance.bundle ? [{ source: 'provenance', json: result.provenance.bundle }] : []),
    ...a.flatMap((x) =>
      x.sbomBundle ? [{ source: `SBOM attestation of ${x.name}`, json: x.sbomBundle }] : [],
    ),
  ];
  const model = await signedReport(
    {
      title: 'Attested',
      artifacts: a.map((x) => ({
        name: x.name,
        digest: x.digest,
        ...(x.size !== undefined ? { size: x.size } : {}),
      })),
      evidence,
    },
    {
      generator: 'build-artifact attest',
      notes: result.attestationIds.length
        ? [`Stored in the GitHub attestations API: ${result.attestationIds.join(', ')}.`]
        : [],
    },
  );
  await writeReportSummary(model);
}

/**
 * The publish flow's result as log lines and a job summary (outputs are each action's own): per
 * artifact where it went, and what its attached bundles say.
 */
export async function reportPublished(
  result: PublishResult,
  attachments: readonly Attachment[] = [],
): Promise<void> {
  for (const a of result.artifacts) info(`pushed ${a.reference}`);
  for (const r of result.referrers) info(`attached ${r.source} to ${r.subject} as ${r.digest}`);
  const model = await signedReport(
    {
      title: 'Pushed to OCI',
      artifacts: result.artifacts.map((a) => {
        const layer = a.layer?.digest;
        return {
          name: a.name,
          digest: layer?.startsWith('sha256:') ? { sha256: layer.slice(7) } : {},
          references: [a.reference],
        };
      }),
      evidence: attachments.flatMap((x) =>
        x.kind === 'bundle' ? [{ source: x.source, json: x.json }] : [],
      ),
    },
    {
      generator: 'build-artifact push',
      notes: [`${result.referrers.length} bundles and SBOMs attached as referrers.`],
    },
  );
  await writeReportSummary(model);
}

/**
 * The report flow's outcome as the verify action's outputs, log lines and job summary (per
 * artifact a table of checks with a row per failed reason), and the HTML page when asked.
 */
export async function reportVerified(outcome: ReportOutcome, htmlReport?: string): Promise<void> {
  output('results', safeJson(outcome.results.map(withoutStatements)));
  output('verified', outcome.verified);
  if (htmlReport) {
    const { renderHtml } = await import('@build-artifact/report');
    await writeFileAtomic(htmlReport, renderHtml(outcome.model));
    output('report', htmlReport);
    info(`wrote the HTML report to ${htmlReport}`);
  }
  await writeReportSummary(outcome.model);
}
