/**
 * The five support capabilities of the notification (2.1 to 2.5), the units an accreditation's
 * scope is made of. Same values as `SUPPORT_CAPABILITIES` in `@wildlife/contracts` (a unit test
 * keeps them equal; this library does not depend on the contracts at run time).
 */
export const CAPABILITIES = [
  'information-sharing',
  'best-practice-guidance',
  'operational-support',
  'capacity-building',
  'expert-network',
] as const;

export type Capability = (typeof CAPABILITIES)[number];

export function isCapability(value: unknown): value is Capability {
  return typeof value === 'string' && (CAPABILITIES as readonly string[]).includes(value);
}
