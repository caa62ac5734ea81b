// Real toolchains for tests: find Go and cargo, build the examples (the NATS server for
// wasip1 and linux, the Rust CLI that embeds it, tiny Go programs) once per machine state,
// and share the results between test files and vitest workers.
//
// Builds are cached under node_modules/.cache/build-artifact/ (override with
// BUILD_ARTIFACT_CACHE_DIR), one directory per hash of everything the build reads: the
// example's files, the Go/Rust toolchain version, the Debian package versions of the Go
// sources, the target. A cross-process lock (an exclusive lock file, reclaimed when its
// owner process is gone) makes concurrent callers wait for one build instead of running
// several; results are renamed into place, so a cache entry is either complete or absent.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');
export const examplesDir = join(repoRoot, 'examples');
const natsExampleDir = join(examplesDir, 'nats-wasip1');
const cliExampleDir = join(examplesDir, 'embedding-cli');

/** Where built artifacts are cached (created on first use). */
export function cacheDir(): string {
  return (
    process.env.BUILD_ARTIFACT_CACHE_DIR ??
    join(repoRoot, 'node_modules', '.cache', 'build-artifact')
  );
}

/**
 * A timeout for tests and hooks that may build (a cold NATS build takes minutes on a busy
 * 2-core machine): `beforeAll(async () => { nats = await buildNatsWasm(); }, BUILD_TIMEOUT_MS)`.
 */
export const BUILD_TIMEOUT_MS = 15 * 60_000;

export type Toolchain = 'go' | 'cargo' | 'nats-sources' | 'python';

export interface GoBuild {
  /** Absolute path of the built file, inside the cache: read it, do not modify it. */
  path: string;
  /** `go1.23.5`: the Go release that built it. */
  goVersion: string;
  /** Lower-case hex SHA-256 of the file. */
  sha256: string;
  /** GOOS/GOARCH of the build. */
  goos: string;
  goarch: string;
}

export interface NatsBuild extends GoBuild {
  /** The NATS server version built (`v2.9.10`), from the Debian package. */
  natsVersion: string;
}

export interface CliBuild {
  /** Absolute path of the embedding CLI executable (cached). */
  path: string;
  /** SHA-256 of the executable. */
  sha256: string;
  /** SHA-256 of the wasm module it embeds. */
  wasmSha256: string;
}

// ---------------------------------------------------------------------------------------
// Finding toolchains

const GO_CANDIDATES = [
  'go',
  '/usr/lib/go-1.23/bin/go',
  '/usr/lib/go/bin/go',
  '/usr/local/go/bin/go',
];

function tryExec(file: string, args: string[], env?: NodeJS.ProcessEnv): string | undefined {
  try {
    return execFileSync(file, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      env: env ?? process.env,
      timeout: 30_000,
    }).trim();
  } catch {
    return undefined;
  }
}

let goCache: { bin: string; version: string } | null | undefined;

/** The go command (>= 1.21, which can target wasip1) and its version, or undefined. */
export function findGo(): { bin: string; version: string } | undefined {
  if (goCache === undefined) {
    goCache = null;
    const candidates = process.env.GO ? [process.env.GO] : GO_CANDIDATES;
    for (const bin of candidates) {
      const version = tryExec(bin, ['env', 'GOVERSION'], { ...process.env, GOTOOLCHAIN: 'local' });
      const minor = /^go1\.(\d+)/.exec(version ?? '');
      if (version && minor && Number(minor[1]) >= 21) {
        goCache = { bin, version };
        break;
      }
    }
  }
  return goCache ?? undefined;
}

/** A program of the Go distribution found (`gofmt`: a real Go binary with build info). */
export function goToolBinary(name: string): string | undefined {
  const go = findGo();
  const root = go && tryExec(go.bin, ['env', 'GOROOT'], { ...process.env, GOTOOLCHAIN: 'local' });
  const path = root ? join(root, 'bin', name) : undefined;
  return path && existsSync(path) ? path : undefined;
}

/** Go >= 1.21 is installed (on PATH, or Debian's /usr/lib/go-1.23). */
export function haveGo(): boolean {
  return findGo() !== undefined;
}

