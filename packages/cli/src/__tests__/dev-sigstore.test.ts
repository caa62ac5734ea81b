import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DevSigstore } from '@build-artifact/dev-sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDevSigstore } from '../commands/dev-sigstore.js';
import { main } from '../index.js';
import { captureIO } from './io.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-dev-sigstore-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('attest dev-sigstore', () => {
  it('writes its trusted root, prints the env to export, serves until stopped', async () => {
    const io = captureIO({}, dir);
    const controller = new AbortController();
    let dev: DevSigstore | undefined;
    const ready = new Promise<void>((r) => {
      void runDevSigstore({ port: 0, out: join(dir, 'out') }, io, controller.signal, (d) => {
        dev = d;
        r();
      }).then((code) => expect(code).toBe(0));
    });
    await ready;
    const root = JSON.parse(await readFile(join(dir, 'out', 'trusted_root.json'), 'utf8'));
    expect(root).toEqual(dev!.trustedRoot);
    const exported = Object.fromEntries(
      io
        .out()
        .trim()
        .split('\n')
        .map((l) => {
          const [, k, v] = /^export ([A-Z_]+)=(.*)$/.exec(l)!;
          return [k!, v!.replace(/^'(.*)'$/, '$1')];
        }),
    );
    expect(exported).toEqual(dev!.env());
    expect(io.err()).toMatch(/NOT trusted by default/);
    const token = await fetch(`${exported.ACTIONS_ID_TOKEN_REQUEST_URL}&audience=sigstore`, {
      headers: { Authorization: `Bearer ${exported.ACTIONS_ID_TOKEN_REQUEST_TOKEN}` },
    });
    expect(token.status).toBe(200);
    controller.abort();
    await new Promise((r) => setTimeout(r, 50));
    await expect(fetch(`${exported.ATTEST_FULCIO_URL}/api/v2/trustBundle`)).rejects.toThrow();
  });

  it('refuses a bad port', async () => {
    const io = captureIO({}, dir);
    expect(await main(['dev-sigstore', '--port', 'x'], io)).toBe(2);
    expect(io.err()).toMatch(/--port/);
  });

  it('names an --out that cannot be a folder (exit 2), not an internal error', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    const io = captureIO({}, dir);
    expect(await main(['dev-sigstore', '--port', '0', '--out', join(file, 'd')], io)).toBe(2);
    expect(io.err()).toContain(`${join(file, 'd')}: ENOTDIR`);
    expect(io.err()).not.toContain('internal error');
  });
});
