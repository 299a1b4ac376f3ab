import { describe, expect, it } from '@jest/globals';
import { DEFAULT_PERMIT_VALIDITY_DAYS, permitExpiryOf } from './direct-contact-permit.js';
import { PermitValidityIsOutOfRange } from './endorsement.errors.js';

describe('the expiry of a direct-contact permit', () => {
  it('falls 180 days after its issue by default', () => {
    expect(DEFAULT_PERMIT_VALIDITY_DAYS).toBe(180);
    expect(permitExpiryOf('2025-03-14T14:31:02.000Z')).toBe('2025-09-10T14:31:02.000Z');
  });

  it('is given in UTC whatever offset the issue time was written with', () => {
    expect(permitExpiryOf('2025-03-14T15:31:02+01:00', 1)).toBe('2025-03-15T14:31:02.000Z');
  });

  it.each([1, 365])('accepts %s days', (days) => {
    expect(() => permitExpiryOf('2025-03-14T14:31:02.000Z', days)).not.toThrow();
  });

  it.each([0, -1, 366, 1.5, Number.NaN])('refuses %s days', (days) => {
    expect(() => permitExpiryOf('2025-03-14T14:31:02.000Z', days)).toThrow(PermitValidityIsOutOfRange);
  });
});
