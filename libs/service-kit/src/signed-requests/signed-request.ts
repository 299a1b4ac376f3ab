import type { FastifyRequest } from 'fastify';
import type { SignatureMaterial } from '@wildlife/signatures';
import type { VerifiedPrincipal } from './principal-directory.js';

/** What a verified request carries for the handlers: its principal and the evidence of its signature. */
export interface SignedRequestContext {
  readonly principal: VerifiedPrincipal;
  /** Everything needed to re-verify the signature later (kept with the event the request causes). */
  readonly material: SignatureMaterial;
}

export type SignedFastifyRequest = FastifyRequest & { signed?: SignedRequestContext; rawBody?: Buffer };
