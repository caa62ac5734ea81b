import { safeJson, safeText } from '@build-artifact/core';
import { Annotation } from '@build-artifact/oci';
import type { ReferrerNode } from '@build-artifact/pipeline';
import { type Command, UsageError } from '../command.js';
import { ociContext, ociReference } from '../oci.js';
import { outputFormat } from '../output.js';

type Node = ReferrerNode;

function label(n: Node): string {
  const type = n.artifactType ?? n.mediaType;
  const extra = [
    n.platform,
    n.annotations?.[Annotation.BUNDLE_PREDICATE_TYPE],
    n.annotations?.[Annotation.TITLE],
  ].filter(Boolean);
  return `${n.digest}  ${type}${extra.length ? `  ${extra.join('  ')}` : ''}`;
}

function render(nodes: Node[], prefix: string, lines: string[]): void {
  const children = nodes;
  children.forEach((n, i) => {
    const lastOne = i === children.length - 1;
    lines.push(`${prefix}${lastOne ? '└── ' : '├── '}${label(n)}`);
    const sub = [...(n.manifests ?? []), ...n.referrers];
    render(sub, `${prefix}${lastOne ? '    ' : '│   '}`, lines);
  });
}

export const discoverCommand: Command = {
  name: 'discover',
  summary: 'show the referrers (bundles, SBOMs, signatures) attached to an OCI artifact, as a tree',
  usage: 'discover oci://REGISTRY/REPO[:TAG|@DIGEST] [--format text|json] [flags]',
  help: [
    ['REF', 'oci://REGISTRY/REPO[:TAG][@DIGEST] or oci-layout:DIR[:TAG]'],
    ['--depth N', 'how many levels of referrers of referrers to follow (default 3)'],
    ['--plain-http', 'use http:// for a registry that is not on loopback'],
    ['--format text|json', 'output format (default text)'],
  ],
  examples: [
    'attest discover oci://ghcr.io/acme/nats-server:v2.10.0',
    'attest discover oci-layout:./oci-layout --format json',
  ],
  options: {
    depth: { type: 'string', default: '3' },
    'plain-http': { type: 'boolean' },
    format: { type: 'string', default: 'text' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    const format = outputFormat(values.format);
    const depth = Number(values.depth);
    if (!Number.isInteger(depth) || depth < 1)
      throw new UsageError(`--depth must be a positive integer, not "${String(values.depth)}"`);
    if (positionals.length !== 1) throw new UsageError('discover needs exactly one REF');
    const { discoverReferrers } = await import('@build-artifact/pipeline');
    const { reference, root } = await discoverReferrers(
      { reference: ociReference(positionals[0]!, 'REF'), depth },
      ociContext(io, 'discover', values['plain-http'] === true),
    );
    if (format === 'json') {
      io.stdout.write(`${safeJson({ reference, ...root }, 2)}\n`);
    } else {
      const lines = [`${reference}  ${root.artifactType ?? root.mediaType}`];
      render([...(root.manifests ?? []), ...root.referrers], '', lines);
      // Annotations and types come from the registry: each line escaped.
      io.stdout.write(`${lines.map(safeText).join('\n')}\n`);
    }
    return 0;
  },
};
