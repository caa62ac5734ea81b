// The HTML report in a real browser (Debian's chromium through playwright-core): the demo's
// page (the Node and Python apps, no Go needed), the page of a CLI that embeds the NATS wasm
// module (verified recursively), and a failing verification's page. What a person does with
// it: read the verdicts and digests, expand the tree, search it, follow a link, use the
// keyboard, print it, read it on a phone.
import { copyFile, cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DemoReport } from '@build-artifact/pipeline';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../packages/cli/src/__tests__/io.js';
import { main } from '../../packages/cli/src/index.js';
import { attestFile, type Signing, startSigning } from '../helpers/attested.js';
import { launchChromium, requireChromium } from '../helpers/browser.js';
import {
  BUILD_TIMEOUT_MS,
  buildEmbeddingCli,
  buildNatsWasm,
  examplesDir,
  requireToolchain,
} from '../helpers/toolchains.js';

const canRun = requireChromium();

let browser: Browser;
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'report-browser-'));
  if (canRun) browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function open(file: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(pathToFileURL(file).href);
  // The page's own script ran (it marks the document) and nothing failed while loading.
  expect(await page.evaluate("document.documentElement.classList.contains('js')")).toBe(true);
  expect(errors).toEqual([]);
  return page;
}

async function attestCli(...args: string[]) {
  const io = captureIO({ ...process.env });
  const code = await main(args, io);
  return { code, out: io.out(), err: io.err() };
}

