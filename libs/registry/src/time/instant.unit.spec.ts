import { describe, expect, it } from '@jest/globals';
import { epochMillisOf, InstantIsMalformed, isoOf, toEpochMillis } from '../index.js';

describe('an instant', () => {
  it.each([
    ['UTC', '2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['an offset and a fraction', '2026-03-01T10:30:00.250+01:00', '2026-03-01T09:30:00.250Z'],
    ['the first moment of year 0001 in UTC', '0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
    ['the last moment of year 9999 in UTC', '9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
    ['year 0000 where the offset brings it into year 0001', '0000-12-31T23:30:00-01:00', '0001-01-01T00:30:00.000Z'],
    ['29 February of a leap year', '2028-02-29T23:30:00+05:30', '2028-02-29T18:00:00.000Z'],
    ['an offset that moves it into the next day', '2030-02-28T23:30:00-01:00', '2030-03-01T00:30:00.000Z'],
  ])('is read from an RFC 3339 timestamp with %s', (_case, text, iso) => {
    expect(isoOf(epochMillisOf(text)!)).toBe(iso);
  });

  it.each([
    ['no zone', '2026-03-01T09:30:00'],
    ['a space for the T', '2026-03-01 09:30:00Z'],
    ['not a time', 'tomorrow'],
    ['year 0000 in UTC, though RFC 3339 writes it', '0000-01-01T00:00:00+01:00'],
    ['year 10000 in UTC, though RFC 3339 writes it', '9999-12-31T23:59:59-23:59'],
    ['a day that does not exist (30 February)', '2030-02-30T00:00:00Z'],
    ['29 February of a year that is not a leap year', '2029-02-29T12:00:00+01:00'],
    ['31 April', '2030-04-31T00:00:00Z'],
    ['month 13', '2030-13-01T00:00:00Z'],
    ['hour 24', '2030-01-01T24:00:00Z'],
    ['minute 60', '2030-01-01T10:60:00Z'],
  ])('is not read from a timestamp with %s', (_case, text) => {
    expect(epochMillisOf(text)).toBeUndefined();
    expect(() => toEpochMillis(text)).toThrow(InstantIsMalformed);
  });

  it('is a Date of the years 0001 to 9999 in UTC, and no other', () => {
    expect(epochMillisOf(new Date('2026-03-01T09:30:00Z'))).toBe(Date.parse('2026-03-01T09:30:00Z'));
    expect(epochMillisOf(new Date(Number.NaN))).toBeUndefined();
    expect(epochMillisOf(new Date(Date.parse('0001-01-01T00:00:00Z') - 1))).toBeUndefined();
    expect(epochMillisOf(new Date(Date.parse('9999-12-31T23:59:59.999Z') + 1))).toBeUndefined();
  });

  it('gives the same answers asked again, in any order (recent answers are kept)', () => {
    const texts = ['2026-03-01T09:30:00Z', '2030-02-30T00:00:00Z', '2026-03-01T10:30:00.250+01:00', 'tomorrow'];
    const first = texts.map((text) => epochMillisOf(text));
    for (const text of [...texts, ...[...texts].reverse(), texts[0]!, texts[0]!]) expect(epochMillisOf(text)).toBe(first[texts.indexOf(text)]);
    const millis = Array.from({ length: 200 }, (_, i) => Date.parse('2026-03-01T00:00:00Z') + i * 86_399_999);
    for (const m of [...millis, ...millis]) expect(isoOf(m)).toBe(new Date(m).toISOString());
    expect(() => isoOf(Number.NaN)).toThrow(RangeError);
  });
});
