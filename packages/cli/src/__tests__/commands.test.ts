import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../index.js';

describe('command registry', () => {
  it('lists each command under its own name and summary', async () => {
    for (const entry of commands) {
      const command = await entry.load();
      expect(command.name).toBe(entry.name);
      expect(command.summary, entry.name).toBe(entry.summary);
    }
  });

  it('loads no command package before a command runs', () => {
    // The built CLI: `attest --version` must not pull in Sigstore, CycloneDX or the OCI client.
    const script = `
      const { main } = await import(${JSON.stringify(join(import.meta.dirname, '..', '..', 'dist', 'index.js'))});
      await main(['--version'], { stdout: { write() {} }, stderr: process.stderr, env: {}, cwd: '.' });
      const { createRequire } = await import('node:module');
      const loaded = Object.keys(createRequire(import.meta.url).cache ?? {});
      process.stdout.write(JSON.stringify(loaded));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(r.status, r.stderr).toBe(0);
    const loaded = JSON.parse(r.stdout) as string[];
    expect(
      loaded.filter((p) => /@sigstore|cyclonedx|packages\/(sbom|oci|sign|verify)\//.test(p)),
    ).toEqual([]);
  });
});
