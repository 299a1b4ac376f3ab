import { RegistryRefusal } from './registry-refusal.js';

// A value in the command is unusable whatever the registry holds. All map to 422.

export class PrincipalIdIsMalformed extends RegistryRefusal {
  override readonly name = 'PrincipalIdIsMalformed' as const;
  readonly kind = 'invalid' as const;
}

/** `gs`, `gs-…` and `ncb-…` belong to the trust roots. */
export class PrincipalIdIsReserved extends RegistryRefusal {
  override readonly name = 'PrincipalIdIsReserved' as const;
  readonly kind = 'invalid' as const;
}

export class AccreditationIdIsMalformed extends RegistryRefusal {
  override readonly name = 'AccreditationIdIsMalformed' as const;
  readonly kind = 'invalid' as const;
}

export class CountryCodeIsNotAssigned extends RegistryRefusal {
  override readonly name = 'CountryCodeIsNotAssigned' as const;
  readonly kind = 'invalid' as const;
}

export class NameMustBeGiven extends RegistryRefusal {
  override readonly name = 'NameMustBeGiven' as const;
  readonly kind = 'invalid' as const;
}

export class ReasonMustBeGiven extends RegistryRefusal {
  override readonly name = 'ReasonMustBeGiven' as const;
  readonly kind = 'invalid' as const;
}

export class KeyIdIsMalformed extends RegistryRefusal {
  override readonly name = 'KeyIdIsMalformed' as const;
  readonly kind = 'invalid' as const;
}

export class PublicKeyIsNotAnEd25519Key extends RegistryRefusal {
  override readonly name = 'PublicKeyIsNotAnEd25519Key' as const;
  readonly kind = 'invalid' as const;
}

export class TimeIsMalformed extends RegistryRefusal {
  override readonly name = 'TimeIsMalformed' as const;
  readonly kind = 'invalid' as const;
}

/** Empty, repeated or unknown capabilities. */
export class AccreditationScopeMustListKnownCapabilities extends RegistryRefusal {
  override readonly name = 'AccreditationScopeMustListKnownCapabilities' as const;
  readonly kind = 'invalid' as const;
}

export class AccreditationMustEndAfterItStarts extends RegistryRefusal {
  override readonly name = 'AccreditationMustEndAfterItStarts' as const;
  readonly kind = 'invalid' as const;
}

export class AccreditationMustEndInTheFuture extends RegistryRefusal {
  override readonly name = 'AccreditationMustEndInTheFuture' as const;
  readonly kind = 'invalid' as const;
}

export class KeyRevocationReasonIsUnknown extends RegistryRefusal {
  override readonly name = 'KeyRevocationReasonIsUnknown' as const;
  readonly kind = 'invalid' as const;
}

/** `compromisedSince` given with another reason than `compromised`. */
export class OnlyACompromisedKeyHasACompromiseDate extends RegistryRefusal {
  override readonly name = 'OnlyACompromisedKeyHasACompromiseDate' as const;
  readonly kind = 'invalid' as const;
}

export class CompromiseCannotStartAfterTheRevocation extends RegistryRefusal {
  override readonly name = 'CompromiseCannotStartAfterTheRevocation' as const;
  readonly kind = 'invalid' as const;
}