let cargoCache: { bin: string; version: string } | null | undefined;

/** cargo, and `rustc -vV` (which names the host triple and the exact compiler). */
export function findCargo(): { bin: string; version: string } | undefined {
  if (cargoCache === undefined) {
    cargoCache = null;
    const home = process.env.CARGO_HOME ?? join(process.env.HOME ?? '/root', '.cargo');
    for (const bin of [process.env.CARGO ?? 'cargo', join(home, 'bin', 'cargo')]) {
      if (tryExec(bin, ['--version']) === undefined) continue;
      const rustc = tryExec(join(dirname(bin), 'rustc'), ['-vV']) ?? tryExec('rustc', ['-vV']);
      if (rustc) {
        cargoCache = { bin, version: rustc };
        break;
      }
    }
  }
  return cargoCache ?? undefined;
}

/** cargo and rustc are installed. */
export function haveCargo(): boolean {
  return findCargo() !== undefined;
}

let pythonCache: { bin: string; version: string } | null | undefined;

/** python3 (>= 3.9, what examples/python-app supports) and its version, or undefined. */
export function findPython(): { bin: string; version: string } | undefined {
  if (pythonCache === undefined) {
    pythonCache = null;
    for (const bin of [process.env.PYTHON ?? 'python3', 'python']) {
      const version = tryExec(bin, ['-c', 'import sys; print("%d.%d.%d" % sys.version_info[:3])']);
      const m = /^3\.(\d+)\./.exec(version ?? '');
      if (version && m && Number(m[1]) >= 9) {
        pythonCache = { bin, version };
        break;
      }
    }
  }
  return pythonCache ?? undefined;
}

const gocodeSrc = (): string => process.env.GOCODE_SRC ?? '/usr/share/gocode/src';

/** Debian's NATS server sources (golang-github-nats-io-nats-server-dev) are installed. */
export function haveNatsSources(): boolean {
  return existsSync(join(gocodeSrc(), 'github.com/nats-io/nats-server/main.go'));
}

const INSTALL_HINT: Record<Toolchain, string> = {
  go: 'Go >= 1.21 (apt-get install -t bookworm-backports golang-1.23-go)',
  cargo: 'cargo and rustc (rustup, or apt-get install cargo)',
  'nats-sources':
    'the NATS server Go sources (apt-get install golang-github-nats-io-nats-server-dev)',
  python: 'Python >= 3.9 (apt-get install python3)',
};

export class ToolchainMissingError extends Error {
  readonly code = 'TOOLCHAIN_MISSING';
  readonly toolchain: Toolchain;
  constructor(toolchain: Toolchain) {
    super(`${INSTALL_HINT[toolchain]} is required in CI (CI=true) but was not found`);
    this.name = 'ToolchainMissingError';
    this.toolchain = toolchain;
  }
}

/** Whether the named toolchain is there, without the CI rule. */
export function haveToolchain(name: Toolchain): boolean {
  switch (name) {
    case 'go':
      return haveGo();
    case 'cargo':
      return haveCargo();
    case 'nats-sources':
      return haveNatsSources();
    case 'python':
      return findPython() !== undefined;
  }
}

/** In CI (`CI=true`, or `1` as some runners set it) a missing tool fails instead of skipping. */
export function inCI(): boolean {
  return process.env.CI === 'true' || process.env.CI === '1';
}

/**
 * True when every named toolchain is available. When one is missing: false locally (skip
 * the test: `describe.skipIf(!requireToolchain('go'))(...)`), but in CI
 * (`inCI()`) it throws ToolchainMissingError, so the test file fails
 * instead of passing by skipping what CI promised to run.
 */
