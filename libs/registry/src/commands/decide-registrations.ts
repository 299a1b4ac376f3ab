import type { AgencyRegistered, AuditorRegistered, ExternalSourceRegistered } from '../facts/registry-facts.js';
import type { RegistryState } from '../state/registry-state.js';
import { checkCountry, checkName, checkNewKey, checkNewPrincipalId } from './command-checks.js';
import { accept, issuerContext, refuse, type CommandDecision } from './command-decision.js';
import {
  OnlyTheCountrysNcbMayRegisterItsAgencies,
  OnlyTheGeneralSecretariatRegistersAuditors,
  OnlyTheGeneralSecretariatRegistersExternalSources,
} from './refusals/authority.refusals.js';
import { RegistryRefusal } from './refusals/registry-refusal.js';
import type { CommandIssuer, RegisterAgencyBody, RegisterAuditorBody, RegisterExternalSourceBody } from './registry-commands.js';

/** An NCB registers a national agency of its own country, with the agency's first key (valid from now). */
export function decideRegisterAgency(state: RegistryState, body: RegisterAgencyBody, issuedBy: CommandIssuer): CommandDecision<AgencyRegistered> {
  const context = issuerContext(state, issuedBy);
  if (context instanceof RegistryRefusal) return refuse(context);
  const countryRefusal = checkCountry(body.country);
  if (countryRefusal) return refuse(countryRefusal);
  const { issuer } = context;
  if (issuer.kind !== 'ncb' || issuer.country !== body.country) {
    return refuse(new OnlyTheCountrysNcbMayRegisterItsAgencies(`"${issuer.id}" is not the NCB of ${body.country}`));
  }
  const refusal = checkNewPrincipalId(state, body.agencyId, 'agency') ?? checkName(body.name) ?? checkNewKey(state, body.key);
  if (refusal) return refuse(refusal);
  return accept({
    type: 'AgencyRegistered',
    agencyId: body.agencyId,
    country: body.country,
    name: body.name,
    key: { keyId: body.key.keyId, publicKey: body.key.publicKey },
    registeredBy: issuer.id,
    at: context.atIso,
  });
}

/** The General Secretariat (or one of its analysts) registers an external source. */
export function decideRegisterExternalSource(
  state: RegistryState,
  body: RegisterExternalSourceBody,
  issuedBy: CommandIssuer,
): CommandDecision<ExternalSourceRegistered> {
  const context = issuerContext(state, issuedBy);
  if (context instanceof RegistryRefusal) return refuse(context);
  if (context.issuer.kind !== 'general-secretariat') {
    return refuse(new OnlyTheGeneralSecretariatRegistersExternalSources(`"${context.issuer.id}" is not the General Secretariat`));
  }
  const refusal = checkNewPrincipalId(state, body.sourceId, 'external-source') ?? checkName(body.name) ?? checkNewKey(state, body.key);
  if (refusal) return refuse(refusal);
  const key = { keyId: body.key.keyId, publicKey: body.key.publicKey };
  return accept({ type: 'ExternalSourceRegistered', sourceId: body.sourceId, name: body.name, key, by: context.issuer.id, at: context.atIso });
}

/** The General Secretariat (or one of its analysts) registers an auditor. */
export function decideRegisterAuditor(state: RegistryState, body: RegisterAuditorBody, issuedBy: CommandIssuer): CommandDecision<AuditorRegistered> {
  const context = issuerContext(state, issuedBy);
  if (context instanceof RegistryRefusal) return refuse(context);
  if (context.issuer.kind !== 'general-secretariat') {
    return refuse(new OnlyTheGeneralSecretariatRegistersAuditors(`"${context.issuer.id}" is not the General Secretariat`));
  }
  const refusal = checkNewPrincipalId(state, body.auditorId, 'auditor') ?? checkName(body.name) ?? checkNewKey(state, body.key);
  if (refusal) return refuse(refusal);
  const key = { keyId: body.key.keyId, publicKey: body.key.publicKey };
  return accept({ type: 'AuditorRegistered', auditorId: body.auditorId, name: body.name, key, by: context.issuer.id, at: context.atIso });
}
