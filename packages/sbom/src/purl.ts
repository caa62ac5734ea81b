/**
 * Package URLs (the purl specification, ECMA-427) for the four types this package writes, in the
 * canonical form packageurl-js gives. Built here rather than with packageurl-js: that library
 * creates an ICU collator when it loads (some 11 ms, a tenth of a typical `attest sbom` run) for
 * sorting that building a purl never does. `purl.test.ts` checks every function here against
 * packageurl-js, on the real lockfiles and on fuzzed names, versions and qualifiers.
 */

/** PEP 503 normalised name: lower case, runs of `-`, `_` and `.` become one `-`. */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * A git source as the purl `vcs_url` qualifier writes it: `git+<url>@<commit>`. Lockfiles write
 * theirs otherwise (Cargo and uv: `git+https://host/repo?rev=main#<commit>`): the query says how
 * the revision was asked for and goes; the fragment is the commit it resolved to, which a `#`
 * would make a sub-path in a vcs_url, so it goes after `@`. `revision` wins over the fragment.
 */
export function gitVcsUrl(url: string, revision?: string): string {
  let base = /^git\+/i.test(url) ? url : `git+${url}`;
  let fragment: string | undefined;
  const hash = base.indexOf('#');
  if (hash >= 0) {
    fragment = base.slice(hash + 1) || undefined;
    base = base.slice(0, hash);
  }
  const query = base.indexOf('?');
  if (query >= 0) base = base.slice(0, query);
  const rev = revision || fragment;
  return rev ? `${base}@${rev}` : base;
}

export function npmPurl(
  name: string,
  version: string,
  qualifiers?: Record<string, string>,
): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  const namespace = slash > 0 ? name.slice(0, slash) : undefined;
  const base = slash > 0 ? name.slice(slash + 1) : name;
  // The npm type is case-insensitive: lower case is canonical.
  return purl('npm', namespace?.toLowerCase(), base.toLowerCase(), version, qualifiers);
}

export function pypiPurl(
  name: string,
  version: string,
  qualifiers?: Record<string, string>,
): string {
  return purl('pypi', undefined, pep503(name), version, qualifiers);
}

export function golangPurl(path: string, version: string): string {
  const slash = path.lastIndexOf('/');
  const namespace = slash > 0 ? path.slice(0, slash) : undefined;
  const base = slash > 0 ? path.slice(slash + 1) : path;
  return purl('golang', namespace, base, version);
}

export function cargoPurl(
  name: string,
  version: string,
  qualifiers?: Record<string, string>,
): string {
  return purl('cargo', undefined, name, version, qualifiers);
}

/** `pkg:type/namespace/name@version?qualifiers`, each part normalised and percent-encoded. */
function purl(
  type: string,
  namespace: string | undefined,
  name: string,
  version: string,
  qualifiers?: Record<string, string>,
): string {
  const trimmedName = name.trim();
  // Callers check names as they read them: an empty one here is a bug, not bad input.
  if (trimmedName === '') throw new Error(`a ${type} package URL needs a name`);
  let out = `pkg:${type}/`;
  const ns = namespace === undefined ? '' : collapseSlashes(namespace);
  if (ns !== '') out += `${percentEncode(ns).replaceAll('%3A', ':').replaceAll('%2F', '/')}/`;
  out += percentEncode(trimmedName);
  const v = version.trim();
  if (v !== '') out += `@${percentEncode(v).replaceAll('%3A', ':').replaceAll('%2B', '+')}`;
  if (qualifiers !== undefined) {
    // Keys are case-insensitive (lower case is canonical); an empty value is no qualifier.
    const byKey = new Map<string, string>();
    for (const [key, value] of Object.entries(qualifiers)) {
      const lower = key.toLowerCase();
      // Trimmed again after the secrets go: `x ?token=...` leaves `x `.
      const trimmed = URL_QUALIFIERS.has(lower)
        ? withoutSecrets(value.trim()).trim()
        : value.trim();
      if (trimmed !== '') byKey.set(lower, trimmed);
    }
    if (byKey.size > 0) {
      const pairs = [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      out += `?${pairs.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&')}`;
    }
  }
  return out;
}

/** The qualifiers that hold a URL, which lockfiles may have written with credentials in it. */
const URL_QUALIFIERS = new Set(['vcs_url', 'download_url', 'repository_url']);
/** Query parameters that are credentials: signed URLs (S3, GCS, Azure SAS) and access tokens. */
const SECRET_PARAMETER =
  /^(?:x-amz-[a-z-]+|x-goog-[a-z-]+|sig|signature|se|sp|sv|st|skoid|sktid|token|access_token|private_token|auth|password|secret)$/i;

/**
 * A URL as a BOM may show it: a lockfile or requirements file can carry the credentials it was
 * fetched with (`https://user:token@host`, `https://ghp_…@github.com`, a signed query), and a
 * BOM is published. A password or an https user (often a token) goes; an ssh user without a
 * password (`git@`) names the account to connect as and stays.
 */
export function withoutSecrets(url: string): string {
  let out = url;
  const userinfo = /^((?:[a-z][a-z0-9+.-]*\+)?([a-z][a-z0-9+.-]*):\/\/)([^/?#@]*)@/i.exec(out);
  if (userinfo) {
    const [whole, scheme, transport, user] = userinfo;
    const keep = transport!.toLowerCase() === 'ssh' && !user!.includes(':') && !user!.includes('$');
    out = `${scheme}${keep ? `${user}@` : ''}${out.slice(whole!.length)}`;
  } else {
    // scp-like `user:password@host:path`: the password goes.
    out = out.replace(/^([^/@:]+):[^/@]*@(?=[^/]+:)/, '$1@');
  }
  const query = out.indexOf('?');
  if (query < 0) return out;
  const hash = out.indexOf('#', query);
  const end = hash < 0 ? out.length : hash;
  const kept = out
    .slice(query + 1, end)
    .split('&')
    .filter((pair) => pair !== '' && !SECRET_PARAMETER.test(decodeSafe(pair.split('=')[0]!)));
  return `${out.slice(0, query)}${kept.length > 0 ? `?${kept.join('&')}` : ''}${out.slice(end)}`;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A namespace without empty segments: no leading, trailing or doubled `/`. */
function collapseSlashes(path: string): string {
  if (!path.includes('/')) return path;
  return path
    .split('/')
    .filter((segment) => segment !== '')
    .join('/');
}

/** encodeURIComponent, with a lone surrogate (not valid UTF-16, so not encodable) as U+FFFD. */
function percentEncode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return encodeURIComponent(s.replace(/\p{Surrogate}/gu, '\uFFFD'));
  }
}

/**
 * application/x-www-form-urlencoded (what URLSearchParams writes), the encoding the reference
 * implementations give qualifiers, with a space as `%20` rather than `+`: encodeURIComponent
 * leaves `!'()~` as they are, and that encoding does not.
 */
function formEncode(s: string): string {
  return percentEncode(s).replace(
    /[!'()~]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
