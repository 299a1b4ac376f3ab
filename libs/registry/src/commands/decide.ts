import type { RegistryState } from '../state/registry-state.js';
import type { CommandDecision } from './command-decision.js';
import { decideAccreditAgency, decideReinstateAccreditation, decideRevokeAccreditation, decideSuspendAccreditation } from './decide-accreditations.js';
import { decideRotateKey, decideRevokeKey } from './decide-keys.js';
import { decideRegisterAgency, decideRegisterAuditor, decideRegisterExternalSource } from './decide-registrations.js';
import type { CommandIssuer, RegistryCommand } from './registry-commands.js';

/**
 * Decides any registry command against the registry as it stands: the facts to append, or the rule
 * it breaks. Pure: time and issuer arrive in `issuedBy`; the same state, command and issuer always
 * give the same decision. Every accepted fact applies cleanly with `evolve`.
 */
export function decide(state: RegistryState, command: RegistryCommand, issuedBy: CommandIssuer): CommandDecision {
  switch (command.command) {
    case 'register-agency':
      return decideRegisterAgency(state, command.body, issuedBy);
    case 'accredit-agency':
      return decideAccreditAgency(state, command.body, issuedBy);
    case 'suspend-accreditation':
      return decideSuspendAccreditation(state, command.body, issuedBy);
    case 'reinstate-accreditation':
      return decideReinstateAccreditation(state, command.body, issuedBy);
    case 'revoke-accreditation':
      return decideRevokeAccreditation(state, command.body, issuedBy);
    case 'rotate-key':
      return decideRotateKey(state, command.body, issuedBy);
    case 'revoke-key':
      return decideRevokeKey(state, command.body, issuedBy);
    case 'register-external-source':
      return decideRegisterExternalSource(state, command.body, issuedBy);
    case 'register-auditor':
      return decideRegisterAuditor(state, command.body, issuedBy);
  }
}
