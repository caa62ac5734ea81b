import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { access, mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockText } from '../layout.js';
import { OciError, OciLayout } from './exports.js';

const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const REF_NAME = 'org.opencontainers.image.ref.name';

/** A small manifest, different for each name, so each tag has its own digest. */
function manifest(name: string): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MANIFEST,
      config: {
        mediaType: 'application/vnd.oci.empty.v1+json',
        digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
        size: 2,
      },
      layers: [],
      annotations: { name },
    }),
  );
}

async function tags(layout: string): Promise<string[]> {
  const index = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as {
    manifests: { annotations?: Record<string, string> }[];
  };
  return index.manifests.map((m) => m.annotations?.[REF_NAME] ?? '').sort();
}

function names(prefix: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `${prefix}${i}`).sort();
}

/** A pid that no process has: that of a child which has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
  await once(child, 'exit');
  return child.pid!;
}

describe('OciLayout with several writers', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oci-layout-concurrency-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every tag pushed by many instances on one directory at once', async () => {
    const layout = join(dir, 'instances');
    const want = names('t', 24);
    // A new instance per tag, as separate callers (and the CLI) make them.
    await Promise.all(
      want.map((tag) => new OciLayout(layout).pushManifest(manifest(tag), MANIFEST, tag)),
    );
    expect(await tags(layout)).toEqual(want);
    await expect(access(join(layout, 'index.json.lock'))).rejects.toThrow();
  });

  it('reclaims a lock file left by a process that no longer exists', async () => {
    const layout = join(dir, 'dead-owner');
    await new OciLayout(layout).pushManifest(manifest('first'), MANIFEST, 'first');
    const lock = join(layout, 'index.json.lock');
    await writeFile(lock, lockText(await deadPid()));
    await new OciLayout(layout).pushManifest(manifest('second'), MANIFEST, 'second');
    expect(await tags(layout)).toEqual(['first', 'second']);
    await expect(access(lock)).rejects.toThrow();
  });

  it('reclaims a lock seen unchanged for longer than any update takes, whatever its pid', async () => {
    const layout = join(dir, 'old-lock');
    await new OciLayout(layout).pushManifest(manifest('first'), MANIFEST, 'first');
    const lock = join(layout, 'index.json.lock');
    // Another machine's live process, by all it says: only time tells it was left behind. Its
    // mtime (a day ahead, as another machine's clock may write it) is not what counts.
    await writeFile(lock, JSON.stringify({ pid: process.pid, machine: 'elsewhere' }));
    const ahead = new Date(Date.now() + 86_400_000);
    await utimes(lock, ahead, ahead);
    await new OciLayout(layout, { lockStaleMs: 300 }).pushManifest(
      manifest('second'),
      MANIFEST,
      'second',
    );
    expect(await tags(layout)).toEqual(['first', 'second']);
    await expect(access(lock)).rejects.toThrow();
  });

  it('gives up on a lock held longer than it waits, naming the lock to remove', async () => {
    const layout = join(dir, 'held-too-long');
    await new OciLayout(layout).pushManifest(manifest('first'), MANIFEST, 'first');
    const lock = join(layout, 'index.json.lock');
    await writeFile(lock, lockText(process.pid));
    const err = await new OciLayout(layout, { lockWaitMs: 300 })
      .pushManifest(manifest('second'), MANIFEST, 'second')
      .then(
        () => undefined,
        (e: unknown) => e as OciError,
      );
    expect(err).toBeInstanceOf(OciError);
    expect(err?.code).toBe('LAYOUT');
    expect(err?.message).toContain(`index.json stayed locked for 0.3 s`);
    expect(err?.message).toContain(`remove ${lock}`);
    // Nothing written, and the other writer's lock left alone.
    expect(await tags(layout)).toEqual(['first']);
    await access(lock);
    await rm(lock);
  });

  it('waits while a live process holds the lock', async () => {
    const layout = join(dir, 'held');
    await new OciLayout(layout).pushManifest(manifest('first'), MANIFEST, 'first');
    const lock = join(layout, 'index.json.lock');
    await writeFile(lock, lockText(process.pid));
    let settled = false;
    const push = new OciLayout(layout)
      .pushManifest(manifest('second'), MANIFEST, 'second')
      .finally(() => {
        settled = true;
      });
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    expect(await tags(layout)).toEqual(['first']);
    await rm(lock);
    await push;
    expect(await tags(layout)).toEqual(['first', 'second']);
  });
});

// Child processes run the built package (what `attest` runs), as the CLI's tests do.
const dist = join(import.meta.dirname, '../../dist');

/**
 * Each child pushes its tags once told to go, so that all of them write index.json at the same
 * time rather than one after another as they happen to start.
 */
