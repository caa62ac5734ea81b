// The report as a GitHub job summary: per artifact its digest, SLSA level, signer, log entry,
// SBOM counts and (for verifications) a table of checks with a row per failed reason; the chain
// as a Mermaid diagram (GitHub renders Mermaid in summaries). Evidence is inert: code spans for
// values, escaped text for sentences, entity-coded labels in Mermaid.
import { markdownCode as code, mermaidLabel, safeHref, markdownText as text } from './escape.js';
import { verdictText } from './graph.js';
import type { ArtifactSection, ChainGraph, Field, ReportModel, Verdict } from './model.js';

/** Nodes a Mermaid diagram in a summary shows at most (GitHub refuses very large ones). */
export const MAX_MERMAID_NODES = 60;

function row(cells: string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function link(label: string, href: string | undefined): string {
  const safe = safeHref(href);
  return safe && !safe.startsWith('#') ? `[${text(label)}](${safe})` : text(label);
}

const STATUS: Record<string, string> = {
  passed: '✅ passed',
  failed: '❌ **failed**',
  'not checked': '➖ not checked',
  warning: '⚠️ warning',
};

/** A verdict in a job summary: GitHub's emoji, the failure in bold. */
const VERDICT: Record<Verdict, string> = {
  verified: '✅ verified',
  failed: '❌ **FAILED**',
  signed: 'signed',
};

function artifactMarkdown(a: ArtifactSection): string {
  const verdict = VERDICT[a.verdict];
  const out = [`### ${code(a.name)}: ${verdict}`];
  if (a.parent) out.push(`${text(a.parent.relation)} ${code(a.parent.name)}`);
  if (a.failure) out.push(`> ❌ ${code(a.failure.reason)}: ${text(a.failure.message)}`);
  const facts: [string, string][] = [];
  for (const d of a.digests) facts.push([d.label, code(d.value)]);
  for (const r of a.references ?? []) facts.push(['Published', code(r)]);
  if (a.slsa)
    facts.push([
      'SLSA',
      `${a.slsa.level === 0 ? 'none' : `**Build L${a.slsa.level}**`}: ${text(a.slsa.reason)}`,
    ]);
  const signerFact = (role: NonNullable<Field['role']>) => a.signer.find((f) => f.role === role);
  const signer = signerFact('signer');
  if (signer) facts.push(['Signer', code(signer.value)]);
  const source = signerFact('source');
  if (source) facts.push(['Source', code(source.value)]);
  const commit = signerFact('commit');
  if (commit) facts.push(['Commit', code(commit.value)]);
  const run = signerFact('run');
  if (run) facts.push(['Run', link(run.value, run.href)]);
  for (const t of a.tlog)
    facts.push([
      'Log entry',
      t.href ? link(t.logIndex, t.href) : `${code(t.logIndex)} (${text(t.kind)})`,
    ]);
  if (a.sbom) {
    const eco = Object.entries(a.sbom.ecosystems)
      .sort((x, y) => y[1] - x[1])
      .map(([k, n]) => `${text(k)} ${n}`)
      .join(', ');
    facts.push(['SBOM', `${a.sbom.componentCount} components${eco ? `: ${eco}` : ''}`]);
  }
  for (const x of a.embedded) facts.push(['Embeds', `${code(x.name)} ${VERDICT[x.verdict]}`]);
  if (facts.length)
    out.push(
      [row(['', '']), row(['---', '---']), ...facts.map(([k, v]) => row([k, v]))].join('\n'),
    );
  if (a.checks.length)
    out.push(
      [
        row(['Check', 'Result', 'Detail']),
        row(['---', '---', '---']),
        ...a.checks.map((c) =>
          row([
            text(c.check),
            `${STATUS[c.status]}${c.reason ? ` ${code(c.reason)}` : ''}`,
            text(c.detail),
          ]),
        ),
      ].join('\n'),
    );
  return out.join('\n\n');
}

/** The chain as a Mermaid flowchart (left to right), at most `MAX_MERMAID_NODES` nodes. */
export function renderMermaid(graph: ChainGraph): string {
  const nodes = graph.nodes.slice(0, MAX_MERMAID_NODES);
  const index = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
  const lines = ['flowchart LR'];
  for (const n of nodes) {
    const status = verdictText(n);
    const label = mermaidLabel(status ? `${status} ${n.label}` : n.label);
    const shape = n.kind === 'artifact' || n.kind === 'embedded' ? ['["', '"]'] : ['("', '")'];
    lines.push(`  ${index.get(n.id)}${shape[0]}${label}${shape[1]}`);
  }
  for (const e of graph.edges) {
    const a = index.get(e.from);
    const b = index.get(e.to);
    if (!a || !b) continue;
    const arrow = e.relation === 'embeds' ? '-->' : e.relation === 'contains' ? '-.->' : '==>';
    lines.push(`  ${a} ${arrow}|${e.relation}| ${b}`);
  }
  const failed = nodes.filter((n) => n.verdict === 'failed').map((n) => index.get(n.id)!);
  if (failed.length) {
    lines.push('  classDef failed stroke:#cf222e,stroke-width:3px,stroke-dasharray:5 3');
    lines.push(`  class ${failed.join(',')} failed`);
  }
  if (graph.nodes.length > nodes.length)
    lines.push(`  more("#43;${graph.nodes.length - nodes.length} more")`);
  return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\``;
}

/** The job summary. */
export function renderMarkdown(model: ReportModel): string {
  const top = model.artifacts.filter((a) => !a.parent);
  const failed = model.artifacts.filter((a) => a.verdict === 'failed');
  const parts = [`## ${text(model.title)}`];
  if (model.verdict === 'failed')
    parts.push(
      `❌ **Verification FAILED**: ${failed.filter((a) => !a.parent).length} of ${top.length} artifacts failed.\n\n` +
        failed
          .map(
            (a) =>
              `- ${code(a.name)}: ${code(a.failure?.reason ?? 'FAILED')} ${text(a.failure?.message ?? '')}`,
          )
          .join('\n'),
    );
  else if (model.verdict === 'verified')
    parts.push(
      `✅ **Verified**: ${top.length === 1 ? 'the artifact passed' : `all ${top.length} artifacts passed`} every check.`,
    );
  else parts.push(`${top.length} artifact${top.length === 1 ? '' : 's'} signed.`);
  if (model.reportLink) {
    const href = safeHref(model.reportLink.href);
    if (href) parts.push(`📄 [${text(model.reportLink.label)}](${href})`);
  }
  if (model.graph.nodes.length > 0) parts.push(renderMermaid(model.graph));
  for (const a of model.artifacts) parts.push(artifactMarkdown(a));
  for (const n of model.notes) parts.push(text(n));
  return `${parts.join('\n\n')}\n`;
}
