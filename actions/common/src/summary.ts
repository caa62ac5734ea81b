import * as core from '@actions/core';
import {
  markdownCode,
  markdownText,
  type ReportModel,
  renderMarkdown,
  safeHref,
} from '@build-artifact/report';

export interface SummarySubject {
  name: string;
  sha256: string;
}

export interface SummarySbom {
  subject: string;
  componentCount: number;
  ecosystems: Record<string, number>;
}

export interface SummaryTlogEntry {
  subject?: string;
  logIndex: string;
  url?: string;
}

export interface SummaryVerification {
  artifact: string;
  verified: boolean;
  detail: string;
}

export interface SummaryData {
  title: string;
  subjects?: SummarySubject[];
  sboms?: SummarySbom[];
  signer?: string;
  tlog?: SummaryTlogEntry[];
  oci?: string[];
  verifications?: SummaryVerification[];
  notes?: string[];
}

// Text in a summary may come from evidence: controls escaped, and nothing an artifact's author
// wrote is read as Markdown or HTML (tables, links, tags); the report package says how, once.
const code = markdownCode;
/** Plain text from evidence: controls escaped, Markdown and HTML characters made inert. */
export const text = markdownText;

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    // Cells are built from `code` and `text`, whose output never holds a bare `|`.
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** The job summary as Markdown: what was attested, from what, by whom, and where it went. */
export function summaryMarkdown(data: SummaryData): string {
  const parts = [`## ${data.title}`];
  if (data.subjects?.length) {
    parts.push(
      table(
        ['Subject', 'sha256'],
        data.subjects.map((s) => [code(s.name), code(s.sha256)]),
      ),
    );
  }
  if (data.sboms?.length) {
    const ecosystems = [...new Set(data.sboms.flatMap((s) => Object.keys(s.ecosystems)))].sort();
    parts.push(
      table(
        ['SBOM of', 'components', ...ecosystems],
        data.sboms.map((s) => [
          code(s.subject),
          String(s.componentCount),
          ...ecosystems.map((e) => String(s.ecosystems[e] ?? 0)),
        ]),
      ),
    );
  }
  if (data.signer) parts.push(`Signed by ${code(data.signer)}`);
  if (data.tlog?.length) {
    parts.push(
      table(
        ['Transparency log entry', 'for'],
        data.tlog.map((t) => [
          t.url && safeHref(t.url) ? `[${text(t.logIndex)}](${safeHref(t.url)})` : text(t.logIndex),
          t.subject ? code(t.subject) : '',
        ]),
      ),
    );
  }
  if (data.oci?.length)
    parts.push(
      table(
        ['OCI reference'],
        data.oci.map((r) => [code(r)]),
      ),
    );
  if (data.verifications?.length) {
    parts.push(
      table(
        ['Artifact', 'Result', 'Detail'],
        data.verifications.map((v) => [
          code(v.artifact),
          v.verified ? 'verified' : '**FAILED**',
          text(v.detail),
        ]),
      ),
    );
  }
  for (const note of data.notes ?? []) parts.push(note);
  return `${parts.join('\n\n')}\n`;
}

/** Writes the report of a run (per artifact, with the Mermaid chain) as the job summary. */
export async function writeReportSummary(model: ReportModel): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(renderMarkdown(model)).write();
}

export async function writeSummary(data: SummaryData): Promise<void> {
  // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it: not an error.
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(summaryMarkdown(data)).write();
}

/** A browsable link for a Rekor log index: the Sigstore search UI for public-good, else the API. */
export function rekorLink(rekorURL: string | undefined, logIndex: string): string | undefined {
  if (!rekorURL) return undefined;
  if (/^https:\/\/rekor\.sigstore\.dev\/?$/.test(rekorURL)) {
    return `https://search.sigstore.dev/?logIndex=${logIndex}`;
  }
  return `${rekorURL.replace(/\/$/, '')}/api/v1/log/entries?logIndex=${logIndex}`;
}
