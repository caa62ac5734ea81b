import { resolve } from 'node:path';
import { assertAlgorithm, GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { parseResolvedDependency } from '@build-artifact/provenance';
import { type Command, stringFlag, UsageError } from '../command.js';
import { writeOutput } from '../output.js';
import { signHelp, signingRequest, signOptions, storeRequest } from '../sign-flags.js';

export const provenanceCommand: Command = {
  name: 'provenance',
  summary:
    'write an unsigned in-toto statement with SLSA v1 provenance for artifacts (and sign it with --sign)',
  usage:
    'provenance SUBJECT... [-o FILE] [--checksums FILE] [--algorithm sha256|sha512] [--resolved-dependency URI=sha256:HEX]... [--sign]',
  help: [
    ['SUBJECT', 'a file, a directory (every file below it) or a glob; at most 1024 subjects'],
    ['-o, --output FILE', 'write the statement to FILE (atomically) instead of stdout'],
    ['--checksums FILE', 'subjects from a sha256sum/sha512sum file'],
    ['-a, --algorithm ALG', 'sha256 (default) or sha512'],
    [
      '--resolved-dependency D',
      'an artifact the build consumed: URI=sha256:HEX, or oci://...@sha256:HEX (repeatable)',
    ],
    ['--local', 'local provenance even inside GitHub Actions'],
    [
      '--oidc-issuer URL',
      `issuer to verify the Actions token against, or its enterprise form ISSUER/<slug> (default ATTEST_OIDC_ISSUER, else GITHUB_SERVER_URL's: ${GITHUB_ACTIONS_ISSUER} on github.com)`,
    ],
    ['--sign', 'also sign it and write <artifact>.sigstore.json next to each SUBJECT file'],
    ...signHelp,
  ],
  examples: [
    'attest provenance dist/nats.wasm -o provenance.json',
    'attest provenance target/release/cli --resolved-dependency oci://ghcr.io/o/nats-wasm@sha256:<hex>',
    'attest provenance --checksums SHA256SUMS --sign',
  ],
  options: {
    output: { type: 'string', short: 'o' },
    checksums: { type: 'string' },
    algorithm: { type: 'string', short: 'a', default: 'sha256' },
    'resolved-dependency': { type: 'string', multiple: true },
    local: { type: 'boolean' },
    'oidc-issuer': { type: 'string' },
    sign: { type: 'boolean' },
    ...signOptions,
  },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0 && values.checksums === undefined)
      throw new UsageError('provenance needs at least one SUBJECT or --checksums FILE');
    const { attest } = await import('@build-artifact/pipeline');
    const sign = values.sign === true;
    const result = await attest(
      {
        artifacts: {
          paths: positionals.map((p) => resolve(io.cwd, p)),
          ...(values.checksums !== undefined
            ? { digests: resolve(io.cwd, String(values.checksums)) }
            : {}),
        },
        algorithms: [assertAlgorithm(String(values.algorithm))],
        sbom: false,
        provenance: {
          builder: values.local ? 'local' : 'auto',
          ...(values['oidc-issuer'] !== undefined ? { issuer: String(values['oidc-issuer']) } : {}),
          resolvedDependencies: ((values['resolved-dependency'] as string[] | undefined) ?? []).map(
            parseResolvedDependency,
          ),
        },
        // Signed first: a failure leaves neither the statement nor any bundle half-done.
        signing: sign ? signingRequest(values) : false,
        ...(sign ? { sidecars: {} } : {}),
        ...storeRequest(values, io),
      },
      {
        cwd: io.cwd,
        env: io.env,
        onProgress: (e) => {
          if (e.step === 'attest.provenance' || e.step === 'attest.sign')
            io.stderr.write(`attest provenance: ${e.message}\n`);
        },
      },
    );
    io.stderr.write(`attest provenance: ${result.artifacts.length} subject(s)\n`);
    for (const a of result.artifacts)
      if (a.files.PROVENANCE) io.stderr.write(`attest provenance: wrote ${a.files.PROVENANCE}\n`);
    for (const id of result.attestationIds)
      io.stderr.write(`attest provenance: stored in the GitHub attestations API (id ${id})\n`);
    // Subjects known only by their digest have no file to write beside: the bundle goes to stdout.
    if (sign && result.artifacts.every((a) => a.path === undefined))
      await writeOutput(io, `${JSON.stringify(result.provenance.bundle)}\n`);
    if (!sign || values.output !== undefined)
      await writeOutput(io, result.provenance.text, stringFlag(values, 'output'));
    return 0;
  },
};
