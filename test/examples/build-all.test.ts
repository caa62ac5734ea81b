// examples/build-all.sh: builds what the machine has a toolchain for and says what it skipped
// and why, in the tab-separated lines `attest demo` reads.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT_MS,
  buildNatsWasm,
  cacheDir,
  examplesDir,
  requireToolchain,
} from '../helpers/toolchains.js';

const execFileP = promisify(execFile);
const script = join(examplesDir, 'build-all.sh');

function parse(stdout: string): Map<string, { status: string; detail: string }> {
  const out = new Map<string, { status: string; detail: string }>();
  for (const line of stdout.trim().split('\n')) {
    const [status, name, detail] = line.split('\t');
    expect(['built', 'skipped']).toContain(status);
    out.set(name!, { status: status!, detail: detail! });
  }
  return out;
}

describe('examples/build-all.sh', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'build-all-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('says what it skipped and why, and builds the rest', async () => {
    const out = join(dir, 'no-go-sources');
    const { stdout } = await execFileP('bash', [script, out], {
      env: { ...process.env, GOCODE_SRC: join(dir, 'nowhere') },
      timeout: 300_000,
    });
    const results = parse(stdout);
    expect(results.get('nats-wasip1')).toEqual({
      status: 'skipped',
      detail: expect.stringContaining('golang-github-nats-io-nats-server-dev'),
    });
    expect(results.get('embedding-cli')?.status).toBe('skipped');
    const node = results.get('node-app')!;
    expect(node.status).toBe('built');
    expect(node.detail).toBe(join(out, 'sbom-diff-0.1.0.tgz'));
    expect((await stat(node.detail)).size).toBeGreaterThan(0);
  }, 300_000);

  it.skipIf(!requireToolchain('go', 'nats-sources', 'cargo'))(
    'builds the CLI around the module it was given',
    async () => {
      const nats = await buildNatsWasm();
      const out = join(dir, 'all');
      const { stdout } = await execFileP('bash', [script, out], {
        env: {
          ...process.env,
          NATS_WASM: nats.path,
          CARGO_TARGET_DIR: join(cacheDir(), 'cargo-target-build-all'),
        },
        timeout: BUILD_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      });
      const results = parse(stdout);
      expect(results.get('nats-wasip1')).toEqual({
        status: 'built',
        detail: join(out, 'nats-server.wasm'),
      });
      const cli = results.get('embedding-cli')!;
      expect(cli.status).toBe('built');
      const { stdout: info } = await execFileP(cli.detail, ['info', '--json']);
      expect(JSON.parse(info).module.sha256).toBe(nats.sha256);
      const wasm = await readFile(join(out, 'nats-server.wasm'));
      expect(createHash('sha256').update(wasm).digest('hex')).toBe(nats.sha256);
    },
    BUILD_TIMEOUT_MS,
  );
});
