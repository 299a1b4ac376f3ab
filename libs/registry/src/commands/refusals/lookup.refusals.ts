import { RegistryRefusal } from './registry-refusal.js';

// The command names something the registry does not hold. All map to 404.

export class AgencyIsNotRegistered extends RegistryRefusal {
  override readonly name = 'AgencyIsNotRegistered' as const;
  readonly kind = 'not-found' as const;
}

export class PrincipalIsNotRegistered extends RegistryRefusal {
  override readonly name = 'PrincipalIsNotRegistered' as const;
  readonly kind = 'not-found' as const;
}

/** Also when the accreditation exists but belongs to another agency. */
export class AgencyHasNoSuchAccreditation extends RegistryRefusal {
  override readonly name = 'AgencyHasNoSuchAccreditation' as const;
  readonly kind = 'not-found' as const;
}

/** Also when the key exists but belongs to another principal. */
export class PrincipalHasNoSuchKey extends RegistryRefusal {
  override readonly name = 'PrincipalHasNoSuchKey' as const;
  readonly kind = 'not-found' as const;
}
