import type { EventPrincipal } from '@wildlife/event-store';
import type { VerifiedPrincipal } from '@wildlife/service-kit';
import type { ActingPrincipal } from '../domain/acting-principal.js';

/** The verified signer in the domain's terms. */
export function actingPrincipalOf(principal: VerifiedPrincipal): ActingPrincipal {
  return { principalId: principal.id, kind: principal.kind, ...(principal.country !== undefined && { country: principal.country }) };
}

/** The verified signer as the event metadata records it. */
export function eventPrincipalOf(principal: VerifiedPrincipal): EventPrincipal {
  return { id: principal.id, kind: principal.kind, ...(principal.country !== undefined && { country: principal.country }) };
}
