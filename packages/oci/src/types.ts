import { MediaType } from '@build-artifact/core';

/** An OCI content descriptor. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
  platform?: Platform;
  urls?: string[];
}

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
  'os.features'?: string[];
}

export interface ImageManifest {
  schemaVersion: 2;
  mediaType: typeof MediaType.OCI_MANIFEST;
  artifactType?: string;
  config: Descriptor;
  layers: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export interface ImageIndex {
  schemaVersion: 2;
  mediaType: typeof MediaType.OCI_INDEX;
  artifactType?: string;
  manifests: Descriptor[];
  subject?: Descriptor;
  annotations?: Record<string, string>;
}

export type Manifest = ImageManifest | ImageIndex;

/** The media types a client accepts when it reads a manifest. */
export const MANIFEST_ACCEPT = [
  MediaType.OCI_MANIFEST,
  MediaType.OCI_INDEX,
  MediaType.DOCKER_MANIFEST_V2,
  MediaType.DOCKER_MANIFEST_LIST,
].join(', ');

/** The standard annotation keys (OCI image-spec annotations.md) we write. */
export const Annotation = {
  CREATED: 'org.opencontainers.image.created',
  SOURCE: 'org.opencontainers.image.source',
  REVISION: 'org.opencontainers.image.revision',
  VERSION: 'org.opencontainers.image.version',
  LICENSES: 'org.opencontainers.image.licenses',
  TITLE: 'org.opencontainers.image.title',
  DESCRIPTION: 'org.opencontainers.image.description',
  REF_NAME: 'org.opencontainers.image.ref.name',
  BUNDLE_CONTENT: 'dev.sigstore.bundle.content',
  BUNDLE_PREDICATE_TYPE: 'dev.sigstore.bundle.predicateType',
} as const;

/** The artifactType of a plain file (a CLI binary, a tarball) pushed without one. */
export const DEFAULT_FILE_ARTIFACT_TYPE = 'application/vnd.build-artifact.file.v1';

/** The empty JSON blob `{}` used as the config of artifacts. */
export const EMPTY_CONFIG_BYTES = new TextEncoder().encode('{}');
export const EMPTY_CONFIG: Descriptor = {
  mediaType: MediaType.OCI_EMPTY,
  digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
  size: 2,
};
