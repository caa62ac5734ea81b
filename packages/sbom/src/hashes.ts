import type { HashAlgorithm, PackageHash } from './model.js';

const SRI_ALGORITHMS: Record<string, HashAlgorithm> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha384: 'SHA-384',
  sha512: 'SHA-512',
};
const HEX_LENGTH: Record<HashAlgorithm, number> = {
  'SHA-1': 40,
  'SHA-256': 64,
  'SHA-384': 96,
  'SHA-512': 128,
};

/**
 * npm's Subresource Integrity strings (`sha512-<base64>`, possibly several, space separated)
 * to CycloneDX hashes in hex. Unknown algorithms and wrong lengths are dropped: a hash we cannot
 * vouch for is worse than none.
 */
export function sriToHashes(integrity: unknown): PackageHash[] | undefined {
  if (typeof integrity !== 'string') return undefined;
  const out: PackageHash[] = [];
  for (const part of integrity.trim().split(/\s+/)) {
    const dash = part.indexOf('-');
    if (dash < 0) continue;
    const alg = SRI_ALGORITHMS[part.slice(0, dash).toLowerCase()];
    if (!alg) continue;
    const b64 = part.slice(dash + 1).split('?')[0]!;
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64)) continue;
    const hex = Buffer.from(b64, 'base64').toString('hex');
    if (hex.length !== HEX_LENGTH[alg]) continue;
    if (!out.some((h) => h.alg === alg)) out.push({ alg, content: hex });
  }
  return out.length > 0 ? out : undefined;
}

/** A hex digest of a known algorithm, checked for length; undefined otherwise. */
export function hexHash(alg: HashAlgorithm, value: unknown): PackageHash[] | undefined {
  if (typeof value !== 'string') return undefined;
  const hex = value.toLowerCase();
  return hex.length === HEX_LENGTH[alg] && /^[0-9a-f]+$/.test(hex)
    ? [{ alg, content: hex }]
    : undefined;
}
