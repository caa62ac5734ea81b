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
    // A resolve hook sees every module, ES modules included (require.cache lists CommonJS only).
    const hook = `data:text/javascript,${encodeURIComponent(`
      import { registerHooks } from 'node:module';
      const seen = new Set();
      registerHooks({ resolve(s, c, next) { const r = next(s, c); seen.add(r.url); return r; } });
      process.on('exit', () => process.stderr.write('MODULES ' + JSON.stringify([...seen]) + '\\n'));
    `)}`;
    const load = (args: string[]): string[] => {
      const script = `
        const { main } = await import(${JSON.stringify(join(import.meta.dirname, '..', '..', 'dist', 'index.js'))});
        await main(${JSON.stringify(args)}, { stdout: { write() {} }, stderr: { write() {} }, env: {}, cwd: '.' });`;
      const r = spawnSync(
        process.execPath,
        ['--import', hook, '--input-type=module', '-e', script],
        {
          encoding: 'utf8',
        },
      );
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(/MODULES (.*)/.exec(r.stderr)?.[1] ?? 'null') as string[];
    };
    const heavy = /@sigstore|cyclonedx|packages\/(sbom|oci|sign|verify)\//;
    expect(load(['--version']).filter((u) => heavy.test(u))).toEqual([]);
    // The check itself sees ES modules: `attest sbom --help` loads the sbom command, not the rest.
    const sbomHelp = load(['sbom', '--help']);
    expect(sbomHelp.some((u) => /commands\/sbom\.js$/.test(u))).toBe(true);
    expect(sbomHelp.filter((u) => /packages\/(oci|sign|verify)\//.test(u))).toEqual([]);
  });
});
