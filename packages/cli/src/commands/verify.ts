// Types only: the flows (and @sigstore/*) are imported when the command runs, so that `attest`
// starts fast and `attest verify` loads nothing of the SBOM or signing code.
import { safeText } from '@build-artifact/core';
import { type Command, UsageError } from '../command.js';
import { outputFormat, writeSafeJson } from '../output.js';
import { ociProgress } from '../progress.js';
import {
  summaryWriteRequest,
  verifyHelp,
  verifyOptions,
  verifyRequest,
  vsaOutHelp,
  vsaOutOptions,
} from '../verify-flags.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary:
    'verify an artifact against its Sigstore bundles: signature, subject, signer, source, SLSA level',
  usage:
    'verify ARTIFACT... [--bundle FILE] [--policy FILE | --repo OWNER/REPO | --owner OWNER | --certificate-identity ...] [--vsa-out FILE [--sign]] [flags]',
  help: [...verifyHelp, ...vsaOutHelp],
  examples: [
    'attest verify dist/app.wasm --repo my-org/my-repo',
    'attest verify app.tgz --bundle app.intoto.jsonl --repo o/r --signer-repo o/build-workflows --slsa-level 3',
    'attest verify sha256:9f86d0... --bundle blob.sigstore.json --certificate-identity me@example.com --certificate-oidc-issuer https://accounts.google.com',
    'attest verify blob --certificate-identity-regexp "https://github.com/o/r/.*" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
    'attest verify oci://ghcr.io/o/app@sha256:... --policy policies/app.yml --vsa-out app.vsa.jsonl --sign',
    'attest verify oci://ghcr.io/o/app@sha256:... --policy policies/app.yml --vsa-verifier https://github.com/o/r/.github/workflows/verify.yml@refs/heads/main',
  ],
  options: { ...verifyOptions, ...vsaOutOptions },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('verify needs at least one ARTIFACT');
    const format = outputFormat(values.format);
    const request = verifyRequest(values, positionals);
    const writing = summaryWriteRequest(values, io);
    const { summaryWriter, verifyTargets } = await import('@build-artifact/pipeline');
    const { formatTarget } = await import('../render/verify.js');
    const context = { cwd: io.cwd, env: io.env, onProgress: ociProgress(io, 'verify') };
    // The signer and the verifier's identity first: a summary that could not be written fails
    // before the verification runs.
    const writer = writing ? await summaryWriter(writing, context) : undefined;
    const outcome = await verifyTargets(request, context);
    for (const result of outcome.results)
      if (format === 'json') writeSafeJson(io.stdout, result);
      else io.stdout.write(formatTarget(result));
    const failed = outcome.results.filter((r) => !r.verified).length;
    if (format === 'text' && positionals.length > 1)
      io.stderr.write(
        `${positionals.length - failed} of ${positionals.length} artifacts verified\n`,
      );
    if (writer && writing?.out) {
      const written = await writer.write(outcome);
      io.stderr.write(
        `${safeText(`attest verify: wrote ${written.summaries.length} verification summar${written.summaries.length === 1 ? 'y' : 'ies'} (verifier ${written.verifier}${written.signedWith ? `; signed with ${written.signedWith}` : ', unsigned'}) to ${writing.out}`)}\n`,
      );
    }
    return outcome.verified ? 0 : 1;
  },
};
