// The demo's builds: whatever this machine has a toolchain for, each either built or skipped
// with the reason, never silently missing.
import { execFile, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { digestFile, writeFileAtomic } from '@build-artifact/core';

export interface Tool {
  bin: string;
  version: string;
}

/** `$XDG_CACHE_HOME/build-artifact` (default ~/.cache/build-artifact): Go's and cargo's caches. */
export function demoCacheDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'build-artifact');
}

function execText(
  file: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 30_000, encoding: 'utf8' }, (err, stdout) =>
      resolve(err ? undefined : stdout.trim()),
    );
  });
}

/** Go >= 1.21 (wasip1): `go` on PATH, else Debian's /usr/lib/go-1.2x (newest first). */
export async function findGo(env: NodeJS.ProcessEnv): Promise<Tool | undefined> {
  const debian = (() => {
    try {
      return readdirSync('/usr/lib')
        .filter((d) => /^go-1\.\d+$/.test(d))
        .sort((a, b) => Number(b.slice(5)) - Number(a.slice(5)))
        .map((d) => `/usr/lib/${d}/bin/go`);
    } catch {
      return [];
    }
  })();
  for (const bin of [env.GO || 'go', ...debian]) {
    const version = await execText(bin, ['env', 'GOVERSION'], { ...env, GOTOOLCHAIN: 'local' });
    const minor = /^go1\.(\d+)/.exec(version ?? '');
    if (version && minor && Number(minor[1]) >= 21) return { bin, version };
  }
  return undefined;
}

/** cargo on PATH, else ~/.cargo/bin/cargo. */
export async function findCargo(env: NodeJS.ProcessEnv): Promise<Tool | undefined> {
  const home = env.CARGO_HOME || join(env.HOME || homedir(), '.cargo');
  for (const bin of [env.CARGO || 'cargo', join(home, 'bin', 'cargo')]) {
    const version = await execText(bin, ['--version'], env);
    if (version) return { bin, version };
  }
  return undefined;
}

/** Runs a build command; its output goes to `log` line by line, the last 4 KiB into errors. */
export function runBuild(
  file: string,
  args: string[],
  options: { cwd?: string; env: NodeJS.ProcessEnv; log: (line: string) => void },
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let tail = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => {
      stdout += d;
    });
    let partial = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      tail = (tail + d).slice(-4096);
      const lines = (partial + d).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) options.log(line);
    });
    child.on('error', (err) => reject(err));
    child.on('close', (code, signal) => {
      if (code === 0) resolve(stdout);
      else
        reject(
          new Error(`${file} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail}`),
        );
    });
  });
}

/** The commit of the checkout the examples are in, when git can say. */
export function gitHead(dir: string): Promise<string | undefined> {
  return new Promise((res) =>
    execFile('git', ['-C', dir, 'rev-parse', 'HEAD'], { timeout: 10_000 }, (err, out) =>
      res(err || !/^[0-9a-f]{40}$/.test(out.trim()) ? undefined : out.trim()),
    ),
  );
}

export interface BuildContext {
  examples: string;
  out: string;
  env: NodeJS.ProcessEnv;
  log: (line: string) => void;
}

export type Skip = { artifact: string; reason: string };

/** The NATS server for wasip1, by examples/nats-wasip1/build.sh; a reason when it cannot be. */
export async function natsPrerequisites(ctx: BuildContext): Promise<Tool | string> {
  const script = join(ctx.examples, 'nats-wasip1', 'build.sh');
  if (!existsSync(script)) return `${script} not found`;
  const go = await findGo(ctx.env);
  if (!go)
    return 'no Go >= 1.21 on PATH or in /usr/lib/go-1.2x (apt-get install -t bookworm-backports golang-1.23-go)';
  const src = ctx.env.GOCODE_SRC || '/usr/share/gocode/src';
  if (!existsSync(join(src, 'github.com/nats-io/nats-server')))
    return `the NATS server sources are not in ${src} (apt-get install golang-github-nats-io-nats-server-dev)`;
  if (!(await execText('dpkg-query', ['--version'], ctx.env)))
    return 'build.sh reads Debian package versions, and dpkg-query is missing';
  return go;
}