export function requireToolchain(...names: Toolchain[]): boolean {
  for (const name of names) {
    if (haveToolchain(name)) continue;
    if (inCI()) throw new ToolchainMissingError(name);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------
// Cache entries and the cross-process lock

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Hash of every regular file under dir (sorted paths and contents), skipping `skip`. */
function hashTree(dir: string, skip: (rel: string) => boolean = () => false): string {
  const hash = createHash('sha256');
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const full = join(d, entry.name);
      const rel = relative(dir, full);
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        hash.update(`${rel}\0${statSync(full).mode & 0o111 ? 'x' : '-'}\0`);
        hash.update(readFileSync(full));
        hash.update('\0');
      }
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** rel is `input` itself, a path inside it, or a directory on the way to it. */
function isWithin(rel: string, input: string): boolean {
  return rel === input || rel.startsWith(`${input}/`) || input.startsWith(`${rel}/`);
}

const NATS_INPUTS = ['build.sh', 'modules.conf', 'patches', 'overlay'];
const CLI_INPUTS = ['Cargo.toml', 'Cargo.lock', 'build.rs', 'src', 'nats-wasip1.sha256'];

async function fileSha256(path: string): Promise<string> {
  return sha256Hex(await readFile(path));
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const LOCK_WAIT_MS = 15 * 60_000;

/** Run fn while holding an exclusive lock file; waits for (or reclaims from a dead) owner. */
async function withLock<T>(lockPath: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(lockPath), { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid, host: hostname() }));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    // Someone holds it. Reclaim it if its owner died on this host (a killed test run).
    try {
      const owner = JSON.parse(await readFile(lockPath, 'utf8')) as { pid: number; host: string };
      if (owner.host === hostname() && !pidAlive(owner.pid)) {
        await rm(lockPath, { force: true });
        continue;
      }
    } catch {
      // Being written right now, or just removed: look again shortly.
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for build lock ${lockPath}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  try {
    return await fn();
  } finally {
    await rm(lockPath, { force: true });
  }
}

const STALE_MS = 3 * 24 * 3600_000;

/**
 * Entries of the same kind built from other inputs more than STALE_MS ago: a new entry means
 * the inputs changed, so the old ones (22 MB each for NATS) are only taking space.
 */
async function pruneStale(parent: string, keep: string): Promise<void> {
  for (const name of await readdir(parent)) {
    if (name === keep || name.includes('.')) continue; // locks and temporary builds
    try {
      const built = await stat(join(parent, name, 'meta.json'));
      if (Date.now() - built.mtimeMs > STALE_MS) {
        await rm(join(parent, name), { recursive: true, force: true });
      }
    } catch {
      // Not a complete entry: another process may be building it.
    }
  }
}

let buildsRun = 0;

/** How many cache misses this process has built (the rest came from the cache). */
export function buildCount(): number {
  return buildsRun;
}

/**
 * The cache entry `<cacheDir>/<kind>/<key>/`: returns its metadata if complete; otherwise
 * builds it (under the lock, into a temporary directory renamed into place) with
 * build(tmpDir), which returns the metadata to store.
 */
async function cached<M extends object>(
  kind: string,
  key: string,
  build: (dir: string) => Promise<M>,
): Promise<{ dir: string; meta: M }> {
  const dir = join(cacheDir(), kind, key);
  const metaPath = join(dir, 'meta.json');
  const read = async (): Promise<M | undefined> => {
    try {
      return JSON.parse(await readFile(metaPath, 'utf8')) as M;
    } catch {
      return undefined;
    }
  };
  const hit = await read();
  if (hit) return { dir, meta: hit };
  return withLock(`${dir}.lock`, async () => {
    const again = await read(); // another process built it while we waited
    if (again) return { dir, meta: again };
    // Holding the lock, any other temporary build of this entry is a dead process's leftover.
    const parent = dirname(dir);
    for (const name of await readdir(parent)) {
      if (name.startsWith(`${basename(dir)}.tmp-`)) {
        await rm(join(parent, name), { recursive: true, force: true });
      }
    }
    const tmp = `${dir}.tmp-${process.pid}`;
    await mkdir(tmp, { recursive: true });
    try {
      buildsRun++;
      const meta = await build(tmp);
      await writeFile(join(tmp, 'meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
      await rm(dir, { recursive: true, force: true });
      await rename(tmp, dir);
      await pruneStale(dirname(dir), basename(dir));
      return { dir, meta };
    } catch (err) {
      await rm(tmp, { recursive: true, force: true });
      throw err;
    }
  });
}

/** Same-process memo so concurrent calls in one worker share one promise. */
const inflight = new Map<string, Promise<unknown>>();
function once<T>(id: string, fn: () => Promise<T>): Promise<T> {
  let p = inflight.get(id) as Promise<T> | undefined;
  if (!p) {
    p = fn();
    inflight.set(id, p);
    p.catch(() => inflight.delete(id));
  }
  return p;
}

function run(
  file: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 10 * 60_000);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise({ stdout, stderr });
      else
        reject(
          new Error(
            `${file} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stderr.slice(-4000)}`,
          ),
        );
    });
  });
}

