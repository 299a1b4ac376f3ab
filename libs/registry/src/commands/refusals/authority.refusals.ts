import { RegistryRefusal } from './registry-refusal.js';

// The issuer is not the one the rule names. All map to 403.

export class IssuerIsNotRegistered extends RegistryRefusal {
  override readonly name = 'IssuerIsNotRegistered' as const;
  readonly kind = 'forbidden' as const;
}

export class OnlyTheCountrysNcbMayRegisterItsAgencies extends RegistryRefusal {
  override readonly name = 'OnlyTheCountrysNcbMayRegisterItsAgencies' as const;
  readonly kind = 'forbidden' as const;
}

export class OnlyTheAgencysOwnNcbMayAccreditIt extends RegistryRefusal {
  override readonly name = 'OnlyTheAgencysOwnNcbMayAccreditIt' as const;
  readonly kind = 'forbidden' as const;
}

/** Suspending, reinstating or revoking an accreditation. */
export class OnlyTheAgencysOwnNcbMayChangeItsAccreditation extends RegistryRefusal {
  override readonly name = 'OnlyTheAgencysOwnNcbMayChangeItsAccreditation' as const;
  readonly kind = 'forbidden' as const;
}

/** An NCB manages its own keys and its agencies'; the GS its own, its analysts', external sources' and auditors'. */
export class OnlyTheAuthorityInChargeOfThePrincipalMayManageItsKeys extends RegistryRefusal {
  override readonly name = 'OnlyTheAuthorityInChargeOfThePrincipalMayManageItsKeys' as const;
  readonly kind = 'forbidden' as const;
}

export class OnlyTheGeneralSecretariatRegistersExternalSources extends RegistryRefusal {
  override readonly name = 'OnlyTheGeneralSecretariatRegistersExternalSources' as const;
  readonly kind = 'forbidden' as const;
}

export class OnlyTheGeneralSecretariatRegistersAuditors extends RegistryRefusal {
  override readonly name = 'OnlyTheGeneralSecretariatRegistersAuditors' as const;
  readonly kind = 'forbidden' as const;
}
