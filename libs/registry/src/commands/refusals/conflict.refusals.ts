import { RegistryRefusal } from './registry-refusal.js';

// The command clashes with what the registry already holds. All map to 409.

export class AgencyIsAlreadyRegistered extends RegistryRefusal {
  override readonly name = 'AgencyIsAlreadyRegistered' as const;
  readonly kind = 'conflict' as const;
}

export class ExternalSourceIsAlreadyRegistered extends RegistryRefusal {
  override readonly name = 'ExternalSourceIsAlreadyRegistered' as const;
  readonly kind = 'conflict' as const;
}

export class AuditorIsAlreadyRegistered extends RegistryRefusal {
  override readonly name = 'AuditorIsAlreadyRegistered' as const;
  readonly kind = 'conflict' as const;
}

/** The id is held by a principal of another kind. */
export class PrincipalIdIsAlreadyTaken extends RegistryRefusal {
  override readonly name = 'PrincipalIdIsAlreadyTaken' as const;
  readonly kind = 'conflict' as const;
}

export class KeyIdIsAlreadyTaken extends RegistryRefusal {
  override readonly name = 'KeyIdIsAlreadyTaken' as const;
  readonly kind = 'conflict' as const;
}

/** One public key, one owner: a key shared by two principals would let one sign as the other. */
export class PublicKeyIsAlreadyInUse extends RegistryRefusal {
  override readonly name = 'PublicKeyIsAlreadyInUse' as const;
  readonly kind = 'conflict' as const;
}

export class AccreditationIdIsAlreadyTaken extends RegistryRefusal {
  override readonly name = 'AccreditationIdIsAlreadyTaken' as const;
  readonly kind = 'conflict' as const;
}

export class AccreditationIsAlreadySuspended extends RegistryRefusal {
  override readonly name = 'AccreditationIsAlreadySuspended' as const;
  readonly kind = 'conflict' as const;
}

export class AccreditationIsNotSuspended extends RegistryRefusal {
  override readonly name = 'AccreditationIsNotSuspended' as const;
  readonly kind = 'conflict' as const;
}

export class AccreditationIsAlreadyRevoked extends RegistryRefusal {
  override readonly name = 'AccreditationIsAlreadyRevoked' as const;
  readonly kind = 'conflict' as const;
}

/** It expired, or a later accreditation of the same agency replaced it. */
export class AccreditationHasEnded extends RegistryRefusal {
  override readonly name = 'AccreditationHasEnded' as const;
  readonly kind = 'conflict' as const;
}

export class KeyIsAlreadyRevoked extends RegistryRefusal {
  override readonly name = 'KeyIsAlreadyRevoked' as const;
  readonly kind = 'conflict' as const;
}

export class KeyIsAlreadyRotatedOut extends RegistryRefusal {
  override readonly name = 'KeyIsAlreadyRotatedOut' as const;
  readonly kind = 'conflict' as const;
}

/**
 * A principal revoking, with its own signature, the one key it can still sign with: it could then sign
 * nothing, not even a rotation to a new key, and for an NCB nobody else manages its keys. It rotates
 * the key out instead (and may then revoke the old key, e.g. as compromised).
 */
export class PrincipalMayNotRevokeItsOwnLastValidKey extends RegistryRefusal {
  override readonly name = 'PrincipalMayNotRevokeItsOwnLastValidKey' as const;
  readonly kind = 'conflict' as const;
}

/** Registry facts are kept in time order, so that "as the registry stood at t" has one answer. */
export class CommandIsDatedBeforeTheLatestRegistryFact extends RegistryRefusal {
  override readonly name = 'CommandIsDatedBeforeTheLatestRegistryFact' as const;
  readonly kind = 'conflict' as const;
}
