// The report as one self-contained HTML page: inline style, inline script of our own, inline
// SVG. A Content-Security-Policy admits only that style and that script (by hash): whatever an
// artifact's author wrote into a name is escaped text, and would not run even if it were not.
import { createHash } from 'node:crypto';
import { PAGE_CSS, PAGE_SCRIPT } from './assets.js';
import { escapeHtml as e, safeHref } from './escape.js';
import { renderGraphSvg } from './graph.js';
import {
  type ArtifactSection,
  type CheckRow,
  type Field,
  type ReportModel,
  type SbomView,
  type TreeNode,
  VERDICT_TEXT,
  type Verdict,
} from './model.js';

const hash = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The Content-Security-Policy of every page: nothing but our own style and script. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  `style-src ${hash(PAGE_CSS)}`,
  `script-src ${hash(PAGE_SCRIPT)}`,
  "img-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const badge = (v: Verdict) => `<span class="badge ${v}">${VERDICT_TEXT[v]}</span>`;

function link(text: string, href: string | undefined): string {
  const safe = safeHref(href);
  if (!safe) return e(text);
  const external = !safe.startsWith('#');
  return `<a href="${e(safe)}"${external ? ' rel="noopener noreferrer"' : ''}>${e(text)}</a>`;
}

function bytes(n: number): string {
  const exact = `${n.toLocaleString('en-US')} bytes`;
  if (n < 1024) return exact;
  const units = ['KiB', 'MiB', 'GiB'];
  let v = n / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]} (${exact})`;
}

function fields(list: Field[], mono = false): string {
  if (list.length === 0) return '';
  return `<dl class="facts">${list
    .map((f) => {
      const value = mono ? `<code>${link(f.value, f.href)}</code>` : link(f.value, f.href);
      const claim = f.claim ? ' <span class="claim">(claim, not verified)</span>' : '';
      return `<dt>${e(f.label)}</dt><dd>${value}${claim}</dd>`;
    })
    .join('')}</dl>`;
}

const STATUS_TEXT: Record<CheckRow['status'], string> = {
  passed: '✓ passed',
  failed: '✗ failed',
  'not checked': '– not checked',
  warning: '! warning',
};

function checksTable(rows: CheckRow[]): string {
  if (rows.length === 0) return '';
  const body = rows
    .map(
      (r) =>
        `<tr class="${r.status.replace(' ', '-')}"><td>${e(r.check)}</td>` +
        `<td><span class="status ${r.status.replace(' ', '-')}">${STATUS_TEXT[r.status]}</span>${r.reason ? `<br><code>${e(r.reason)}</code>` : ''}</td>` +
        `<td>${e(r.detail)}</td></tr>`,
    )
    .join('');
  return `<h3>Checks</h3><div class="scroll"><table class="checks"><thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Detail</th></tr></thead><tbody>${body}</tbody></table></div>`;
}

function nodeLabel(n: TreeNode): string {
  const title = n.purl ?? n.sha256 ?? '';
  const parts = [`<span class="name">${e(n.name)}</span>`];
  if (n.version) parts.push(` <span class="ver">${e(n.version)}</span>`);
  let out = `<span class="label"${title ? ` title="${e(title)}"` : ''}>${parts.join('')}</span>`;
  if (n.kind === 'embedded') out += '<span class="rel">embedded artifact</span>';
  else if (n.relation === 'contains' && n.kind !== 'artifact')
    out += '<span class="rel">contained</span>';
  if (n.ecosystem) out += `<span class="eco">${e(n.ecosystem)}</span>`;
  for (const l of n.licences ?? []) out += `<span class="lic">${e(l)}</span>`;
  if (n.verification)
    out += ` ${link(`verification: ${VERDICT_TEXT[n.verification.verdict]}`, n.verification.href)}`;
  if (n.repeatOf) out += ` <span class="repeat">${link('↑ shown above', `#${n.repeatOf}`)}</span>`;
  return out;
}

/** Nested lists, depth first without recursion (the builder bounds depth; this bounds the stack). */
function renderTree(root: TreeNode): string {
  const out: string[] = [];
  type Step = { node: TreeNode; depth: number } | { close: string };
  const stack: Step[] = [{ node: root, depth: 0 }];
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('close' in step) {
      out.push(step.close);
      continue;
    }
    const n = step.node;
    const cls = `${n.kind}${n.repeatOf ? ' repeated' : ''}`;
    if (n.children.length === 0) {
      out.push(
        `<li id="${e(n.id)}" class="${cls}"><div class="leaf" tabindex="-1">${nodeLabel(n)}</div></li>`,
      );
      continue;
    }
    // The artifact and what it embeds start open; packages start folded.
    const open = step.depth === 0 || n.kind === 'embedded' ? ' open' : '';
    out.push(
      `<li id="${e(n.id)}" class="${cls}"><details${open}><summary>${nodeLabel(n)}</summary><ul>`,
    );
    stack.push({ close: '</ul></details></li>' });
    for (let i = n.children.length - 1; i >= 0; i--)
      stack.push({ node: n.children[i]!, depth: step.depth + 1 });
  }
  return out.join('');
}

function sbomSection(s: SbomView, id: string): string {
  const ecosystems = Object.entries(s.ecosystems).sort(
    (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1),
  );
  const ecoTable = ecosystems.length
    ? `<div class="scroll"><table class="ecosystems"><caption class="meta">Components by ecosystem</caption><thead><tr><th scope="col">Ecosystem</th><th scope="col" class="num">Components</th></tr></thead><tbody>${ecosystems
        .map(([k, n]) => `<tr><td>${e(k)}</td><td class="num">${n}</td></tr>`)
        .join('')}</tbody></table></div>`
    : '';
  const licTable = s.licences.length
    ? `<div class="scroll"><table class="licences"><caption class="meta">Licences</caption><thead><tr><th scope="col">Licence</th><th scope="col" class="num">Components</th></tr></thead><tbody>${s.licences
        .map((l) => `<tr><td>${e(l.licence)}</td><td class="num">${l.count}</td></tr>`)
        .join('')}</tbody></table></div>`
    : '';
  const omitted = s.omitted
    ? `<p class="meta">${s.omitted.toLocaleString('en-US')} more tree entries are not shown (the page shows at most a bounded number).</p>`
    : '';
  return (
    `<h3>SBOM</h3>` +
    `<p>${e(s.format)}, ${s.componentCount.toLocaleString('en-US')} components, from <code>${e(s.source)}</code>${s.required === false ? ' (verified for this report; the policy did not require an SBOM)' : ''}.</p>` +
    ecoTable +
    licTable +
    `<div class="tree" id="${e(id)}-tree"><h4 class="meta">Components: what the artifact contains and depends on</h4>` +
    `<div class="tools"><label class="meta" for="${e(id)}-search">Search</label><input type="search" id="${e(id)}-search" placeholder="name, version or purl" autocomplete="off">` +
    '<button type="button" data-open="true">Expand all</button><button type="button" data-open="false">Collapse all</button>' +
    `<span class="tree-status" role="status" aria-live="polite"></span></div>` +
    `<ul>${renderTree(s.tree)}</ul>${omitted}</div>`
  );
}

function artifactSection(a: ArtifactSection): string {
  const parts: string[] = [];
  parts.push(
    `<section class="artifact ${a.verdict}" id="${e(a.id)}" aria-labelledby="${e(a.id)}-h">`,
    `<h2 id="${e(a.id)}-h">${badge(a.verdict)} ${e(a.name)}</h2>`,
  );
  if (a.parent)
    parts.push(
      `<p class="parent">${e(a.parent.relation)} ${link(a.parent.name, `#${a.parent.id}`)}</p>`,
    );
  if (a.failure)
    parts.push(
      `<p class="failure" role="note"><strong>✗ Verification failed: <code>${e(a.failure.reason)}</code></strong><br>${e(a.failure.message)}${a.failure.source ? `<br><span class="meta">evidence: <code>${e(a.failure.source)}</code></span>` : ''}</p>`,
    );
  const facts: Field[] = [];
  if (a.target && a.target !== a.name) facts.push({ label: 'Target', value: a.target });
  if (a.size !== undefined) facts.push({ label: 'Size', value: bytes(a.size) });
  parts.push(fields(facts));
  parts.push(fields(a.digests, true));
  if (a.references?.length)
    parts.push(
      fields(
        a.references.map((r) => ({ label: 'Published', value: r })),
        true,
      ),
    );
  parts.push(checksTable(a.checks));
  if (a.signer.length) parts.push('<h3>Signer and source</h3>', fields(a.signer));
  if (a.slsa)
    parts.push(
      '<h3>SLSA Build level</h3>',
      `<p><strong>${a.slsa.level === 0 ? 'none' : `Build L${a.slsa.level}`}</strong>: ${e(a.slsa.reason)}</p>`,
    );
  if (a.provenance.length || a.builtFrom.length) {
    parts.push('<h3>Provenance</h3>', fields(a.provenance));
    if (a.builtFrom.length)
      parts.push(
        '<p class="meta">Built from (resolvedDependencies):</p>',
        `<ul class="plain">${a.builtFrom.map((f) => `<li><code>${e(f.value)}</code>${f.label ? ` ${e(f.label)}` : ''}</li>`).join('')}</ul>`,
      );
  }
  if (a.tlog.length || a.timestamps.length) {
    parts.push('<h3>Transparency log and timestamps</h3><ul class="plain">');
    for (const t of a.tlog)
      parts.push(
        `<li>Log entry ${link(t.logIndex, t.href)} (${e(t.kind)}${t.integratedTime ? `, integrated ${e(t.integratedTime)}` : ''}; log <code>${e(t.logId.slice(0, 16))}…</code>)${t.href ? '' : ' <span class="meta">(not the public-good log: no public search page)</span>'}</li>`,
      );
    for (const t of a.timestamps)
      parts.push(
        `<li>Signed at ${e(t.time)} (${t.kind === 'transparency-log' ? 'transparency log' : 'RFC 3161 timestamp'})</li>`,
      );
    parts.push('</ul>');
  }
  if (a.embedded.length) {
    parts.push(
      '<h3>Embedded and built-from artifacts</h3><ul class="plain">',
      ...a.embedded.map(
        (x) =>
          `<li>${badge(x.verdict)} ${link(x.name, x.href)} <code>sha256:${e(x.sha256)}</code> <span class="meta">${e(x.detail)}</span></li>`,
      ),
      '</ul>',
    );
  }
  if (a.evidence.length) parts.push('<h3>Evidence</h3>', fields(a.evidence, true));
  if (a.sbom) parts.push(sbomSection(a.sbom, a.id));
  if (a.warnings.length)
    parts.push(
      '<h3>Warnings</h3><ul class="plain">',
      ...a.warnings.map((w) => `<li><span class="status warning">! warning</span> ${e(w)}</li>`),
      '</ul>',
    );
  parts.push('</section>');
  return parts.join('');
}

function verdictBanner(m: ReportModel): string {
  const total = m.artifacts.filter((a) => !a.parent).length;
  const failed = m.artifacts.filter((a) => a.verdict === 'failed');
  if (m.verdict === 'failed') {
    return (
      '<div class="verdict failed" role="alert"><p><strong>✗ Verification FAILED</strong>: ' +
      `${failed.filter((a) => !a.parent).length} of ${total} artifacts failed.</p><ul>` +
      failed
        .map(
          (a) =>
            `<li>${link(a.name, `#${a.id}`)}: <code>${e(a.failure?.reason ?? 'FAILED')}</code> ${e(a.failure?.message ?? '')}</li>`,
        )
        .join('') +
      '</ul></div>'
    );
  }
  if (m.verdict === 'verified')
    return `<div class="verdict verified"><p><strong>✓ Verified</strong>: ${total === 1 ? 'the artifact passed' : `all ${total} artifacts passed`} every check.</p></div>`;
  return `<div class="verdict signed"><p><strong>Signed</strong>: ${total} artifact${total === 1 ? '' : 's'} attested. This page shows what was signed; <code>attest verify</code> checks it.</p></div>`;
}

function toc(m: ReportModel): string {
  const items = m.artifacts
    .map(
      (a) =>
        `<li>${link(a.name, `#${a.id}`)} ${badge(a.verdict)}${a.parent ? ` <span class="meta">in ${e(a.parent.name)}</span>` : ''}</li>`,
    )
    .join('');
  return `<nav class="toc" aria-label="Artifacts"><ol>${items}</ol></nav>`;
}

function chainSection(m: ReportModel): string {
  if (m.graph.nodes.length === 0) return '';
  const label = new Map(m.graph.nodes.map((n) => [n.id, n.label]));
  const list = m.graph.edges
    .filter((x) => label.has(x.from) && label.has(x.to))
    .map(
      (x) => `<li>${e(label.get(x.from)!)} <em>${e(x.relation)}</em> ${e(label.get(x.to)!)}</li>`,
    )
    .join('');
  return (
    '<section id="chain" aria-labelledby="chain-h"><h2 id="chain-h">The chain</h2>' +
    '<p class="legend">Boxes: artifacts (thick border), embedded artifacts, their components and what they were built from. Lines: solid = embeds, dotted = contains, dashed = built from. A failed artifact says FAILED and has a dashed border.</p>' +
    `<div class="graph">${renderGraphSvg(m.graph)}</div>` +
    (list
      ? `<details><summary>The chain as a list</summary><ul class="plain">${list}</ul></details>`
      : '') +
    '</section>'
  );
}

/** The whole page, self-contained. */
export function renderHtml(model: ReportModel): string {
  const policy = model.policy.length ? `<h2>Policy</h2>${fields(model.policy)}` : '';
  const notes = model.notes.map((n) => `<p>${e(n)}</p>`).join('');
  return (
    '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
    '<meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">` +
    '<meta name="referrer" content="no-referrer">' +
    `<meta name="generator" content="${e(model.generator)}">` +
    `<title>${e(model.title)}</title><style>${PAGE_CSS}</style></head><body>` +
    '<a class="skip" href="#main">Skip to the artifacts</a>' +
    `<header><h1>${e(model.title)}</h1>${verdictBanner(model)}` +
    `<p class="meta">Generated ${e(model.generatedAt)} by ${e(model.generator)}.</p>${toc(model)}</header>` +
    `<main id="main" tabindex="-1">${chainSection(model)}${model.artifacts.map(artifactSection).join('')}</main>` +
    `<footer>${policy}${notes}</footer>` +
    `<script>${PAGE_SCRIPT}</script></body></html>\n`
  );
}
