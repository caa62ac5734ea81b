/** One `WWW-Authenticate` challenge: the scheme and its parameters (RFC 7235). */
export interface Challenge {
  scheme: string;
  params: Record<string, string>;
}

/**
 * Parses a `WWW-Authenticate` header into its challenges. Parameter values may be quoted
 * strings holding commas and escaped quotes (a scope list is one), so this is a small tokenizer,
 * not a split on commas.
 */
export function parseChallenges(header: string): Challenge[] {
  const out: Challenge[] = [];
  let i = 0;
  const n = header.length;
  const skipSpace = () => {
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
  };
  const token = () => {
    const start = i;
    while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  while (i < n) {
    skipSpace();
    while (i < n && header[i] === ',') {
      i++;
      skipSpace();
    }
    const scheme = token();
    if (!scheme) {
      i++;
      continue;
    }
    const challenge: Challenge = { scheme: scheme.toLowerCase(), params: {} };
    out.push(challenge);
    for (;;) {
      skipSpace();
      const save = i;
      const name = token();
      skipSpace();
      if (!name || header[i] !== '=') {
        // Not a parameter: the start of the next challenge (or a token68 we do not use).
        i = save;
        while (i < n && header[i] !== ',') i++;
        break;
      }
      i++;
      skipSpace();
      let value = '';
      if (header[i] === '"') {
        i++;
        while (i < n && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < n) i++;
          value += header[i];
          i++;
        }
        i++;
      } else {
        const start = i;
        while (i < n && header[i] !== ',' && header[i] !== ' ') i++;
        value = header.slice(start, i);
      }
      challenge.params[name.toLowerCase()] = value;
      skipSpace();
      if (header[i] === ',') {
        i++;
        // A parameter list goes on only if the next thing is `name=`.
        const look = i;
        skipSpace();
        const next = token();
        skipSpace();
        const isParam = next !== '' && header[i] === '=';
        i = look;
        if (!isParam) break;
      } else {
        break;
      }
    }
  }
  return out;
}

/** `repository:<name>:<actions>` as the token protocol writes scopes. */
export function repositoryScope(repository: string, actions: readonly string[]): string {
  return `repository:${repository}:${actions.join(',')}`;
}

/**
 * Whether `scopes` already grant `scope` (`type:name:actions`): the same resource with every
 * action it names. A registry's challenge names what one request needs (`...:pull` for a HEAD);
 * a push already asking for `...:pull,push` needs no token of its own for it.
 */
export function scopeCovered(scopes: readonly string[], scope: string): boolean {
  const split = (s: string): [string, string[]] => {
    const at = s.lastIndexOf(':');
    return [s.slice(0, at), s.slice(at + 1).split(',')];
  };
  const [resource, actions] = split(scope);
  return scopes.some((s) => {
    const [r, granted] = split(s);
    return r === resource && actions.every((a) => granted.includes(a));
  });
}
