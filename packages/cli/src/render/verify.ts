// How `attest verify` shows a verdict to people. Every string that came from evidence (subject
// names, certificate fields, predicate claims, file names from a registry) goes through
// `safeText`: whoever signed a statement must not be able to move the cursor, recolour a line
// or start a workflow command.
import { safeText } from '@build-artifact/core';
import type { DependencyResult, TargetResult } from '@build-artifact/pipeline';
import type { VerificationResult } from '@build-artifact/verify';

function row(label: string, value: string | undefined, indent = '  '): string {
  return value === undefined || value === ''
    ? ''
    : `${indent}${label.padEnd(13)}${safeText(value)}\n`;
}

function digestOf(r: VerificationResult): string | undefined {
  return r.digest.sha256
    ? `sha256:${r.digest.sha256}`
    : r.digest.sha512
      ? `sha512:${r.digest.sha512}`
      : undefined;
}

/** The human summary of one artifact: what was verified, or which check failed and why. */
export function formatResult(
  r: VerificationResult & Partial<Pick<TargetResult, 'policy' | 'summary'>>,
): string {
  const name = safeText(r.artifact);
  let out = r.verified
    ? `✓ ${name}: verified\n`
    : `✗ ${name}: verification FAILED (${r.failure?.reason})\n`;
  if (!r.verified && r.failure) out += `  ${safeText(r.failure.message)}\n`;
  if (r.policy) out += row('policy', `${r.policy.name} (sha256:${r.policy.digest.sha256})`);
  out += row('digest', digestOf(r));
  out += row('bundle', r.failure?.source ?? r.source);
  const c = r.certificate;
  if (c) {
    out += row('signer', c.buildSignerURI ?? c.subjectAlternativeName);
    out += row('signer sha', c.buildSignerDigest);
    out += row('issuer', c.issuer);
    out += row('source repo', c.sourceRepositoryURI);
    out += row('source ref', c.sourceRepositoryRef);
    out += row('commit', c.sourceRepositoryDigest);
    out += row('trigger', c.buildTrigger);
    out += row('runner', c.runnerEnvironment);
    out += row('run', c.runInvocationURI);
  } else if (r.bundle?.signedWith === 'key') out += row('signer', 'a public key (--key)');
  for (const t of r.timestamps)
    out += row(
      'signed at',
      `${t.time} (${t.kind === 'transparency-log' ? 'transparency log' : 'RFC 3161 timestamp'})`,
    );
  for (const e of r.tlogEntries)
    out += row('tlog entry', `${e.logIndex} (${e.kind}, log ${e.logId.slice(0, 16)}…)`);
  if (r.statement)
    out += row(
      'predicate',
      r.statement.predicateType + (r.statement.buildType ? ` (${r.statement.buildType})` : ''),
    );
  const v = r.summary;
  if (v) {
    out += row('summary', `${v.source}: ${v.verificationResult} by ${v.verifier}`);
    out += row('verified at', v.timeVerified);
    out += row('resource', v.resourceUri);
    out += row(
      'vsa policy',
      `${v.policy.uri}${v.policy.digest?.sha256 ? ` (sha256:${v.policy.digest.sha256})` : ''}`,
    );
    out += row('levels', v.verifiedLevels.join(', '));
    if (v.dependencyLevels)
      out += row(
        'dependencies',
        Object.entries(v.dependencyLevels)
          .map(([level, n]) => `${n} at ${level}`)
          .join(', ') || 'none',
      );
  }
  if (r.slsa) out += row('SLSA', r.slsa.level === 0 ? r.slsa.reason : `Build ${r.slsa.reason}`);
  const checked = r.crossChecks
    .filter((x) => x.status !== 'not-checked')
    .map((x) => `${x.name} ${x.status}`);
  const unchecked = r.crossChecks
    .filter((x) => x.status === 'not-checked')
    .map((x) => `${x.name} (${x.note})`);
  if (checked.length)
    out += row(
      'cross-checks',
      `${checked.join(', ')}${r.crossChecksEnforced ? '' : ' (reported, not enforced)'}`,
    );
  if (unchecked.length) out += row('not checked', unchecked.join('; '));
  if (r.sbom)
    out += row(
      'SBOM',
      r.sbom.verified
        ? `signed SBOM attestation (${r.sbom.source})`
        : 'no verified SBOM attestation',
    );
  for (const w of r.warnings) out += row('warning', w);
  if (!r.verified && r.attempts.length > 1)
    for (const a of r.attempts)
      out += row('tried', `${a.source}: ${a.verified ? 'ok' : `${a.failure?.reason}`}`);
  return out;
}

/** The dependency levels, indented under the artifact's own summary. */
export function formatDependencies(deps: readonly DependencyResult[], indent = '  '): string {
  let out = '';
  for (const d of deps) {
    const label = safeText(d.name ?? d.uri ?? `sha256:${d.sha256.slice(0, 12)}…`);
    const where = `recorded in ${d.recordedIn.join(' and ')}`;
    const inner = `${indent}    `;
    if (d.verified) {
      const found =
        d.via === 'beside'
          ? 'beside the artifact'
          : d.via === 'embedded'
            ? 'embedded in it'
            : 'in OCI';
      out += `${indent}↳ ✓ dependency ${label}: verified (${where}; found ${found}: ${safeText(d.artifact ?? '')})\n`;
      out += row('digest', `sha256:${d.sha256}`, inner);
      out += row('uri', d.uri, inner);
      const c = d.result?.certificate;
      if (c) out += row('signer', c.buildSignerURI ?? c.subjectAlternativeName, inner);
      if (d.result?.slsa)
        out += row(
          'SLSA',
          d.result.slsa.level === 0 ? d.result.slsa.reason : `Build ${d.result.slsa.reason}`,
          inner,
        );
    } else {
      out += `${indent}↳ ✗ dependency ${label}: verification FAILED (${where})\n`;
      out += row('digest', `sha256:${d.sha256}`, inner);
      if (d.error) out += `${inner}${safeText(d.error)}\n`;
    }
    out += formatDependencies(d.dependencies, inner);
  }
  return out;
}

/** A target's summary with its dependencies under it. */
export function formatTarget(r: TargetResult): string {
  return formatResult(r) + (r.dependencies ? formatDependencies(r.dependencies) : '');
}
