import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { BomError, diffBoms } from '../src/diff.js';

const bom = (components) => ({ bomFormat: 'CycloneDX', specVersion: '1.6', components });
const go = (path, version) => ({
  name: path,
  version,
  purl: `pkg:golang/${path}@${version}?type=module`,
});

const OLD = bom([
  go('golang.org/x/crypto', 'v0.4.0'),
  go('golang.org/x/sys', 'v0.3.0'),
  { name: 'nats-server.wasm', components: [go('github.com/nats-io/nuid', 'v1.0.1')] },
  go('github.com/klauspost/compress', 'v1.15.12'),
  go('golang.org/x/time', 'v0.0.0-20220922220347-f3bd1da661af'),
]);
const NEW = bom([
  go('golang.org/x/crypto', 'v0.5.0'),
  { name: 'nats-server.wasm', components: [go('github.com/nats-io/nuid', 'v1.0.1')] },
  go('github.com/klauspost/compress', 'v1.15.11'),
  go('golang.org/x/time', 'v0.0.0-20230101000000-abcdefabcdef'),
  go('github.com/minio/highwayhash', 'v1.0.2'),
]);

test('classifies every difference, nested components included', () => {
  const d = diffBoms(OLD, NEW);
  assert.deepEqual(d.added, [{ id: 'pkg:golang/github.com/minio/highwayhash', version: 'v1.0.2' }]);
  assert.deepEqual(d.removed, [{ id: 'pkg:golang/golang.org/x/sys', version: 'v0.3.0' }]);
  assert.deepEqual(d.upgraded, [
    { id: 'pkg:golang/golang.org/x/crypto', from: 'v0.4.0', to: 'v0.5.0' },
  ]);
  assert.deepEqual(d.downgraded, [
    { id: 'pkg:golang/github.com/klauspost/compress', from: 'v1.15.12', to: 'v1.15.11' },
  ]);
  // Both pseudo-versions coerce to 0.0.0: semver cannot order them.
  assert.equal(d.changed.length, 1);
  assert.equal(d.changed[0].id, 'pkg:golang/golang.org/x/time');
});

test('an identical BOM has no differences', () => {
  const d = diffBoms(OLD, structuredClone(OLD));
  assert.equal(Object.values(d).flat().length, 0);
});

test('rejects documents that are not CycloneDX', () => {
  assert.throws(() => diffBoms({ spdxVersion: 'SPDX-2.3' }, NEW), BomError);
});

test('the CLI exits 1 on differences, 0 without, 2 on bad input', async () => {
  const run = promisify(execFile);
  const cli = join(import.meta.dirname, '..', 'src', 'cli.js');
  const dir = await mkdtemp(join(tmpdir(), 'sbom-diff-'));
  try {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    await writeFile(a, JSON.stringify(OLD));
    await writeFile(b, JSON.stringify(NEW));
    await assert.rejects(run(process.execPath, [cli, a, b, '--json']), (err) => {
      assert.equal(err.code, 1);
      assert.equal(JSON.parse(err.stdout).removed[0].version, 'v0.3.0');
      return true;
    });
    const same = await run(process.execPath, [cli, a, a]);
    assert.equal(same.stdout, 'no differences\n');
    await assert.rejects(run(process.execPath, [cli, a, join(dir, 'missing.json')]), { code: 2 });
    await assert.rejects(run(process.execPath, [cli, a]), { code: 2 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
