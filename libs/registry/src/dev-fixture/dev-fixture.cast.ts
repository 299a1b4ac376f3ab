interface Named {
  readonly principalId: string;
  readonly name: string;
}

export interface DevAgency extends Named {
  readonly country: string;
  readonly accredited: boolean;
}

export interface DevFixtureCast {
  readonly generalSecretariat: Named & { readonly principalId: 'gs' };
  readonly analysts: readonly Named[];
  readonly ncbs: readonly (Named & { readonly country: string })[];
  readonly agencies: readonly DevAgency[];
  readonly externalSources: readonly Named[];
  readonly auditors: readonly Named[];
}

/**
 * The development cast: four member countries on four continents, each with its NCB, one agency its
 * NCB accredits for every capability and one it does not; the General Secretariat and an analyst; an
 * external source; an auditor. Real institutions' names on keys made for demos only.
 */
export const DEV_FIXTURE_CAST: DevFixtureCast = {
  generalSecretariat: { principalId: 'gs', name: 'INTERPOL General Secretariat' },
  analysts: [{ principalId: 'gs-analyst-1', name: 'GS criminal intelligence analyst 1' }],
  ncbs: [
    { principalId: 'ncb-fr', country: 'FR', name: 'INTERPOL NCB Paris' },
    { principalId: 'ncb-ke', country: 'KE', name: 'INTERPOL NCB Nairobi' },
    { principalId: 'ncb-br', country: 'BR', name: 'INTERPOL NCB Brasília' },
    { principalId: 'ncb-th', country: 'TH', name: 'INTERPOL NCB Bangkok' },
  ],
  agencies: [
    { principalId: 'fr-ofb', country: 'FR', name: 'Office français de la biodiversité', accredited: true },
    { principalId: 'fr-douane', country: 'FR', name: 'Direction générale des douanes et droits indirects', accredited: false },
    { principalId: 'ke-kws', country: 'KE', name: 'Kenya Wildlife Service', accredited: true },
    { principalId: 'ke-kfs', country: 'KE', name: 'Kenya Forest Service', accredited: false },
    { principalId: 'br-ibama', country: 'BR', name: 'Instituto Brasileiro do Meio Ambiente e dos Recursos Naturais Renováveis (IBAMA)', accredited: true },
    { principalId: 'br-icmbio', country: 'BR', name: 'Instituto Chico Mendes de Conservação da Biodiversidade (ICMBio)', accredited: false },
    { principalId: 'th-dnp', country: 'TH', name: 'Department of National Parks, Wildlife and Plant Conservation (DNP)', accredited: true },
    { principalId: 'th-customs', country: 'TH', name: 'Thai Customs Department', accredited: false },
  ],
  externalSources: [{ principalId: 'ngo-traffic-watch', name: 'Traffic Watch (NGO)' }],
  auditors: [{ principalId: 'auditor-1', name: 'Independent auditor 1' }],
};

/** Every principal id of a cast, trust roots first. */
export function principalIdsOf(cast: DevFixtureCast): string[] {
  return [cast.generalSecretariat, ...cast.analysts, ...cast.ncbs, ...cast.agencies, ...cast.externalSources, ...cast.auditors].map(
    (principal) => principal.principalId,
  );
}

/** The key id of a fixture principal's one key. */
export function devKeyIdOf(principalId: string): string {
  return `${principalId}-key-1`;
}
