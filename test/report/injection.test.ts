// An artifact's author writes names: the file name (a statement's subject), the provenance's
// resolved dependencies, every name, version, purl and licence in the SBOM. Signed for real,
// verified, reported, and opened in chromium: every one of them is text on the page, and the
// page runs exactly one script, its own (counted by the browser's debugger), with no
// Content-Security-Policy violation and no dialog.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { signAttestation } from '@build-artifact/pipeline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../packages/cli/src/__tests__/io.js';
import { main } from '../../packages/cli/src/index.js';
import { attestFile, type Signing, startSigning } from '../helpers/attested.js';
import { launchChromium, requireChromium } from '../helpers/browser.js';

const canRun = requireChromium();

// No `/` in a file name: the subject name carries an image whose onerror would set a flag.
const FILE = 'evil<img src=x onerror="window.__pwned=1">.bin';
const SCRIPT = '<script>window.__pwned=2</script>';
const SVG = '"><svg onload="window.__pwned=3">';
const CONTROLS = 'red\u001b[31m\u202egnp.exe\u0007';

function hostileSbom(sha256: string) {
  return {
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
    version: 1,
    metadata: {
      component: {
        type: 'application',
        name: SCRIPT,
        'bom-ref': 'root',
        hashes: [{ alg: 'SHA-256', content: sha256 }],
      },
    },
    components: [
      {
        type: 'library',
        name: `<img src=x onerror="window.__pwned=4">`,
        version: SVG,
        purl: `pkg:npm/${encodeURIComponent('<script>')}@1`,
        'bom-ref': 'c1',
        licenses: [{ license: { name: '<b onmouseover="window.__pwned=5">MIT</b>' } }],
      },
      { type: 'library', name: CONTROLS, version: '1', 'bom-ref': 'c2' },
      {
        type: 'application',
        name: `javascript:window.__pwned=6`,
        'bom-ref': 'c3',
        hashes: [{ alg: 'SHA-256', content: 'f'.repeat(64) }],
        properties: [{ name: 'build-artifact:binary.format', value: '<i>wasm</i>' }],
        components: [
          {
            type: 'library',
            name: '<iframe srcdoc="<script>window.__pwned=7</script>">',
            'bom-ref': 'c4',
          },
        ],
      },
    ],
    dependencies: [{ ref: 'root', dependsOn: ['c1', 'c2'] }],
  };
}

describe.skipIf(!canRun)('a report of hostile names', () => {
  let tmp: string;
  let signing: Signing;
  let report: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'report-injection-'));
    const dir = join(tmp, 'artifacts');
    await mkdir(dir);
    signing = await startSigning(tmp);
    const file = join(dir, FILE);
    await writeFile(file, 'an artifact whose name is markup\n');
    const attested = await attestFile(signing, file, {
      sbom: false,
      resolvedDependencies: [
        { name: SCRIPT, uri: 'javascript:window.__pwned=8', digest: { sha256: 'e'.repeat(64) } },
        {
          name: CONTROLS,
          uri: `https://example.com/${encodeURIComponent(SVG)}`,
          digest: { gitCommit: 'a'.repeat(40) },
        },
      ],
    });
    const sha256 = attested.artifacts[0]!.digest.sha256!;
    const { dev } = signing;
    const sbom = await signAttestation(
      {
        subject: {
          sbom: hostileSbom(sha256),
          source: 'hostile.cdx.json',
          subjects: { paths: [file] },
        },
        signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
      },
      { cwd: tmp, env: { ...process.env, ...dev.env() } },
    );
    await writeFile(`${file}.sbom.sigstore.json`, JSON.stringify(sbom.bundle));
    await copyFile(file, join(dir, 'copy.bin'));
    report = join(tmp, 'report.html');
    const io = captureIO({ ...process.env });
    // The recorded dependency cannot be found: the artifact fails, and the failure is shown too.
    const code = await main(
      ['report', file, '--recursive', ...signing.policyFlags, '--require-sbom', '-o', report],
      io,
    );
    expect(io.err()).toContain('FAILED');
    expect(code).toBe(1);
  }, 120_000);
  afterAll(async () => {
    await signing?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('renders every name as text and runs no script but its own', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const url = pathToFileURL(report).href;
      const cdp = await page.context().newCDPSession(page);
      const parsed: { url: string }[] = [];
      cdp.on('Debugger.scriptParsed', (e) => parsed.push({ url: e.url }));
      await cdp.send('Debugger.enable');
      // Installed by the test harness before the page's own code: it records what the CSP stops.
      await page.addInitScript(`
        window.__violations = [];
        document.addEventListener('securitypolicyviolation', (e) =>
          window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
      `);
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const requests: string[] = [];
      page.on('request', (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      await page.goto(url);
      // Hover and open everything a name could hide behind.
      await page.locator('.tree button[data-open="true"]').first().click();
      await page.evaluate(
        "document.querySelectorAll('details').forEach((d) => { d.open = true; })",
      );
      await page.locator('.lic').first().hover();
      await page.waitForTimeout(200);

      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.evaluate('window.__violations')).toEqual([]);
      // The page's own inline script, once; nothing else ran in the page's world.
      const ours = parsed.filter((p) => p.url === url);
      expect(ours).toHaveLength(1);
      expect(await page.locator('script').count()).toBe(1);
      for (const tag of ['img', 'iframe', 'b', 'i', 'svg svg', 'object', 'embed'])
        expect(await page.locator(`main ${tag}`).count(), tag).toBe(0);

      // Each name is on the page as the text it is.
      const text = (await page.locator('body').textContent())!;
      expect(text).toContain(FILE);
      expect(text).toContain(SCRIPT);
      expect(text).toContain(SVG);
      expect(text).toContain('<img src=x onerror="window.__pwned=4">');
      expect(text).toContain('<b onmouseover="window.__pwned=5">MIT</b>');
      expect(text).toContain('<iframe srcdoc="<script>window.__pwned=7</script>">');
      // Control and reordering characters are shown as escapes, never acted on.
      expect(text).toContain('red\\x1b[31m\\u{202e}gnp.exe\\x07');
      expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
      // No link goes anywhere an author chose but https: the javascript: URIs are text.
      const hrefs = await page
        .locator('a[href]')
        .evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      for (const h of hrefs) expect(h.startsWith('#') || h.startsWith('https://'), h).toBe(true);
      expect(text).toContain('javascript:window.__pwned=8');
      // The failure is first: the recorded dependency that cannot be found.
      await expect(page.locator('.verdict.failed').textContent()).resolves.toContain(
        'DEPENDENCY_FAILED',
      );
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
