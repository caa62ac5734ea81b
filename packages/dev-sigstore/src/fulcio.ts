import { verify as verifySignature } from 'node:crypto';
import type { CA } from '@sigstore/mock/dist/fulcio/index.js';
import { fulcioHandler } from '@sigstore/mock/dist/fulcio/index.js';
import type { HandlerFn } from '@sigstore/mock/dist/shared.types.js';
import { UnsecuredJWT } from 'jose';
import type { DevIssuer } from './oidc.js';

const SERVER_URL = 'https://github.com';
// The mock reads the SAN from this claim, which we add to the token we pass on.
const SAN_CLAIM = 'x-dev-sigstore-san';

/**
 * Fulcio from @sigstore/mock's handler, wrapped to behave like the real one on the points that
 * matter for verification: the token must be ours, unexpired and for audience `sigstore`; the
 * proof of possession must be a signature over `sub` by the key being certified; and for a
 * GitHub Actions token the SAN is the workflow that ran the job (`job_workflow_ref`), not `sub`.
 * The mock already turns the GitHub claims into the 1.3.6.1.4.1.57264.1.* extensions.
 */
export function devFulcioHandler(ca: CA, issuer: DevIssuer): HandlerFn {
  const inner = fulcioHandler(ca, { subjectClaim: SAN_CLAIM }).fn;
  return async (body) => {
    let request: {
      credentials?: { oidcIdentityToken?: string };
      publicKeyRequest?: { publicKey?: { content?: string }; proofOfPossession?: string };
    };
    try {
      request = JSON.parse(body);
    } catch {
      return { statusCode: 400, response: 'request body is not JSON' };
    }
    const token = request.credentials?.oidcIdentityToken;
    const publicKey = request.publicKeyRequest?.publicKey?.content;
    const proof = request.publicKeyRequest?.proofOfPossession;
    if (!token || !publicKey || !proof) {
      return {
        statusCode: 400,
        response: 'oidcIdentityToken, publicKey and proofOfPossession are required',
      };
    }
    let claims: Record<string, unknown>;
    try {
      claims = (await issuer.verify(token, 'sigstore')) as Record<string, unknown>;
    } catch (err) {
      return { statusCode: 401, response: `invalid identity token: ${(err as Error).message}` };
    }
    const sub = String(claims.sub ?? '');
    let possession = false;
    try {
      possession = verifySignature(
        'sha256',
        Buffer.from(sub),
        publicKey,
        Buffer.from(proof, 'base64'),
      );
    } catch {
      possession = false;
    }
    if (!possession) return { statusCode: 400, response: 'proof of possession does not verify' };
    const san =
      typeof claims.job_workflow_ref === 'string'
        ? `${SERVER_URL}/${claims.job_workflow_ref}`
        : String(claims.email ?? sub);
    const relayed = new UnsecuredJWT({ ...claims, [SAN_CLAIM]: san }).encode();
    return inner(
      JSON.stringify({
        ...request,
        credentials: { ...request.credentials, oidcIdentityToken: relayed },
      }),
    );
  };
}
