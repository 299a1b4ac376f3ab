import { applyDecorators, type CanActivate, type ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiExtension } from '@nestjs/swagger';
import type { BaseSettings } from '@wildlife/config';
import { SIGNED_REQUEST_WINDOW, verifyRequest, type ResolvedKey } from '@wildlife/signatures';
import type { FastifyReply } from 'fastify';
import { PUBLIC_ROUTE_EXTENSION } from '../api-docs.js';
import { ProblemError } from '../problem.js';
import { NONCE_STORE, PRINCIPAL_DIRECTORY, SETTINGS } from '../tokens.js';
import type { NonceStore } from './nonce-store.js';
import type { KeyRefusal, PrincipalDirectory, VerifiedPrincipal } from './principal-directory.js';
import { NONCE_CLAIMED_WITH_THE_WRITE } from './nonce-claim.metadata.js';
import { RequestsInFlight } from './requests-in-flight.js';
import { unrecordableSignatureProblem } from './recordable-signature.js';
import { PendingNonce, type SignedFastifyRequest } from './signed-request.js';
import { verifiedTargetUriOf } from './request-target.js';

const PUBLIC_ROUTE = 'wildlife:public-route';

/**
 * Marks a route (health, API docs) that answers without a signature. Everything else is signed. Its
 * OpenAPI operations carry `x-public-route: true`, so the document gives them none of the signed
 * routes' headers and refusals (`withKitResponses`).
 */
export const PublicRoute = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_ROUTE_EXTENSION, true));

interface DirectoryKey extends ResolvedKey {
  readonly principal: VerifiedPrincipal;
}

const TITLE = 'The request signature was not accepted';

/** The 401 problem for a signature whose nonce was claimed before: a replay. */
export function nonceReusedProblem(keyId: string): ProblemError {
  return new ProblemError(401, 'signature-nonce-reused', TITLE, `nonce already used with key "${keyId}"`, { check: 'nonce_reused' });
}

const keyRefusalText: Record<KeyRefusal, string> = {
  key_unknown: 'The keyid is not registered.',
  key_revoked: 'The key was revoked.',
  key_rotated_out: 'The key was rotated out: its principal signs with a newer key now.',
  key_not_yet_valid: 'The key is not valid yet.',
};

/**
 * The 401 problem for a signature whose key the registry refuses (`check` is the refusal): what the
 * guard answers, and what a handler answers when the registry it decides on refuses the key the
 * guard's copy still accepted (see ncb-endorsement's registry commands).
 */
export function keyRefusalProblem(check: KeyRefusal): ProblemError {
  return new ProblemError(401, `signature-${check.replace(/_/g, '-')}`, TITLE, keyRefusalText[check], { check });
}

/**
 * The 415 problem for a request whose body was parsed but whose bytes were not kept: the signature
 * and its Content-Digest could not be checked against the body the handler would see.
 */
function bodyWithoutBytesProblem(): ProblemError {
  return new ProblemError(415, 'unsupported-media-type', 'Unsupported Media Type', 'A signed request body must be application/json, whose bytes its signature is checked against.');
}

/**
 * Authenticates every request that is not a public route as an RFC 9421 HTTP Message Signature
 * (ed25519) over at least @method, @target-uri and, with a body, content-digest; with `created` inside
 * the window, a nonce never used before by that key, and a key the registry knows, not revoked, not
 * rotated out. A refusal is a 401 problem whose `check` names the check that failed; the handler never
 * runs, so nothing is stored or published. A verified signature whose material no record could keep
 * as its provenance is refused too, before the handler, with a 400 (`unrecordableSignatureProblem`).
 * The signature is checked against the very request the handler gets: its target URI is its Host
 * and the request target it was routed by (`verifiedTargetUriOf`: 400 when either is malformed, 421
 * for a Host that none of PUBLIC_ORIGINS has when it is set), its
 * body the bytes the body was parsed from (a parsed body without them is a 415: a service parses only
 * application/json, keeping the bytes; see `serviceHttpAdapter`).
 * On success the request carries `signed` (principal and signature material). On a route marked
 * `@NonceClaimedWithTheWrite()` the nonce is the one check left to the route: it is handed over
 * unclaimed as `signed.pendingNonce` (see that decorator).
 * The Ed25519 check goes to libuv's thread pool while other signed requests are in flight
 * (`RequestsInFlight`), and stays on the event loop for a lone one.
 */
@Injectable()
export class SignedRequestGuard implements CanActivate {
  private readonly inFlight = new RequestsInFlight();

  constructor(
    private readonly reflector: Reflector,
    @Inject(PRINCIPAL_DIRECTORY) private readonly directory: PrincipalDirectory,
    @Inject(NONCE_STORE) private readonly nonces: NonceStore,
    @Inject(SETTINGS) private readonly settings: Pick<BaseSettings, 'PUBLIC_ORIGINS'>,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, route)) return true;
    const claimedWithTheWrite = this.reflector.getAllAndOverride<boolean>(NONCE_CLAIMED_WITH_THE_WRITE, route) === true;
    let pendingNonce: PendingNonce | undefined;
    const http = context.switchToHttp();
    const request = http.getRequest<SignedFastifyRequest>();
    const url = verifiedTargetUriOf(request, this.settings.PUBLIC_ORIGINS);
    if (request.body !== undefined && request.rawBody === undefined) throw bodyWithoutBytesProblem();
    this.inFlight.enter(http.getResponse<FastifyReply>().raw);
    const now = new Date();
    let refusal: KeyRefusal | undefined;
    const verification = await verifyRequest<DirectoryKey>(
      {
        method: request.method,
        url,
        headers: request.headers as Record<string, string | string[]>,
        body: request.rawBody,
      },
      {
        now: Math.floor(now.getTime() / 1000),
        // The window the record binding bounds a record's time by (`recordTimeWindowOf`).
        ...SIGNED_REQUEST_WINDOW,
        resolveKey: async (keyId) => {
          const found = this.directory.resolveKey(keyId, now);
          if ('refused' in found) {
            refusal = found.refused;
            return undefined;
          }
          return { publicKey: found.publicKey, principalId: found.principal.id, principal: found.principal };
        },
        claimNonce: async (keyId, nonce, expiresAt) => {
          if (!claimedWithTheWrite) return this.nonces.claim(keyId, nonce, expiresAt);
          pendingNonce = new PendingNonce(keyId, nonce, expiresAt);
          return true;
        },
        offThread: this.inFlight.othersInFlight,
      },
    );
    if (!verification.ok) {
      if (verification.code === 'key_unknown' && refusal !== undefined && refusal !== 'key_unknown') throw keyRefusalProblem(refusal);
      const check = verification.code;
      throw new ProblemError(401, `signature-${check.replace(/_/g, '-')}`, TITLE, verification.reason, { check });
    }
    const unrecordable = unrecordableSignatureProblem(verification.key.principal, verification.material);
    if (unrecordable) throw unrecordable;
    request.signed = { principal: verification.key.principal, material: verification.material, ...(pendingNonce && { pendingNonce }) };
    return true;
  }
}
