import { describe, expect, it } from '@jest/globals';
import { compileSchema } from './schema-validator.js';
import { timestamp } from './schema-fragments.js';
import { isRecordableInstant, recordableInstantMillis, recordableInstantProblem } from './recordable-instant.js';

const timestampViolations = compileSchema(timestamp);

describe('a time a record can hold', () => {
  it('is every time Date#toISOString writes for the years 0001 to 9999, read back to the millisecond', () => {
    const times = [
      '0001-01-01T00:00:00.000Z',
      '0004-02-29T12:00:00.000Z',
      '0999-12-31T23:59:59.999Z',
      '1970-01-01T00:00:00.000Z',
      '2000-02-29T23:59:59.999Z',
      '2025-03-14T14:31:02.000Z',
      '9999-12-31T23:59:59.999Z',
    ].map((text) => new Date(text));
    for (let i = 0; i < 500; i++) times.push(new Date(-62_135_596_800_000 + Math.floor(Math.random() * 315_537_897_600_000)));

    for (const time of times) {
      expect(recordableInstantProblem(time.toISOString())).toBeUndefined();
      expect(recordableInstantMillis(time.toISOString())).toBe(time.getTime());
      expect(timestampViolations(time.toISOString())).toEqual([]);
    }
  });

  it.each([
    ['an offset of +15:59, the widest PostgreSQL takes', '2025-03-14T14:31:02+15:59'],
    ['an offset of -15:59', '2025-03-14T14:31:02-15:59'],
    ['a lower-case t and z', '2025-03-14t14:31:02z'],
    ['a space between date and time (RFC 3339 allows it)', '2025-03-14 14:31:02Z'],
    ['a fraction of nine digits', '2025-03-14T14:31:02.123456789+01:00'],
    ['the last microsecond of 9999', '9999-12-31T23:59:59.999999Z'],
    ['29 February of a leap year', '2024-02-29T00:00:00Z'],
  ])('takes %s', (_case, text) => {
    expect(recordableInstantProblem(text)).toBeUndefined();
    expect(recordableInstantMillis(text)).toBe(Date.parse(text));
    expect(timestampViolations(text)).toEqual([]);
  });

  it.each([
    ['an offset PostgreSQL refuses (+23:59)', '2025-03-14T14:31:02+23:59', 'has a UTC offset beyond ±15:59'],
    ['an offset of +16:00', '2025-03-14T14:31:02+16:00', 'has a UTC offset beyond ±15:59'],
    ['an offset of -16:00', '2025-03-14T14:31:02-16:00', 'has a UTC offset beyond ±15:59'],
    ['an offset with 60 minutes', '2025-03-14T14:31:02+01:60', 'has a UTC offset that does not exist'],
    ['year 0000', '0000-01-01T00:00:00Z', 'falls outside the years 0001 to 9999 (UTC)'],
    ['year 0000 at an offset that puts it in year 1 (UTC): PostgreSQL refuses year 0 as written', '0000-12-31T23:00:00-01:00', 'falls outside the years 0001 to 9999 (UTC)'],
    ['year 1 at an offset that puts it in year 0 (UTC)', '0001-01-01T00:30:00+01:00', 'falls outside the years 0001 to 9999 (UTC)'],
    ['year 9999 at an offset that puts it in year 10000 (UTC)', '9999-12-31T23:30:00-01:00', 'falls outside the years 0001 to 9999 (UTC)'],
    ['a fraction PostgreSQL rounds up into year 10000', '9999-12-31T23:59:59.9999995Z', 'falls outside the years 0001 to 9999 (UTC)'],
    ['a leap second at the end of 9999 (PostgreSQL stores year 10000)', '9999-12-31T23:59:60Z', 'is a leap second'],
    ['a real leap second (Date refuses it)', '2016-12-31T23:59:60Z', 'is a leap second'],
    ['30 February', '2025-02-30T00:00:00Z', 'names a calendar date that does not exist'],
    ['29 February of a common year', '2023-02-29T00:00:00Z', 'names a calendar date that does not exist'],
    ['29 February 2100 (not a leap year)', '2100-02-29T00:00:00Z', 'names a calendar date that does not exist'],
    ['31 April', '2025-04-31T00:00:00Z', 'names a calendar date that does not exist'],
    ['month 13', '2025-13-01T00:00:00Z', 'names a calendar date that does not exist'],
    ['hour 24', '2025-03-14T24:00:00Z', 'names a time of day that does not exist'],
    ['minute 60', '2025-03-14T12:60:00Z', 'names a time of day that does not exist'],
    ['no time zone', '2025-03-14T14:31:02', 'is not an RFC 3339 date-time'],
    ['an offset of hours only (Date refuses it)', '2025-03-14T14:31:02+05', 'is not an RFC 3339 date-time'],
    ['an offset without its colon', '2025-03-14T14:31:02+0530', 'is not an RFC 3339 date-time'],
    ['a no-break space between date and time (PostgreSQL refuses it)', '2025-03-14\u00a014:31:02Z', 'is not an RFC 3339 date-time'],
    ['a line feed between date and time', '2025-03-14\n14:31:02Z', 'is not an RFC 3339 date-time'],
    ['a five-digit year', '+010000-01-01T00:00:00.000Z', 'is not an RFC 3339 date-time'],
    ['a date alone', '2025-03-14', 'is not an RFC 3339 date-time'],
  ])('refuses %s, saying why', (_case, text, why) => {
    expect(recordableInstantProblem(text)).toContain(why);
    expect(isRecordableInstant(text)).toBe(false);
    expect(recordableInstantMillis(text)).toBeUndefined();
    expect(timestampViolations(text)).toEqual([{ path: '/', reason: expect.stringContaining(`must match format "date-time": it ${why}`) }]);
  });

  it('is text: anything else is not one', () => {
    expect(isRecordableInstant(new Date())).toBe(false);
    expect(recordableInstantMillis(Date.now())).toBeUndefined();
  });
});
