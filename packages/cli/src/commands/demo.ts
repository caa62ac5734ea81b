import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { safeText } from '@build-artifact/core';
import type { DemoReport } from '@build-artifact/pipeline';
import { type Command, UsageError } from '../command.js';
import { outputFormat, writeSafeJson } from '../output.js';

/**
 * The examples of the build-artifact checkout this CLI runs from, or of the one `cwd` is; only
 * a folder beside the repository's own packages counts (an installed CLI has none). The path is
 * joined at run time so the bundler does not take the folder for an asset: from `src/commands`,
 * `dist/commands` and `dist/bundle` alike, the checkout is four levels up.
 */
export function defaultExamplesDir(cwd: string): string | undefined {
  const up = ['..', '..', '..', '..'].join('/');
  const checkouts = [fileURLToPath(new URL(`${up}/`, import.meta.url)), cwd];
  for (const root of checkouts)
    if (
      existsSync(join(root, 'packages', 'pipeline', 'package.json')) &&
      existsSync(join(root, 'examples'))
    )
      return join(root, 'examples');
  return undefined;
}

export const demoCommand: Command = {
  name: 'demo',
  summary:
    'run the whole pipeline on the examples, offline: build, SBOM, provenance, sign (local Sigstore), push, verify',
  usage: 'demo [--out DIR] [--registry HOST:PORT] [--examples DIR]',
  help: [
    [
      '--out DIR',
      'keep everything here: artifacts, *.cdx.json, *.sigstore.json, trusted_root.json, oci/ (default: a new temporary directory, also kept)',
    ],
    ['--registry HOST:PORT', 'push to this registry (plain HTTP on loopback) instead of DIR/oci'],
    ['--examples DIR', "the examples to build (default: this checkout's examples/)"],
    ['--format FORMAT', 'text (default) or json (the whole report)'],
  ],
  examples: ['attest demo', 'attest demo --out demo-out', 'attest demo --registry 127.0.0.1:5000'],
  options: {
    out: { type: 'string' },
    registry: { type: 'string' },
    examples: { type: 'string' },
    format: { type: 'string', default: 'text' },
  },
  async run({ values }, io) {
    const format = outputFormat(values.format);
    const registry = values.registry === undefined ? undefined : String(values.registry);
    if (
      registry !== undefined &&
      !/^[A-Za-z0-9.-]+(:\d+)?$|^\[[0-9a-fA-F:]+\](:\d+)?$/.test(registry)
    )
      throw new UsageError(`--registry must be HOST:PORT, not "${registry}"`);
    const examples =
      values.examples !== undefined ? String(values.examples) : defaultExamplesDir(io.cwd);
    if (examples === undefined)
      throw new UsageError(
        'attest demo runs on the examples of the build-artifact repository, and none are here: ' +
          'git clone https://github.com/build-artifact/build-artifact && cd build-artifact && scripts/dev npx attest demo ' +
          '(or give --examples DIR)',
      );
    const { runDemo } = await import('@build-artifact/pipeline');
    const report = await runDemo(
      {
        examples,
        ...(values.out !== undefined ? { out: String(values.out) } : {}),
        ...(registry ? { registry } : {}),
        log: (line) => io.stderr.write(`attest demo: ${line}\n`),
      },
      { cwd: io.cwd, env: io.env },
    );
    if (format === 'json') writeSafeJson(io.stdout, report, 2);
    else io.stdout.write(formatReport(report, io.cwd));
    return report.verified ? 0 : 1;
  },
};

function mib(n: number): string {
  return n >= 1048576 ? `${(n / 1048576).toFixed(1)} MiB` : `${(n / 1024).toFixed(1)} KiB`;
}

function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
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
    lines.push(`  attest ${c.command.map((a) => quote(a.startsWith('/') ? rel(a) : a)).join(' ')}`);
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
          `  attest ${s.command.map((a) => quote(a.startsWith('/') ? rel(a) : a)).join(' ')}`,
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
