export { escapeHtml, markdownCode, markdownText, mermaidLabel, safeHref } from './escape.js';
export type { GraphLayout, PlacedNode } from './graph.js';
export { layoutGraph, renderGraphSvg } from './graph.js';
export { CONTENT_SECURITY_POLICY, renderHtml } from './html.js';
export { MAX_MERMAID_NODES, renderMarkdown, renderMermaid } from './markdown.js';
export type {
  ArtifactSection,
  ChainGraph,
  CheckRow,
  CheckStatus,
  EmbeddedArtifact,
  Field,
  GraphEdge,
  GraphNode,
  GraphNodeKind,
  ReportModel,
  SbomView,
  TlogEntry,
  TreeNode,
  Verdict,
} from './model.js';
