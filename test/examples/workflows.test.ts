// The examples' caller workflows, checked against the reusable workflows they call: one `uses:`
// line to a public reusable workflow at @v1, only inputs that workflow declares (and every
// required one), least-privilege permissions with a reason for each, nothing granted by default.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { examplesDir, repoRoot } from '../helpers/toolchains.js';

interface WorkflowCall {
  inputs: Record<string, { required?: boolean; type: string }>;
}

function reusable(name: string): WorkflowCall {
  const doc = parse(readFileSync(join(repoRoot, '.github', 'workflows', name), 'utf8'));
  return doc.on.workflow_call as WorkflowCall;
}

const callers = readdirSync(examplesDir, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    const dir = join(examplesDir, d.name, '.github', 'workflows');
    try {
      return readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .map((f) => join(dir, f));
    } catch {
      return [];
    }
  });

// What a job may need, and why: anything else is more than a caller should grant.
const ALLOWED = new Set(['contents', 'id-token', 'attestations', 'packages']);
const USES = /^OWNER\/build-artifact\/\.github\/workflows\/(build-artifact|release-cli)\.yml@v1$/;

describe('example caller workflows', () => {
  it('exist for every example', () => {
    const names = callers.map((f) => relative(examplesDir, f).split('/')[0]).sort();
    expect(names).toEqual(['embedding-cli', 'nats-wasip1', 'node-app', 'python-app']);
  });

  describe.each(callers.map((f) => [relative(repoRoot, f), f]))('%s', (_name, file) => {
    const text = readFileSync(file, 'utf8');
    const doc = parse(text);
    const jobs = Object.entries(doc.jobs as Record<string, Record<string, unknown>>);

    it('grants nothing at the top level and has one job calling a public reusable workflow', () => {
      expect(doc.permissions).toEqual({});
      expect(jobs).toHaveLength(1);
      expect(jobs[0]![1].uses).toMatch(USES);
    });

    it('passes only declared inputs, every required one, with the declared types', () => {
      const [, job] = jobs[0]!;
      const target = USES.exec(job.uses as string)![1];
      const { inputs } = reusable(`${target}.yml`);
      const given = job.with as Record<string, unknown>;
      for (const key of Object.keys(given)) expect(Object.keys(inputs)).toContain(key);
      for (const [key, spec] of Object.entries(inputs)) {
        if (spec.required) expect(given).toHaveProperty(key);
      }
      for (const [key, value] of Object.entries(given)) {
        const type = inputs[key]!.type;
        if (type === 'boolean') expect(typeof value).toBe('boolean');
        else expect(typeof value).toBe('string');
      }
      if (given.targets !== undefined) {
        const targets = JSON.parse(given.targets as string);
        for (const t of targets)
          expect(Object.keys(t).sort()).toEqual(['artifacts', 'runs-on', 'target']);
      }
    });

    it('asks for least privilege, with a comment saying why for each permission', () => {
      const [, job] = jobs[0]!;
      const permissions = job.permissions as Record<string, string>;
      for (const [scope, level] of Object.entries(permissions)) {
        expect(ALLOWED).toContain(scope);
        // contents: write only where a release is published.
        if (scope === 'contents' && level === 'write') {
          expect(job.uses).toMatch(/release-cli\.yml/);
        }
        const line = text.split('\n').find((l) => l.trim().startsWith(`${scope}: ${level}`));
        expect(line, `${scope}: ${level}`).toMatch(/# Needed .+/);
      }
      // Signing needs id-token. packages: write is needed even without oci-repository: GitHub
      // validates every called job's permissions (the publish job declares it) before the run
      // starts, skipped jobs included, and refuses a called job asking more than the caller gave.
      expect(permissions['id-token']).toBe('write');
      expect(permissions.packages).toBe('write');
    });
  });
});
