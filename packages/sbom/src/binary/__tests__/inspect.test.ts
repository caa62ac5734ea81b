import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeFifo, releaseFifos } from '../../../../../test/helpers/hostile-files.js';
import { custom, module } from '../../__tests__/wasm-builder.js';
import {
  generateSbom,
  inspectBinary,
  inspectBytes,
  MAX_AUDIT_JSON,
  MAX_AUDIT_JSON_TOTAL,
  MAX_BINARY_SIZE,
  type SbomError,
} from '../../index.js';
import {
  componentOfDepV0Bombs,
  elfHost,
  invalidModuleThenCustoms,
  moduleOfTinyCustoms,
  nestedCandidates,
} from './hostile.js';

// Node has WebAssembly; the ES2023 lib without DOM does not declare it.
declare const WebAssembly: { validate(bytes: Uint8Array): boolean };

const code = (f: () => unknown): string | undefined => {
  try {
    f();
    return undefined;
  } catch (err) {
    return (err as SbomError).code;
  }
};

function seconds(f: () => unknown): number {
  const start = performance.now();
  f();
  return (performance.now() - start) / 1000;
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sbom-inspect-'));
});
afterEach(() => {
  vi.restoreAllMocks();
  releaseFifos();
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('reading a binary', () => {
  it('refuses a FIFO at once, naming it, without waiting for a writer', {
    timeout: 5000,
  }, async () => {
    const fifo = makeFifo(join(dir, 'app'));
    for (const p of [inspectBinary(fifo), generateSbom([fifo])])
      await expect(p).rejects.toMatchObject({
        code: 'NOT_REGULAR_FILE',
        message: `${fifo}: is a named pipe (FIFO), not a regular file`,
      });
  });

  it('refuses a binary over MAX_BINARY_SIZE before reading it', async () => {
    const big = join(dir, 'big.bin');
    await writeFile(big, '');
    await truncate(big, MAX_BINARY_SIZE + 1); // sparse: no disk used
    await expect(inspectBinary(big)).rejects.toMatchObject({
      code: 'LIMIT_EXCEEDED',
      message: `${big}: larger than ${MAX_BINARY_SIZE} bytes`,
    });
  });
});

describe('searching a native binary for embedded wasm modules stays linear', () => {
  it('a module candidate followed by 16,000 custom sections is validated once, over its extent', () => {
    // Trying every section end as the module's end validated once per section: 1 MB took 60 s.
    const payload = invalidModuleThenCustoms(64 * 1024);
    const file = elfHost(payload);
    const validate = vi.spyOn(WebAssembly, 'validate');
    const info = inspectBytes(file, 'customs.elf');
    expect(info.embedded).toEqual([]);
    expect(validate).toHaveBeenCalledTimes(1);
    expect((validate.mock.calls[0]![0] as Uint8Array).length).toBe(payload.length);
  });

  it('a valid module followed by custom sections is found whole, with one validation', () => {
    const inner = module({ customs: [custom('producers-like', [1, 2, 3]), custom('x', [])] });
    const validate = vi.spyOn(WebAssembly, 'validate');
    const info = inspectBytes(elfHost(Buffer.concat([inner, Buffer.from([0xff, 0xff])])), 'ok.elf');
    expect(info.embedded.map((e) => [e.offset, e.size])).toEqual([[64, inner.length]]);
    expect(validate).toHaveBeenCalledTimes(1);
  });

  it('256 candidates nested in each other before 256 KiB of tiny sections: refused as over the work limit, fast', () => {
    // Each candidate re-walked the same 65,000 sections: 30 s for 1 MB. Now the walks of all
    // candidates together may cover about as many sections as the file can hold.
    const file = elfHost(nestedCandidates(256, 256 * 1024));
    let got: string | undefined;
    expect(seconds(() => (got = code(() => inspectBytes(file, 'nested.elf'))))).toBeLessThan(5);
    expect(got).toBe('LIMIT_EXCEEDED');
  });

  it('decoy magics before a real module do not hide it', () => {
    const inner = module({ customs: [custom('x', [])] });
    const decoy = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff]);
    const decoys = Buffer.concat(Array.from({ length: 100 }, () => decoy));
    const info = inspectBytes(
      elfHost(Buffer.concat([decoys, inner, Buffer.from([0xff])])),
      'd.elf',
    );
    expect(info.embedded.map((e) => [e.offset, e.size])).toEqual([
      [64 + decoys.length, inner.length],
    ]);
  });
});

describe('wasm modules of millions of sections', () => {
  it('a module of 2,000,000 tiny custom sections (8 MB) is walked without keeping them: under 10 s', () => {
    const m = moduleOfTinyCustoms(2_000_000);
    let format: string | undefined;
    expect(seconds(() => (format = inspectBytes(m, 'tiny.wasm').format))).toBeLessThan(10);
    expect(format).toBe('wasm');
  });
});

describe('.dep-v0 inflation is capped per file, not only per section', () => {
  it('a component of 40 core modules, each inflating to almost 8 MiB, stops at the total cap', () => {
    const c = componentOfDepV0Bombs(40, MAX_AUDIT_JSON - 1024);
    expect(c.length).toBeLessThan(1024 * 1024); // 320 MiB once inflated, from under 1 MiB
    const err = (() => {
      try {
        inspectBytes(c, 'bombs.wasm');
      } catch (e) {
        return e as SbomError;
      }
      return undefined;
    })();
    expect(err?.code).toBe('LIMIT_EXCEEDED');
    expect(err?.message).toContain(`${MAX_AUDIT_JSON_TOTAL} bytes together`);
  });

  it('a few honest .dep-v0 sections in one component are all read', () => {
    const c = componentOfDepV0Bombs(3, 1024);
    const info = inspectBytes(c, 'three.wasm');
    expect(info.embedded.map((e) => e.auditable)).toEqual([[], [], []]);
  });
});