function mustHave(name: Toolchain): void {
  if (!haveToolchain(name)) throw new ToolchainMissingError(name);
}

// ---------------------------------------------------------------------------------------
// Go builds

const GOARCH_OF: Partial<Record<NodeJS.Architecture, string>> = {
  x64: 'amd64',
  arm64: 'arm64',
  ia32: '386',
  arm: 'arm',
  riscv64: 'riscv64',
  ppc64: 'ppc64le',
  s390x: 's390x',
};

/** The host's GOARCH. */
export function hostGoarch(): string {
  const arch = GOARCH_OF[process.arch];
  if (!arch) throw new Error(`no GOARCH for Node architecture ${process.arch}`);
  return arch;
}

function goEnv(go: { bin: string }): NodeJS.ProcessEnv {
  const bin = dirname(go.bin);
  return {
    ...process.env,
    // build.sh and go itself find the same toolchain we checked.
    GO: go.bin,
    PATH: bin === '.' ? process.env.PATH : `${bin}:${process.env.PATH ?? ''}`,
    GOCACHE: process.env.GOCACHE ?? join(cacheDir(), 'go-build'),
    GOTOOLCHAIN: 'local',
    GOPROXY: 'off',
    GOFLAGS: '',
  };
}

/** Version of each Debian package listed in modules.conf (the Go sources' identity). */
function natsSourceVersions(): Record<string, string> {
  const conf = readFileSync(join(natsExampleDir, 'modules.conf'), 'utf8');
  const versions: Record<string, string> = {};
  for (const line of conf.split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 3 || fields[0]!.startsWith('#')) continue;
    const pkg = fields[1]!;
    // dpkg-query's own format syntax, not a JS template.
    const format = '-f=$' + '{Version}';
    versions[pkg] = tryExec('dpkg-query', ['-W', format, pkg]) ?? 'not-installed';
  }
  return versions;
}

async function buildNats(goos: string, goarch: string): Promise<NatsBuild> {
  mustHave('go');
  mustHave('nats-sources');
  const go = findGo()!;
  const sources = natsSourceVersions();
  const key = sha256Hex(
    JSON.stringify({
      // Only what build.sh reads: editing the README or the WASI host rebuilds nothing.
      example: hashTree(natsExampleDir, (rel) => !NATS_INPUTS.some((i) => isWithin(rel, i))),
      go: go.version,
      goroot: tryExec(go.bin, ['env', 'GOROOT']),
      sources,
      gocode: gocodeSrc(),
      goos,
      goarch,
    }),
  ).slice(0, 32);
  const { dir, meta } = await cached<Omit<NatsBuild, 'path'> & { file: string }>(
    `nats-${goos}-${goarch}`,
    key,
    async (tmp) => {
      const { stdout } = await run('bash', [join(natsExampleDir, 'build.sh'), tmp, goos, goarch], {
        env: goEnv(go),
      });
      const built = stdout.trim().split('\n').pop()!;
      const natsPkg = sources['golang-github-nats-io-nats-server-dev'] ?? '';
      return {
        file: relative(tmp, built),
        goVersion: go.version,
        sha256: await fileSha256(built),
        goos,
        goarch,
        natsVersion: `v${natsPkg.replace(/^\d+:/, '').replace(/[-+~].*$/, '')}`,
      };
    },
  );
  const { file, ...rest } = meta;
  return { path: join(dir, file), ...rest };
}

/** The NATS server built for wasip1/wasm by examples/nats-wasip1/build.sh (cached). */
export function buildNatsWasm(): Promise<NatsBuild> {
  return once('nats:wasip1/wasm', () => buildNats('wasip1', 'wasm'));
}

