import type { Principal } from '../principals/principal.js';

/**
 * Who manages a principal's keys: an NCB its own and those of its country's agencies; the General
 * Secretariat (any principal of that kind) its own, its analysts', external sources' and auditors'.
 * Nobody manages another country's keys, and the GS never manages an NCB's or an agency's.
 */
export function mayManageKeysOf(issuer: Principal, subject: Principal): boolean {
  switch (subject.kind) {
    case 'ncb':
      return issuer.id === subject.id;
    case 'agency':
      return issuer.kind === 'ncb' && issuer.country === subject.country;
    case 'general-secretariat':
    case 'external-source':
    case 'auditor':
      return issuer.kind === 'general-secretariat';
  }
}
