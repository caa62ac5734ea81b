import { CoreError } from './error.js';

/** A DSSE envelope as JSON carries it: payload and signatures base64-encoded. */
export interface Envelope {
  payloadType: string;
  payload: string;
  signatures: { keyid?: string; sig: string }[];
}

/** DSSE v1 pre-authentication encoding: `DSSEv1 SP len(type) SP type SP len(body) SP body`. */
export function preAuthEncoding(payloadType: string, payload: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, 'utf8');
  const head = Buffer.from(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `, 'utf8');
  return Buffer.concat([head, payload]);
}

export function encodeEnvelope(
  payloadType: string,
  payload: Uint8Array,
  signatures: { keyid?: string; sig: Uint8Array }[],
): Envelope {
  return {
    payloadType,
    payload: Buffer.from(payload).toString('base64'),
    signatures: signatures.map((s) => ({
      ...(s.keyid ? { keyid: s.keyid } : {}),
      sig: Buffer.from(s.sig).toString('base64'),
    })),
  };
}

/** The raw payload bytes of an envelope, checking that it is well-formed. */
export function envelopePayload(envelope: unknown, source = 'envelope'): Buffer {
  const e = envelope as Partial<Envelope> | null;
  if (
    typeof e !== 'object' ||
    e === null ||
    typeof e.payload !== 'string' ||
    typeof e.payloadType !== 'string'
  ) {
    throw new CoreError({
      code: 'INVALID_ENVELOPE',
      message: `${source}: not a DSSE envelope (payload and payloadType are required)`,
    });
  }
  if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(e.payload)) {
    throw new CoreError({ code: 'INVALID_ENVELOPE', message: `${source}: payload is not base64` });
  }
  return Buffer.from(e.payload, 'base64');
}