export async function buildNats(ctx: BuildContext, go: Tool): Promise<string> {
  const bin = dirname(go.bin);
  const env: NodeJS.ProcessEnv = {
    ...ctx.env,
    GO: go.bin,
    PATH: bin === '.' ? ctx.env.PATH : `${bin}:${ctx.env.PATH ?? ''}`,
    // Go's build cache makes every run after the first a relink only.
    GOCACHE: join(demoCacheDir(ctx.env), 'go-build'),
    GOTOOLCHAIN: 'local',
  };
  const stdout = await runBuild('bash', [join(ctx.examples, 'nats-wasip1', 'build.sh'), ctx.out], {
    env,
    log: ctx.log,
  });
  const built = stdout.trim().split('\n').pop() ?? '';
  if (!existsSync(built)) throw new Error(`build.sh printed "${built}", which does not exist`);
  return built;
}

/** The Rust CLI embedding the module (offline, no crates), copied to OUT/embedding-cli. */
export async function buildCli(ctx: BuildContext, cargo: Tool, wasm: string): Promise<string> {
  const manifest = join(ctx.examples, 'embedding-cli', 'Cargo.toml');
  const targetDir = join(demoCacheDir(ctx.env), 'cargo-target');
  const { sha256 } = await digestFile(wasm, ['sha256']);
  // build.rs reruns when NATS_WASM changes or the file's mtime does: embedding from one fixed
  // path, rewritten only when the module changed, keeps an unchanged CLI a no-op for cargo.
  const staged = join(demoCacheDir(ctx.env), 'embed', 'nats-server.wasm');
  const current = existsSync(staged) ? (await digestFile(staged, ['sha256'])).sha256 : undefined;
  if (current !== sha256) {
    await mkdir(dirname(staged), { recursive: true });
    await writeFileAtomic(staged, await readFile(wasm));
  }
  await runBuild(
    cargo.bin,
    ['build', '--release', '--offline', '--locked', '--manifest-path', manifest],
    {
      env: {
        ...ctx.env,
        CARGO_TARGET_DIR: targetDir,
        NATS_WASM: staged,
        NATS_WASM_SHA256: sha256,
      },
      log: ctx.log,
    },
  );
  const exe = process.platform === 'win32' ? 'embedding-cli.exe' : 'embedding-cli';
  const out = join(ctx.out, exe);
  await copyFile(join(targetDir, 'release', exe), out);
  return out;
}

// Never packaged: installed dependencies and caches are not the project's sources.
const EXCLUDE = new Set(['node_modules', '.venv', 'venv', '__pycache__', '.git', 'dist', 'build']);

async function listTree(root: string, dir = root): Promise<string[]> {
  const out: string[] = [];
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    if (EXCLUDE.has(e.name)) continue;
    const full = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await listTree(root, full)));
    else if (e.isFile()) out.push(relative(root, full));
  }
  return out;
}

/** A ustar header block (names up to 100 bytes, or split with a 155-byte prefix). */
function tarHeader(name: string, size: number, mode: number, mtime: number): Buffer {
  const h = Buffer.alloc(512);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100)
      throw new Error(`path too long for a tar archive: ${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  const octal = (n: number, len: number) => n.toString(8).padStart(len - 1, '0');
  h.write(base, 0, 100);
  h.write(octal(mode, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(mtime, 12), 136);
  h.write('        ', 148);
  h.write('0', 156);
  h.write('ustar\0', 257);
  h.write('00', 263);
  h.write(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${octal(sum, 7)}\0`, 148);
  return h;
}

/**
 * A project packaged as `<name>.tgz` (`<name>/...` inside, as `npm pack` nests under
 * `package/`): sorted entries, owner 0, mtime SOURCE_DATE_EPOCH (or 0), gzip without a
 * timestamp, so the same sources give the same bytes.
 */
export async function packageApp(ctx: BuildContext, name: string): Promise<string> {
  const root = join(ctx.examples, name);
  const epoch = Number(ctx.env.SOURCE_DATE_EPOCH ?? 0) || 0;
  const parts: Buffer[] = [];
  for (const rel of await listTree(root)) {
    const full = join(root, rel);
    const data = await readFile(full);
    const mode = (await stat(full)).mode & 0o111 ? 0o755 : 0o644;
    parts.push(tarHeader(`${name}/${rel.split('\\').join('/')}`, data.length, mode, epoch), data);
    const pad = (512 - (data.length % 512)) % 512;
    if (pad) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(1024));
  const out = join(ctx.out, `${name}.tgz`);
  await mkdir(ctx.out, { recursive: true });
  await writeFileAtomic(out, gzipSync(Buffer.concat(parts), { level: 9 }));
  return out;
}

export function appPrerequisite(ctx: BuildContext, name: string): string | undefined {
  const dir = join(ctx.examples, name);
  if (!existsSync(dir)) return `${dir} not found`;
  return undefined;
}