/** The same NATS server sources built for linux and the host's architecture (cached). */
export function buildNatsLinux(): Promise<NatsBuild> {
  const goarch = hostGoarch();
  return once(`nats:linux/${goarch}`, () => buildNats('linux', goarch));
}

/**
 * Build a small self-contained Go program (a directory with go.mod and no third-party
 * requirements; stdlib only) for the given target (default: the host), cached by content.
 */
export function buildSmallGo(
  dir: string,
  options: { goos?: string; goarch?: string; ldflags?: string } = {},
): Promise<GoBuild> {
  const goos = options.goos ?? (process.platform === 'win32' ? 'windows' : process.platform);
  const goarch = options.goarch ?? hostGoarch();
  const abs = resolve(dir);
  return once(`small:${abs}:${goos}/${goarch}:${options.ldflags ?? ''}`, async () => {
    mustHave('go');
    const go = findGo()!;
    const key = sha256Hex(
      JSON.stringify({ tree: hashTree(abs), go: go.version, goos, goarch, ld: options.ldflags }),
    ).slice(0, 32);
    const name = goos === 'wasip1' ? 'main.wasm' : goos === 'windows' ? 'main.exe' : 'main';
    const { dir: entry, meta } = await cached<Omit<GoBuild, 'path'>>(
      'go-small',
      key,
      async (tmp) => {
        const out = join(tmp, name);
        const args = ['build', '-trimpath', '-buildvcs=false', '-o', out];
        if (options.ldflags) args.push(`-ldflags=${options.ldflags}`);
        args.push('.');
        await run(go.bin, args, {
          cwd: abs,
          env: { ...goEnv(go), GOOS: goos, GOARCH: goarch, CGO_ENABLED: '0', GOWORK: 'off' },
        });
        return { goVersion: go.version, sha256: await fileSha256(out), goos, goarch };
      },
    );
    return { path: join(entry, name), ...meta };
  });
}

// ---------------------------------------------------------------------------------------
// The embedding CLI (Rust)

/**
 * Build examples/embedding-cli with the given wasm module embedded (cargo build --release
 * --offline --locked; the module's SHA-256 is passed as NATS_WASM_SHA256 and checked by
 * build.rs). Cached by the module's hash, the crate's files and `rustc -vV`.
 */
export function buildEmbeddingCli(wasmPath: string): Promise<CliBuild> {
  const abs = resolve(wasmPath);
  return once(`cli:${abs}`, async () => {
    mustHave('cargo');
    const cargo = findCargo()!;
    const wasmSha256 = await fileSha256(abs);
    const key = sha256Hex(
      JSON.stringify({
        crate: hashTree(cliExampleDir, (rel) => !CLI_INPUTS.some((i) => isWithin(rel, i))),
        rustc: cargo.version,
        wasmSha256,
      }),
    ).slice(0, 32);
    const exe = process.platform === 'win32' ? 'embedding-cli.exe' : 'embedding-cli';
    const { dir, meta } = await cached<Omit<CliBuild, 'path'>>(
      'embedding-cli',
      key,
      async (tmp) => {
        // One shared target dir keeps rebuilds incremental. Cargo locks it during a build, but
        // the copy below must see this build's output, not a concurrent one's: hence our lock.
        const targetDir = join(cacheDir(), 'cargo-target');
        await withLock(`${targetDir}.lock`, async () => {
          await run(
            cargo.bin,
            [
              'build',
              '--release',
              '--offline',
              '--locked',
              '--manifest-path',
              join(cliExampleDir, 'Cargo.toml'),
            ],
            {
              env: {
                ...process.env,
                CARGO_TARGET_DIR: targetDir,
                NATS_WASM: abs,
                NATS_WASM_SHA256: wasmSha256,
              },
            },
          );
          await writeFile(join(tmp, exe), await readFile(join(targetDir, 'release', exe)), {
            mode: 0o755,
          });
        });
        return { sha256: await fileSha256(join(tmp, exe)), wasmSha256 };
      },
    );
    const path = join(dir, exe);
    await stat(path);
    return { path, ...meta };
  });
}
