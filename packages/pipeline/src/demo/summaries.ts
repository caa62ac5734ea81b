// The demo's last step, verify once and prove it everywhere: every published artifact is
// verified against the demo's policy file, gets a signed verification summary (SLSA VSA)
// attached to its manifest, and is then verified again through that summary alone, from OCI and
// from the file.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PolicyIdentity } from '@build-artifact/verify';
import type { FlowContext } from '../oci-target.js';
import { verifyTargets } from '../verify.js';
import { attachSummaries, summaryWriter } from '../vsa.js';

/** One artifact's summary, and the verification through it. */
export interface DemoSummary {
  artifact: string;
  /** The resource the summary names (the manifest it was verified in and is attached to). */
  resourceUri: string;
  verifier: string;
  policy: PolicyIdentity;
  verifiedLevels: string[];
  dependencyLevels?: Record<string, number>;
  /** The referrer the signed summary was attached as. */
  referrer?: string;
  /** The artifact verified through the summary alone, from OCI and from its file. */
  verified: boolean;
  summary: string;
  /** The `attest verify` arguments that check it again through the summary. */
  command: string[];
}

export interface DemoSummaries {
  /** The policy file the summaries were written against. */
  policyFile: string;
  /** The signed summaries, JSON lines. */
  file: string;
  summaries: DemoSummary[];
}

/** The demo's policy, as a file: the rules of its checks, and the local Sigstore's trust. */
function policyText(repo: string, signerRepo: string): string {
  return [
    '# The policy attest demo verifies its artifacts against before it signs their summaries.',
    'name: build-artifact-demo',
    `repo: ${repo}`,
    `signer-repo: ${signerRepo}`,
    'slsa-level: 3',
    'require-sbom: true',
    'recursive: true',
    '# Relative to this file: the local Sigstore the demo signs with.',
    'trusted-root: trusted_root.json',
    '',
  ].join('\n');
}

/**
 * Verifies the published artifacts against the demo's policy, writes and attaches a signed VSA
 * for each (signed by `signing`'s context: the local Sigstore), and verifies each again through
 * its VSA alone. `artifacts` are `{ name, path, oci }` of what was published.
 */
export async function demoSummaries(
  artifacts: readonly { name: string; path: string; oci: string }[],
  identity: { repo: string; signerRepo: string },
  out: string,
  signing: FlowContext & { sigstore: { fulcioURL: string; rekorURL: string; tsaURL: string } },
  context: FlowContext,
): Promise<DemoSummaries> {
  const policyFile = join(out, 'policy.yml');
  await writeFile(policyFile, policyText(identity.repo, identity.signerRepo));
  const file = join(out, 'verification-summaries.jsonl');
  const writer = await summaryWriter(
    {
      out: file,
      signing: {
        fulcioURL: signing.sigstore.fulcioURL,
        rekorURL: signing.sigstore.rekorURL,
        tsaURL: signing.sigstore.tsaURL,
      },
    },
    signing,
  );
  const targets = artifacts.map((a) => a.oci);
  const outcome = await verifyTargets({ targets, policy: {}, policyFile }, context);
  const written = await writer.write(outcome);
  const referrers = await attachSummaries(written, context);
  const summaries: DemoSummary[] = [];
  for (const [i, a] of artifacts.entries()) {
    const checked = outcome.results[i]!;
    const s = written.summaries.find((w) => w.target === a.oci);
    if (!s) {
      summaries.push({
        artifact: a.name,
        resourceUri: checked.resourceUri ?? a.oci,
        verifier: written.verifier,
        policy: outcome.policy,
        verifiedLevels: [],
        verified: false,
        summary: `no summary: ${checked.failure?.reason}: ${checked.failure?.message}`,
        command: [],
      });
      continue;
    }
    const accept = { verifier: written.verifier, maxAge: '1h' };
    // Through the summary alone: from OCI (attached as a referrer), and from the file with the
    // summaries file as its only evidence (the summary names the manifest it was pulled from).
    const fromOci = await verifyTargets(
      { targets: [a.oci], policy: {}, policyFile, summaries: accept },
      context,
    );
    const fromFile = await verifyTargets(
      {
        targets: [a.path],
        bundles: [file],
        policy: {},
        policyFile,
        summaries: accept,
        resourceUri: s.resourceUri,
      },
      context,
    );
    const results = [fromOci.results[0]!, fromFile.results[0]!];
    const failed = results.find((r) => !r.verified);
    const p = s.statement.predicate;
    summaries.push({
      artifact: a.name,
      resourceUri: s.resourceUri,
      verifier: written.verifier,
      policy: outcome.policy,
      verifiedLevels: p.verifiedLevels,
      ...(p.dependencyLevels !== undefined ? { dependencyLevels: p.dependencyLevels } : {}),
      ...(referrers.find((r) => r.source.endsWith(a.oci))
        ? { referrer: referrers.find((r) => r.source.endsWith(a.oci))!.digest }
        : {}),
      verified: failed === undefined,
      summary: failed
        ? `${failed.failure?.reason}: ${failed.failure?.message}`
        : `${p.verificationResult} ${p.verifiedLevels.join(', ')}; verified through the summary alone, from OCI and from the file`,
      command: [
        'verify',
        a.oci,
        '--policy',
        policyFile,
        '--vsa-verifier',
        written.verifier,
        '--vsa-max-age',
        '1h',
      ],
    });
  }
  return { policyFile, file, summaries };
}
