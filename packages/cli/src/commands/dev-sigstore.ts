import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileError, isBaseError } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { type Command, type CommandIO, UsageError } from '../command.js';
import { shellQuote } from '../render/shell.js';

/**
 * Starts the dev Sigstore, writes its trusted root, prints the environment, and serves until
 * `signal` aborts (Ctrl-C in the command). Tests drive it with their own AbortController.
 */
export async function runDevSigstore(
  options: { port: number; out: string },
  io: CommandIO,
  signal: AbortSignal,
  onReady?: (dev: DevSigstore) => void,
): Promise<number> {
  const dev = await startDevSigstore({ port: options.port });
  try {
    const rootPath = join(options.out, 'trusted_root.json');
    try {
      await mkdir(options.out, { recursive: true });
      await dev.writeTrustedRoot(rootPath);
    } catch (err) {
      // A path that cannot be a folder is bad input: exit 2 naming it, not an internal error.
      throw isBaseError(err) ? err : fileError(options.out, err);
    }
    for (const [k, v] of Object.entries(dev.env()))
      io.stdout.write(`export ${k}=${shellQuote(v)}\n`);
    io.stderr.write(
      [
        `attest dev-sigstore: Fulcio, Rekor and TSA on ${new URL(dev.fulcioURL).origin}; OIDC issuer ${dev.oidc.issuer}`,
        `attest dev-sigstore: trusted root written to ${rootPath}`,
        '  It is NOT trusted by default: verify with --trusted-root only, for local tests.',
        `  Example: attest provenance dist/app --sign && attest verify dist/app --trusted-root ${rootPath}`,
        'attest dev-sigstore: running; press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
    onReady?.(dev);
    if (!signal.aborted) {
      await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
    }
    return 0;
  } finally {
    await dev.close();
  }
}

export const devSigstoreCommand: Command = {
  name: 'dev-sigstore',
  summary: 'run a local Sigstore (Fulcio, Rekor, TSA) and a GitHub-like OIDC issuer for testing',
  usage: 'dev-sigstore [--port N] [--out DIR]',
  help: [
    ['--port N', 'port on 127.0.0.1 (default: any free port)'],
    ['--out DIR', 'where to write trusted_root.json (default: .)'],
  ],
  examples: [
    'attest dev-sigstore --out .dev-sigstore > .dev-sigstore.env &  # then: source .dev-sigstore.env',
  ],
  options: { port: { type: 'string', default: '0' }, out: { type: 'string', default: '.' } },
  async run({ values }, io) {
    const portText = String(values.port);
    if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) {
      throw new UsageError(`--port must be a port number, not "${portText}"`);
    }
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return await runDevSigstore(
        { port: Number(portText), out: resolve(io.cwd, String(values.out)) },
        io,
        controller.signal,
      );
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  },
};