describe.skipIf(!canRun)('the demo report', () => {
  let demo: DemoReport;

  beforeAll(async () => {
    const ex = join(tmp, 'examples');
    await mkdir(ex);
    for (const app of ['node-app', 'python-app'])
      await cp(join(examplesDir, app), join(ex, app), { recursive: true });
    const r = await attestCli(
      'demo',
      '--examples',
      ex,
      '--out',
      join(tmp, 'demo'),
      '--format',
      'json',
    );
    expect(r.code, r.err).toBe(0);
    demo = JSON.parse(r.out) as DemoReport;
  }, 240_000);

  it('is written by the demo, and the text output names it', async () => {
    expect(demo.report).toBe(join(tmp, 'demo', 'report.html'));
    const text = await attestCli(
      'demo',
      '--examples',
      join(tmp, 'examples'),
      '--out',
      join(tmp, 'demo-text'),
    );
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/report\.html\s+\S*report\.html \(the verification as a page/);
  }, 240_000);

  it('shows the artifacts, their verdicts and digests, and expands and searches the tree', async () => {
    const page = await open(demo.report);
    await expect(page.locator('h1').textContent()).resolves.toBe('attest demo');
    await expect(page.locator('.verdict.verified').textContent()).resolves.toContain(
      'all 2 artifacts passed every check',
    );
    for (const a of demo.artifacts) {
      const section = page.locator('section.artifact', {
        has: page.locator('h2', { hasText: a.name }),
      });
      await expect(section.locator('h2 .badge').textContent()).resolves.toBe('✓ verified');
      await expect(section.textContent()).resolves.toContain(`sha256:${a.sha256}`);
      await expect(section.textContent()).resolves.toContain('Build L3');
      await expect(section.textContent()).resolves.toContain(a.oci!);
    }
    // The Python app's tree: folded packages under the artifact, found by search.
    const python = page.locator('section.artifact', { hasText: 'python-app.tgz' });
    const tree = python.locator('.tree');
    await tree.getByRole('button', { name: 'Expand all' }).click();
    const leaves = tree.locator('li.component');
    expect(await leaves.count()).toBe(7);
    await expect(leaves.first().isVisible()).resolves.toBe(true);
    await tree.getByRole('button', { name: 'Collapse all' }).click();
    await expect(leaves.first().isVisible()).resolves.toBe(false);
    await tree.locator('input[type=search]').fill('requests');
    await tree.locator('.tree-status', { hasText: 'match' }).waitFor();
    await expect(tree.locator('.tree-status').textContent()).resolves.toBe('1 component matches');
    const hit = tree.locator('li.hit');
    await expect(hit.count()).resolves.toBe(1);
    await expect(hit.isVisible()).resolves.toBe(true);
    await expect(hit.textContent()).resolves.toContain('requests');
    await expect(tree.locator('li.component:not(.hit)').first().isVisible()).resolves.toBe(false);
    const shot = join(tmp, 'screenshots', 'demo-report.png');
    await mkdir(join(tmp, 'screenshots'), { recursive: true });
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('works from the keyboard', async () => {
    const page = await open(demo.report);
    await page.keyboard.press('Tab');
    await expect(page.evaluate('document.activeElement?.className')).resolves.toBe('skip');
    await page.keyboard.press('Enter');
    expect(page.url().endsWith('#main')).toBe(true);
    // Tab reaches a tree row; arrows open it and move down to its first child.
    const summary = page.locator('.tree summary').first();
    await summary.focus();
    const details = summary.locator('xpath=..');
    await page.keyboard.press('ArrowLeft');
    await expect(details.getAttribute('open').then((v) => v !== null)).resolves.toBe(false);
    await page.keyboard.press('ArrowRight');
    await expect(details.getAttribute('open').then((v) => v !== null)).resolves.toBe(true);
    await page.keyboard.press('ArrowDown');
    const focused = await page.evaluate("document.activeElement?.closest('li')?.className");
    expect(focused).toMatch(/component|first-party/);
    // Enter on a focused row toggles it, as a disclosure does.
    await summary.focus();
    await page.keyboard.press('Enter');
    await expect(details.getAttribute('open').then((v) => v !== null)).resolves.toBe(false);
    await page.close();
  });

  it('prints: navigation and tools hidden, folded parts shown, a PDF comes out', async () => {
    const page = await open(demo.report);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('nav.toc').isVisible()).resolves.toBe(false);
    await expect(page.locator('.tree .tools').first().isVisible()).resolves.toBe(false);
    // The browser's print events open every folded part, and fold them again afterwards.
    const folded = await page.locator('details:not([open])').count();
    expect(folded).toBeGreaterThan(0);
    await page.evaluate("window.dispatchEvent(new Event('beforeprint'))");
    await expect(page.locator('details:not([open])').count()).resolves.toBe(0);
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");
    await expect(page.locator('details:not([open])').count()).resolves.toBe(folded);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    await page.close();
  });

  it('is readable at phone width: nothing wider than the screen', async () => {
    const page = await open(demo.report, { width: 375, height: 800 });
    const overflow = await page.evaluate<number>(
      'document.documentElement.scrollWidth - window.innerWidth',
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const fontSize = await page.evaluate<number>(
      'Number.parseFloat(getComputedStyle(document.body).fontSize)',
    );
    expect(fontSize).toBeGreaterThanOrEqual(14);
    await page.screenshot({ path: join(tmp, 'screenshots', 'demo-phone.png') });
    await page.close();
  });

  it('shows a failing verification first', async () => {
    const dir = join(tmp, 'tampered');
    await mkdir(dir);
    for (const a of demo.artifacts)
      for (const suffix of ['', '.sigstore.json', '.sbom.sigstore.json'])
        await copyFile(`${a.path}${suffix}`, join(dir, `${a.name}${suffix}`));
    const python = join(dir, 'python-app.tgz');
    await writeFile(python, Buffer.concat([await readFile(python), Buffer.from('tampered')]));
    const out = join(dir, 'report.html');
    const r = await attestCli(
      'report',
      join(dir, 'node-app.tgz'),
      python,
      ...demo.policyFlags,
      '-o',
      out,
    );
    expect(r.code, r.err).toBe(1);
    const page = await open(out);
    const banner = page.locator('.verdict.failed');
    await expect(banner.textContent()).resolves.toMatch(/Verification FAILED.*1 of 2/);
    await expect(banner.textContent()).resolves.toContain('SUBJECT_MISMATCH');
    const first = page.locator('section.artifact').first();
    await expect(first.getAttribute('class')).resolves.toContain('failed');
    await expect(first.locator('h2').textContent()).resolves.toContain('python-app.tgz');
    const top = async (l: ReturnType<Page['locator']>) => (await l.boundingBox())!.y;
    expect(await top(banner)).toBeLessThan(await top(first));
    await expect(first.locator('tr.failed').first().textContent()).resolves.toContain('✗ failed');
    await page.close();
  });
});

const canBuild = requireToolchain('go', 'nats-sources', 'cargo');

describe.skipIf(!canRun || !canBuild)('the report of a CLI embedding the NATS wasm module', () => {
  let signing: Signing;
  let report: string;
  let wasmSha: string;

  beforeAll(async () => {
    const nats = await buildNatsWasm();
    const cli = await buildEmbeddingCli(nats.path);
    wasmSha = nats.sha256;
    const dir = join(tmp, 'chain');
    await mkdir(dir);
    signing = await startSigning(dir);
    const wasm = join(dir, 'nats-server.wasm');
    const bin = join(dir, 'embedding-cli');
    await copyFile(nats.path, wasm);
    await copyFile(cli.path, bin);
    await attestFile(signing, wasm);
    await attestFile(signing, bin, {
      resolvedDependencies: [
        {
          name: 'nats-server.wasm',
          digest: { sha256: nats.sha256 },
          mediaType: 'application/wasm',
        },
      ],
    });
    report = join(dir, 'report.html');
    const r = await attestCli(
      'report',
      bin,
      '--recursive',
      ...signing.policyFlags,
      '--slsa-level',
      '3',
      '--require-sbom',
      '-o',
      report,
    );
    expect(r.code, r.err).toBe(0);
  }, BUILD_TIMEOUT_MS);
  afterAll(async () => {
    await signing?.close();
  });

  it('finds a Go module inside the embedded module and follows the link to its verification', async () => {
    const page = await open(report);
    const cli = page.locator('section.artifact').first();
    await expect(cli.locator('h2').textContent()).resolves.toContain('embedding-cli');
    const tree = cli.locator('.tree');
    await tree.locator('input[type=search]').fill('nats-io/nkeys');
    await tree.locator('input[type=search]').press('Enter');
    const hit = tree.locator('li.hit').first();
    await expect(hit.isVisible()).resolves.toBe(true);
    await expect(hit.textContent()).resolves.toContain('github.com/nats-io/nkeys');
    // The hit sits inside the embedded module's node.
    const embedded = tree.locator('li.embedded', { has: page.locator('li.hit') });
    await expect(embedded.count()).resolves.toBe(1);
    await expect(embedded.getAttribute('class')).resolves.toContain('on-path');
    // From the CLI to the module's own verification.
    const link = embedded.locator('a', { hasText: 'verification: ✓ verified' }).first();
    const href = await link.getAttribute('href');
    await link.click();
    expect(page.url().endsWith(href!)).toBe(true);
    const target = page.locator(`section${href}`);
    await expect(target.isVisible()).resolves.toBe(true);
    await expect(target.textContent()).resolves.toContain(`sha256:${wasmSha}`);
    await expect(target.locator('h2 .badge').textContent()).resolves.toBe('✓ verified');
    await expect(target.locator('.parent').textContent()).resolves.toContain('embedding-cli');
    // The chain graph: the CLI, the module it embeds, the module's components.
    const labels = await page.locator('svg.chain text.label').allTextContents();
    expect(labels.some((l) => l.includes('embedding-cli'))).toBe(true);
    expect(labels.some((l) => l.includes('nats-server.wasm'))).toBe(true);
    expect(labels.some((l) => l.startsWith('github.com/nats-io/'))).toBe(true);
    await page.screenshot({ path: join(tmp, 'chain.png'), fullPage: false });
    await page.close();
  });
});
