import { X509Certificate } from 'node:crypto';
import * as core from '@actions/core';

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

const cell = (s: string): string =>
  s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s: string): string => `\`${s.replace(/`/g, "'")}\``;

function table(headers: string[], rows: string[][]): string {
  return [
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
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
          t.url ? `[${t.logIndex}](${t.url})` : t.logIndex,
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
          v.detail,
        ]),
      ),
    );
  }
  for (const note of data.notes ?? []) parts.push(note);
  return `${parts.join('\n\n')}\n`;
}

export async function writeSummary(data: SummaryData): Promise<void> {
  // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it: not an error.
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(summaryMarkdown(data)).write();
}

export interface BundleFacts {
  /** Certificate identity (SAN) of a keyless signature, or the key hint of a keyed one. */
  signer?: string;
  logIndex?: string;
}

/** Who signed a Sigstore bundle and where it was logged, read from the bundle itself. */
export function bundleFacts(bundle: unknown): BundleFacts {
  const vm = (bundle as { verificationMaterial?: Record<string, any> })?.verificationMaterial ?? {};
  const facts: BundleFacts = {};
  const raw: string | undefined =
    vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates?.[0]?.rawBytes;
  if (raw) {
    try {
      const san = new X509Certificate(Buffer.from(raw, 'base64')).subjectAltName ?? '';
      facts.signer = san.replace(/^(URI|email):/, '').split(', ')[0];
    } catch {
      // An unreadable certificate leaves the signer out of the summary; verification is elsewhere.
    }
  } else if (vm.publicKey?.hint) {
    facts.signer = `key ${vm.publicKey.hint}`;
  }
  const index = vm.tlogEntries?.[0]?.logIndex;
  if (index !== undefined) facts.logIndex = String(index);
  return facts;
}

/** A browsable link for a Rekor log index: the Sigstore search UI for public-good, else the API. */
export function rekorLink(rekorURL: string | undefined, logIndex: string): string | undefined {
  if (!rekorURL) return undefined;
  if (/^https:\/\/rekor\.sigstore\.dev\/?$/.test(rekorURL)) {
    return `https://search.sigstore.dev/?logIndex=${logIndex}`;
  }
  return `${rekorURL.replace(/\/$/, '')}/api/v1/log/entries?logIndex=${logIndex}`;
}
