// How `attest demo` tells people what it did: what was produced and where, what was checked,
// and how to check it again by hand.
import { relative } from 'node:path';
import { safeText } from '@build-artifact/core';
import type { DemoReport } from '@build-artifact/pipeline';
import { shellQuote } from './shell.js';

function mib(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}

/** The short report: what was produced and where, what was checked, how to check it again. */
export function formatReport(r: DemoReport, cwd: string): string {
  const rel = (p: string) => {
    const x = relative(cwd, p);
    return x.startsWith('..') ? p : x || '.';
  };
  const lines: string[] = [];
  lines.push(
    r.verified
      ? `attest demo: everything verified (${r.checks.length} checks, ${r.summaries?.summaries.length ?? 0} verification summaries, ${(r.totalMs / 1000).toFixed(1)} s)`
      : `attest demo: verification FAILED (${r.checks.filter((c) => !c.verified).length} of ${r.checks.length} checks, ${r.summaries?.summaries.filter((s) => !s.verified).length ?? 0} summaries)`,
    '',
    `Produced in ${r.out}:`,
  );
  for (const a of r.artifacts) {
    const eco = Object.entries(a.ecosystems)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    lines.push(
      `  ${a.name}  ${mib(a.size)}  sha256:${a.sha256}`,
      `    SBOM        ${rel(a.sbomPath)} (${a.components} components${eco ? `: ${eco}` : ''})`,
      `    provenance  ${rel(a.provenanceBundle)} (SLSA v1, signed)`,
      `    SBOM att.   ${rel(a.sbomBundle)} (CycloneDX, signed)`,
    );
    for (const d of a.resolvedDependencies)
      lines.push(`    embeds      ${d.name} sha256:${d.digest?.sha256} (${d.uri})`);
    if (a.oci) lines.push(`    OCI         ${a.oci}`);
  }
  lines.push(`  trusted_root.json  ${rel(r.trustedRoot)} (the local Sigstore's trust root)`);
  lines.push(
    `  report.html        ${rel(r.report)} (the verification as a page: open it in a browser)`,
  );
  if (r.skipped.length) {
    lines.push('', 'Skipped:');
    for (const s of r.skipped) lines.push(`  ${s.artifact}: ${s.reason}`);
  }
  lines.push('', 'Checks (attest verify, as below):');
  for (const c of r.checks)
    lines.push(
      `  ${c.verified ? '✓' : '✗'} ${c.artifact.padEnd(18)} ${c.from === 'file' ? 'files' : 'OCI  '}  ${safeText(c.summary)}`,
    );
  lines.push('', 'Re-verify by hand:');
  for (const c of r.checks)
    lines.push(
      `  attest ${c.command.map((a) => shellQuote(a.startsWith('/') ? rel(a) : a)).join(' ')}`,
    );
  if (r.summaries) {
    lines.push(
      '',
      `Verification summaries (SLSA VSA v1.1, signed, attached in OCI; ${rel(r.summaries.file)}), policy ${rel(r.summaries.policyFile)}:`,
    );
    for (const s of r.summaries.summaries)
      lines.push(
        `  ${s.verified ? '✓' : '✗'} ${s.artifact.padEnd(18)} ${safeText(s.summary)}`,
        `    ${safeText(s.resourceUri)}${s.referrer ? ` (referrer ${s.referrer.slice(0, 19)}…)` : ''}`,
      );
    const first = r.summaries.summaries.find((s) => s.command.length > 0);
    if (first) {
      lines.push(`  policy ${safeText(first.policy.name)} sha256:${first.policy.digest.sha256}`);
      lines.push(`  verifier ${safeText(first.verifier)}`);
    }
    lines.push('', 'Re-verify through the summaries by hand:');
    for (const s of r.summaries.summaries)
      if (s.command.length > 0)
        lines.push(
          `  attest ${s.command.map((a) => shellQuote(a.startsWith('/') ? rel(a) : a)).join(' ')}`,
        );
  }
  if (r.ociTarget.startsWith('oci://'))
    lines.push('  (registries on loopback are reached over plain HTTP)');
  lines.push(
    '',
    'The identity is GitHub-shaped: a build of ' +
      `${r.policyFlags[r.policyFlags.indexOf('--repo') + 1]} signed by the reusable workflow ` +
      `${r.policyFlags[r.policyFlags.indexOf('--signer-repo') + 1]}/.github/workflows/build-artifact.yml,`,
    'certified by the local Sigstore: trust it only through --trusted-root.',
    '',
  );
  return lines.join('\n');
}
