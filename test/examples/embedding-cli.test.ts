// The Rust CLI that embeds the NATS wasip1 module, built for real with cargo around a
// module built for real with Go: what it reports, what it writes back, and the build-time
// digest check.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT_MS,
  buildEmbeddingCli,
  buildNatsWasm,
  type CliBuild,
  examplesDir,
  findCargo,
  type NatsBuild,
  requireToolchain,
} from '../helpers/toolchains.js';

const execFileP = promisify(execFile);
const crateDir = join(examplesDir, 'embedding-cli');
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe.skipIf(!requireToolchain('go', 'nats-sources', 'cargo'))('embedding-cli', () => {
  let nats: NatsBuild;
  let cli: CliBuild;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'embedding-cli-test-'));
    nats = await buildNatsWasm();
    cli = await buildEmbeddingCli(nats.path);
  }, BUILD_TIMEOUT_MS);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports what it embeds', async () => {
    const { stdout } = await execFileP(cli.path, ['info', '--json']);
    const info = JSON.parse(stdout);
    const wasm = await readFile(nats.path);
    expect(info.module).toMatchObject({
      name: 'nats-server.wasm',
      size: wasm.length,
      sha256: nats.sha256,
      goVersion: nats.goVersion,
      mainPackage: 'github.com/nats-io/nats-server/v2',
      mainModule: { path: 'github.com/nats-io/nats-server/v2', version: nats.natsVersion },
    });
    expect(info.module.deps).toContainEqual({
      path: 'github.com/klauspost/compress',
      version: 'v1.15.12',
    });
    expect(cli.wasmSha256).toBe(nats.sha256);

    const text = await execFileP(cli.path, ['info']);
    expect(text.stdout).toContain(`sha256:          ${nats.sha256}`);
    const version = await execFileP(cli.path, ['--version']);
    expect(version.stdout).toBe(
      `embedding-cli 0.1.0 (embeds nats-server.wasm sha256:${nats.sha256})\n`,
    );
  });

  it('writes the exact module back out, to a file and to stdout', async () => {
    const original = await readFile(nats.path);
    const out = join(dir, 'out.wasm');
    await execFileP(cli.path, ['write-module', out]);
    const written = await readFile(out);
    expect(written.equals(original)).toBe(true);
    const piped = await execFileP(cli.path, ['write-module', '-'], {
      encoding: 'buffer',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(sha256(piped.stdout)).toBe(nats.sha256);
  });

  it('exits 2 on bad usage and 1 when asked to run without wasmtime', async () => {
    await expect(execFileP(cli.path, ['frobnicate'])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown command 'frobnicate'"),
    });
    await expect(execFileP(cli.path, ['write-module'])).rejects.toMatchObject({ code: 2 });
    await expect(execFileP(cli.path, ['run'])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('`run` feature'),
    });
    await expect(
      execFileP(cli.path, ['write-module', join(dir, 'no', 'such', 'dir', 'x.wasm')]),
    ).rejects.toMatchObject({ code: 1 });
  });

  describe('the build-time digest check, and the crate’s own unit tests', () => {
    // A tiny valid module keeps these builds quick; each gets its own target directory.
    const tiny = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]);
    const cargo = (args: string[], env: Record<string, string>) =>
      execFileP(findCargo()!.bin, [...args, '--offline', '--locked'], {
        cwd: crateDir,
        env: { ...process.env, CARGO_TARGET_DIR: join(dir, 'target'), ...env },
        timeout: BUILD_TIMEOUT_MS,
        maxBuffer: 16 * 1024 * 1024,
      });

    it(
      'refuses a module whose digest differs from the expected one',
      async () => {
        const path = join(dir, 'tiny.wasm');
        await writeFile(path, tiny);
        const wrong = sha256(Buffer.from('something else'));
        await expect(
          cargo(['build'], { NATS_WASM: path, NATS_WASM_SHA256: wrong }),
        ).rejects.toMatchObject({
          stderr: expect.stringContaining(
            `has sha256 ${sha256(tiny)}, but NATS_WASM_SHA256 expects ${wrong}`,
          ),
        });
        await expect(
          cargo(['build'], { NATS_WASM: path, NATS_WASM_SHA256: 'not-hex' }),
        ).rejects.toMatchObject({ stderr: expect.stringContaining('is not a SHA-256') });
      },
      BUILD_TIMEOUT_MS,
    );

    it(
      'takes the expected digest from nats-wasip1.sha256, and needs one',
      async () => {
        // A copy of the crate, so the test never writes into the repository.
        const crate = join(dir, 'crate');
        for (const f of ['Cargo.toml', 'Cargo.lock', 'build.rs', 'src']) {
          await cp(join(crateDir, f), join(crate, f), { recursive: true });
        }
        const path = join(dir, 'tiny-file.wasm');
        await writeFile(path, tiny);
        const env: NodeJS.ProcessEnv = {
          ...process.env,
          CARGO_TARGET_DIR: join(dir, 'target'),
          NATS_WASM: path,
        };
        delete env.NATS_WASM_SHA256;
        const build = () =>
          execFileP(findCargo()!.bin, ['build', '--offline', '--locked'], {
            cwd: crate,
            env,
            timeout: BUILD_TIMEOUT_MS,
          });
        await expect(build()).rejects.toMatchObject({
          stderr: expect.stringContaining('no expected SHA-256 for the embedded wasm module'),
        });
        await writeFile(join(crate, 'nats-wasip1.sha256'), `${sha256(tiny)}  nats-server.wasm\n`);
        await build();
        const wrong = sha256(Buffer.from('another module'));
        await writeFile(join(crate, 'nats-wasip1.sha256'), `${wrong}  nats-server.wasm\n`);
        await expect(build()).rejects.toMatchObject({
          stderr: expect.stringContaining(
            `but ${join(crate, 'nats-wasip1.sha256')} expects ${wrong}`,
          ),
        });
      },
      BUILD_TIMEOUT_MS,
    );

    it(
      'passes cargo test (SHA-256 known answers, wasm parsing)',
      async () => {
        const path = join(dir, 'tiny-ok.wasm');
        await writeFile(path, tiny);
        const { stdout } = await cargo(['test'], {
          NATS_WASM: path,
          NATS_WASM_SHA256: sha256(tiny),
        });
        expect(stdout).toMatch(/test result: ok\. [1-9]\d* passed; 0 failed/);
      },
      BUILD_TIMEOUT_MS,
    );
  });
});
