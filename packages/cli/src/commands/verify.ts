// Types only: the flows (and @sigstore/*) are imported when the command runs, so that `attest`
// starts fast and `attest verify` loads nothing of the SBOM or signing code.
import { type Command, UsageError } from '../command.js';
import { outputFormat, writeSafeJson } from '../output.js';
import { ociProgress } from '../progress.js';
import { verifyHelp, verifyOptions, verifyRequest } from '../verify-flags.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary:
    'verify an artifact against its Sigstore bundles: signature, subject, signer, source, SLSA level',
  usage:
    'verify ARTIFACT... [--bundle FILE] [--repo OWNER/REPO | --owner OWNER | --certificate-identity ...] [flags]',
  help: verifyHelp,
  examples: [
    'attest verify dist/app.wasm --repo my-org/my-repo',
    'attest verify app.tgz --bundle app.intoto.jsonl --repo o/r --signer-repo o/build-workflows --slsa-level 3',
    'attest verify sha256:9f86d0... --bundle blob.sigstore.json --certificate-identity me@example.com --certificate-oidc-issuer https://accounts.google.com',
    'attest verify blob --certificate-identity-regexp "https://github.com/o/r/.*" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
  ],
  options: verifyOptions,
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('verify needs at least one ARTIFACT');
    const format = outputFormat(values.format);
    const { verifyTargets } = await import('@build-artifact/pipeline');
    const { formatTarget } = await import('../render/verify.js');
    const outcome = await verifyTargets(verifyRequest(values, positionals), {
      cwd: io.cwd,
      env: io.env,
      onProgress: ociProgress(io, 'verify'),
    });
    for (const result of outcome.results)
      if (format === 'json') writeSafeJson(io.stdout, result);
      else io.stdout.write(formatTarget(result));
    const failed = outcome.results.filter((r) => !r.verified).length;
    if (format === 'text' && positionals.length > 1)
      io.stderr.write(
        `${positionals.length - failed} of ${positionals.length} artifacts verified\n`,
      );
    return outcome.verified ? 0 : 1;
  },
};
