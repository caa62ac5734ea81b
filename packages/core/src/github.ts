/** The OIDC issuer of GitHub Actions' job tokens on github.com. */
export const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';

// An enterprise slug as GitHub Enterprise Cloud allows them in a custom issuer path.
const ENTERPRISE_SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,98}[A-Za-z0-9])?$/;

/**
 * True for `base` itself and for its GitHub Enterprise Cloud form with a custom issuer,
 * `<base>/<enterprise-slug>` (one path segment, nothing else): the only two shapes GitHub issues.
 */
export function isGitHubActionsIssuer(iss: string, base: string = GITHUB_ACTIONS_ISSUER): boolean {
  if (iss === base) return true;
  if (!iss.startsWith(`${base}/`)) return false;
  return ENTERPRISE_SLUG.test(iss.slice(base.length + 1));
}
