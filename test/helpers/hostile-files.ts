// Files an attacker can put where the toolkit expects a regular one: named pipes (FIFOs), links
// to endless devices, files of many lines or deep nesting. Tests make them on the fly, and
// undo the harm a regression would do: a reader stuck opening or reading a FIFO is released
// (it holds a thread of libuv's pool, and the test worker, forever), and the CLI runs in a
// child process with a memory ceiling and a deadline.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { closeSync, constants, openSync } from 'node:fs';
import { encodeEnvelope, preAuthEncoding } from '@build-artifact/core';
import { attestBin } from './attest-cli.js';

const fifos = new Set<string>();

/** Makes a named pipe at `path` (mkfifo(1)); releaseFifos() frees anything stuck on it. */
export function makeFifo(path: string): string {
  execFileSync('mkfifo', [path]);
  fifos.add(path);
  return path;
}

/**
 * Opens and closes every FIFO made so far as reader and writer at once (O_RDWR never blocks on
 * Linux): a reader stuck in open(2) gets through, then reads end of file. Call in afterEach.
 */
export function releaseFifos(): void {
  for (const path of fifos) {
    try {
      closeSync(openSync(path, constants.O_RDWR | constants.O_NONBLOCK));
    } catch {
      // removed already: nothing can be stuck on it
    }
  }
}

/** `count` JSON lines of `{}`: a JSON-lines file far past any sane number of documents. */
export function manyJsonLines(count: number): string {
  return '{}\n'.repeat(count);
}

/** A JSON value nesting `depth` arrays: `[[[...]]]`. */
export function deepJson(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/**
 * A Sigstore bundle v0.3 whose DSSE payload is `statement`, verbatim, signed for real with a
 * fresh P-256 key (a public-key bundle, `publicKey` in the returned object): the signature
 * verifies, whatever the payload holds.
 */
export function signedBundle(statement: string): { json: string; publicKey: string } {
  const payloadType = 'application/vnd.in-toto+json';
  const payload = Buffer.from(statement);
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const sig = sign('sha256', preAuthEncoding(payloadType, payload), privateKey);
  const json = JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { publicKey: { hint: 'hostile-test' }, tlogEntries: [] },
    dsseEnvelope: encodeEnvelope(payloadType, payload, [{ sig }]),
  });
  return { json, publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** signedBundle's JSON alone. */
export function bundleWithPayload(statement: string): string {
  return signedBundle(statement).json;
}

/** An in-toto statement about `digest` whose predicate nests `depth` arrays deep. */
export function deepStatement(sha256: string, depth: number): string {
  return `{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a","digest":{"sha256":"${sha256}"}}],"predicateType":"https://slsa.dev/provenance/v1","predicate":{"buildDefinition":{"externalParameters":${deepJson(depth)}}}}`;
}

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the built `attest` binary as a user would, with a 3 GB address-space ceiling (a read
 * that grows without end dies within seconds instead of taking the machine's memory) and a
 * deadline after which it is killed (a read that never ends). Exit status null: killed.
 */
export function runAttest(
  args: readonly string[],
  options: { cwd?: string; timeoutMs?: number } = {},
): CliRun {
  // Without ATTEST_DEBUG: what a user sees, stack traces included if there were any.
  const { ATTEST_DEBUG: _debug, ...env } = process.env;
  const r = spawnSync(
    'sh',
    ['-c', 'ulimit -v 3000000 && exec "$0" "$@"', process.execPath, attestBin, ...args],
    {
      cwd: options.cwd,
      encoding: 'utf8',
      timeout: options.timeoutMs ?? 20_000,
      killSignal: 'SIGKILL',
      env: { ...env, NO_COLOR: '1' },
    },
  );
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}