const CHILD = `
import { OciLayout } from ${JSON.stringify(pathToFileURL(join(dist, 'index.js')).href)};
const [layout, prefix, count] = process.argv.slice(2);
const manifest = (name) => new TextEncoder().encode(JSON.stringify({
  schemaVersion: 2,
  mediaType: ${JSON.stringify(MANIFEST)},
  config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a', size: 2 },
  layers: [],
  annotations: { name },
}));
process.stdout.write('ready\\n');
process.stdin.once('data', async () => {
  process.stdin.destroy();
  const target = new OciLayout(layout);
  await Promise.all(Array.from({ length: Number(count) }, (_, i) =>
    target.pushManifest(manifest(prefix + i), ${JSON.stringify(MANIFEST)}, prefix + i)));
});
`;

describe('OciLayout written by several processes', () => {
  let dir: string;
  beforeAll(async () => {
    // A stale build would test old code: say so rather than pass or fail for the wrong reason.
    const built = await stat(join(dist, 'layout.js')).catch(() => undefined);
    const source = await stat(join(import.meta.dirname, '../layout.ts'));
    if (!built || built.mtimeMs < source.mtimeMs) {
      throw new Error(
        `${dist} is missing or older than src/layout.ts: run npx tsc -b packages/oci`,
      );
    }
    dir = await mkdtemp(join(tmpdir(), 'oci-layout-processes-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every tag pushed by processes writing one layout at once', async () => {
    await pushFromProcesses(join(dir, 'layout'), 4, 8);
  });

  it('lets one writer of several reclaim a lock left behind, and loses no tag', async () => {
    // Every process finds the same dead owner's lock at once: one removes it, the others must
    // not remove the lock that writer then takes.
    for (let round = 0; round < 3; round++) {
      const layout = join(dir, `stale-${round}`);
      await new OciLayout(layout).pushManifest(manifest('first'), MANIFEST, 'first');
      await writeFile(join(layout, 'index.json.lock'), lockText(await deadPid()));
      await pushFromProcesses(layout, 6, 4, ['first']);
    }
  });

  async function pushFromProcesses(
    layout: string,
    processes: number,
    perProcess: number,
    before: string[] = [],
  ): Promise<void> {
    await mkdir(layout, { recursive: true });
    const script = join(dir, 'push.mjs');
    await writeFile(script, CHILD);
    const children: ChildProcess[] = [];
    const exits: Promise<{ code: number | null; stderr: string }>[] = [];
    for (let p = 0; p < processes; p++) {
      const child = spawn(process.execPath, [script, layout, `p${p}-`, String(perProcess)], {
        stdio: ['pipe', 'pipe', 'pipe'],
        timeout: 20_000,
        killSignal: 'SIGKILL',
      });
      let stderr = '';
      child.stderr!.on('data', (c: Buffer) => {
        stderr += c.toString();
      });
      exits.push(once(child, 'exit').then(([code]) => ({ code: code as number | null, stderr })));
      children.push(child);
    }
    // A child that dies before it is ready must fail the test, not hang it.
    await Promise.all(
      children.map((c, i) =>
        Promise.race([
          once(c.stdout!, 'data'),
          exits[i]!.then(({ code, stderr }) => {
            throw new Error(`child exited (${code}) before it was ready: ${stderr}`);
          }),
        ]),
      ),
    );
    for (const child of children) child.stdin!.write('go\n');
    for (const { code, stderr } of await Promise.all(exits)) expect(code, stderr).toBe(0);
    const want = [
      ...before,
      ...Array.from({ length: processes }, (_, p) => names(`p${p}-`, perProcess)).flat(),
    ].sort();
    // tags() parses index.json: it must be whole, not a mix of two writes.
    expect(await tags(layout)).toEqual(want);
    await expect(access(join(layout, 'index.json.lock'))).rejects.toThrow();
  }
});
