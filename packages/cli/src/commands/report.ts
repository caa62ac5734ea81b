// `attest report`: what `attest verify` checks, as one self-contained HTML page. Same targets,
// same flags, same exit codes; the page is written atomically (`-o`) or to stdout.
import { type Command, type OptionsConfig, stringFlag, UsageError } from '../command.js';
import { writeOutput } from '../output.js';
import { ociProgress } from '../progress.js';
import { verifyHelp, verifyOptions, verifyRequest } from '../verify-flags.js';

// Every verify flag but --format: the page is the format.
const { format: _format, ...reportVerifyOptions } = verifyOptions;

const options: OptionsConfig = {
  ...reportVerifyOptions,
  output: { type: 'string', short: 'o' },
  title: { type: 'string' },
};

export const reportCommand: Command = {
  name: 'report',
  summary:
    'verify artifacts as attest verify does and write one self-contained HTML report (checks, signer, SLSA level, SBOM tree, chain)',
  usage: 'report ARTIFACT... [-o FILE] [verify flags]',
  help: [
    ['-o, --output FILE', 'write the page here, atomically (default stdout)'],
    ['--title TEXT', 'the page title (default: "Verification of ...")'],
    ...verifyHelp.filter(([flag]) => !flag.startsWith('--format')),
  ],
  examples: [
    'attest report dist/app.wasm --repo my-org/my-repo -o report.html',
    'attest report embedding-cli --recursive --repo o/r --signer-repo o/build-workflows --require-sbom -o report.html',
    'attest report oci://ghcr.io/o/app@sha256:9f86d0... --owner o -o report.html',
  ],
  options,
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('report needs at least one ARTIFACT');
    const out = stringFlag(values, 'output');
    if (out === '') throw new UsageError('--output needs a FILE');
    const { reportTargets } = await import('@build-artifact/pipeline');
    const { renderHtml } = await import('@build-artifact/report');
    const outcome = await reportTargets(
      verifyRequest(values, positionals),
      { cwd: io.cwd, env: io.env, onProgress: ociProgress(io, 'report') },
      {
        generator: 'attest report',
        ...(values.title !== undefined ? { title: String(values.title) } : {}),
      },
    );
    await writeOutput(io, renderHtml(outcome.model), out);
    const failed = outcome.results.filter((r) => !r.verified).length;
    const total = outcome.results.length;
    io.stderr.write(
      `attest report: ${failed === 0 ? `${total === 1 ? 'the artifact' : `all ${total} artifacts`} verified` : `${failed} of ${total} artifacts FAILED`}${out !== undefined && out !== '-' ? `; wrote ${out}` : ''}\n`,
    );
    return outcome.verified ? 0 : 1;
  },
};
