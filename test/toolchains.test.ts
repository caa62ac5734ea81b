// The toolchain helpers other tests build their inputs with: the CI rule of
// requireToolchain, the cross-process build cache, and the NATS builds themselves.
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT_MS,
  buildNatsLinux,
  buildNatsWasm,
  cacheDir,
  findGo,
  requireToolchain,
  ToolchainMissingError,
} from './helpers/toolchains.js';

const helper = join(import.meta.dirname, 'helpers', 'toolchains.ts');
const execFileP = promisify(execFile);

/** Run a snippet in a fresh Node process (type stripping runs the helper as is). */
async function node(
  code: string,
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string }> {
  return execFileP(process.execPath, ['--input-type=module', '-e', code], {
    env: { ...process.env, ...env },
    timeout: 10 * 60_000,
  });
}

describe('requireToolchain', () => {
  const probe = `const t = await import(${JSON.stringify(helper)});
    try { console.log(JSON.stringify({ ok: t.requireToolchain('go') })); }
    catch (e) { console.log(JSON.stringify({ code: e.code, message: e.message })); }`;

  it('skips (returns false) locally when the toolchain is missing', async () => {
    const { stdout } = await node(probe, { GO: '/nonexistent/go', CI: '' });
    expect(JSON.parse(stdout)).toEqual({ ok: false });
  });

  it('fails in CI when the toolchain is missing', async () => {
    const { stdout } = await node(probe, { GO: '/nonexistent/go', CI: 'true' });
    const out = JSON.parse(stdout);
    expect(out.code).toBe('TOOLCHAIN_MISSING');
    expect(out.message).toMatch(/Go >= 1\.21/);
  });

  it('names the missing toolchain in its error', () => {
    const err = new ToolchainMissingError('cargo');
    expect(err.code).toBe('TOOLCHAIN_MISSING');
    expect(err.toolchain).toBe('cargo');
  });
});

describe.skipIf(!requireToolchain('go'))('the build cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'toolchains-test-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'builds once when several processes ask at the same time',
    async () => {
      const src = join(dir, 'hello');
      const cache = join(dir, 'cache');
      await execFileP('mkdir', ['-p', src]);
      // A marker unique to this run, so no earlier cache entry can answer.
      const marker = `hello-${process.pid}-${Date.now()}`;
      await writeFile(join(src, 'go.mod'), 'module example.com/hello\n\ngo 1.21\n');
      await writeFile(
        join(src, 'main.go'),
        `package main\n\nimport "fmt"\n\nfunc main() { fmt.Println(${JSON.stringify(marker)}) }\n`,
      );
      const code = `const t = await import(${JSON.stringify(helper)});
      const r = await t.buildSmallGo(${JSON.stringify(src)});
      console.log(JSON.stringify({ ...r, builds: t.buildCount() }));`;
      // A fresh build-artifact cache (so nothing answers from before) but Go's shared build
      // cache (the standard library need not be compiled again: that is not what is tested).
      const env = { BUILD_ARTIFACT_CACHE_DIR: cache, GOCACHE: join(cacheDir(), 'go-build') };
      const results = (await Promise.all([node(code, env), node(code, env), node(code, env)])).map(
        (r) => JSON.parse(r.stdout),
      );
      expect(results.reduce((n, r) => n + r.builds, 0)).toBe(1);
      expect(new Set(results.map((r) => r.path)).size).toBe(1);
      expect(new Set(results.map((r) => r.sha256)).size).toBe(1);
      const { stdout } = await execFileP(results[0].path, []);
      expect(stdout.trim()).toBe(marker);
      expect(results[0].goVersion).toBe(findGo()!.version);
    },
    BUILD_TIMEOUT_MS,
  );
});

describe.skipIf(!requireToolchain('go', 'nats-sources'))('the NATS server builds', () => {
  it(
    'builds a wasip1 module carrying the build info and the fd-3 listener',
    async () => {
      const nats = await buildNatsWasm();
      const bytes = await readFile(nats.path);
      expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
      expect(nats.goos).toBe('wasip1');
      expect(nats.goVersion).toMatch(/^go1\.\d+/);
      expect(nats.natsVersion).toBe('v2.9.10');
      const text = bytes.toString('latin1');
      expect(text).toContain('path\tgithub.com/nats-io/nats-server/v2\n');
      expect(text).toContain('mod\tgithub.com/nats-io/nats-server/v2\tv2.9.10\t');
      expect(text).toContain('dep\tgithub.com/klauspost/compress\tv1.15.12\t');
      expect(text).toContain('build\tGOOS=wasip1\n');
      // The overlay's listen_wasip1.go was compiled in: its error message is in the data.
      expect(text).toContain('wasip1: no pre-opened listening socket');
      // A second call is a cache hit: same file, same digest.
      expect(await buildNatsWasm()).toEqual(nats);
    },
    BUILD_TIMEOUT_MS,
  );

  it(
    'builds the same sources for linux, and that server accepts clients',
    async () => {
      const nats = await buildNatsLinux();
      const { stdout: buildInfo } = await execFileP(findGo()!.bin, ['version', '-m', nats.path]);
      expect(buildInfo).toMatch(/\tmod\tgithub\.com\/nats-io\/nats-server\/v2\tv2\.9\.10/);
      expect(buildInfo).toMatch(/\tdep\tgolang\.org\/x\/sys\tv/);
      // The renamed natsListenTCP still serves on linux: start on a random port, read INFO.
      const child = spawn(nats.path, ['-a', '127.0.0.1', '-p', '-1'], {
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      try {
        const port = await new Promise<number>((resolve, reject) => {
          let log = '';
          child.stderr.setEncoding('utf8').on('data', (d: string) => {
            log += d;
            const m = /Listening for client connections on 127\.0\.0\.1:(\d+)/.exec(log);
            if (m) resolve(Number(m[1]));
          });
          child.on('exit', (code) => reject(new Error(`nats-server exited ${code}: ${log}`)));
        });
        const { createConnection } = await import('node:net');
        const info = await new Promise<string>((resolve, reject) => {
          const socket = createConnection({ host: '127.0.0.1', port });
          let data = '';
          socket.setEncoding('utf8').on('data', (d: string) => {
            data += d;
            if (data.includes('\r\n')) {
              socket.destroy();
              resolve(data);
            }
          });
          socket.on('error', reject);
        });
        expect(info).toMatch(/^INFO \{.*"version":"2\.9\.10"/);
      } finally {
        child.kill();
      }
    },
    BUILD_TIMEOUT_MS,
  );
});
