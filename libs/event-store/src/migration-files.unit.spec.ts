import { describe, expect, it } from '@jest/globals';
import { MigrationFileNameIsInvalid, MigrationVersionIsDuplicated } from './migration.errors.js';
import { checksumOf, orderMigrationFiles } from './migration-files.js';

const file = (fileName: string, sql = 'SELECT 1;') => ({ fileName, contents: Buffer.from(sql) });

describe('ordering migration files', () => {
  it('orders by version number, not by name', () => {
    const files = orderMigrationFiles('svc', [file('10_later.sql'), file('0002_second.sql'), file('1_first.sql')]);
    expect(files.map((f) => [f.version, f.name])).toEqual([
      [1, 'first'],
      [2, 'second'],
      [10, 'later'],
    ]);
  });

  it('ignores files that are not .sql', () => {
    expect(orderMigrationFiles('svc', [file('README.md'), file('0001_a.sql')]).map((f) => f.fileName)).toEqual([
      '0001_a.sql',
    ]);
  });

  it('refuses a .sql file without a version prefix, naming it', () => {
    expect(() => orderMigrationFiles('svc', [file('create_tables.sql')])).toThrow(MigrationFileNameIsInvalid);
    expect(() => orderMigrationFiles('svc', [file('create_tables.sql')])).toThrow(/svc\/create_tables\.sql/);
  });

  it('refuses two files with one version', () => {
    expect(() => orderMigrationFiles('svc', [file('0001_a.sql'), file('1_b.sql')])).toThrow(MigrationVersionIsDuplicated);
  });

  it('records the sha-256 of the exact bytes, so any edit changes it', () => {
    const [original] = orderMigrationFiles('svc', [file('0001_a.sql', 'CREATE TABLE a (id int);')]);
    const [edited] = orderMigrationFiles('svc', [file('0001_a.sql', 'CREATE TABLE a (id int); ')]);
    expect(original!.checksum).toBe(checksumOf(Buffer.from('CREATE TABLE a (id int);')));
    expect(original!.checksum).toMatch(/^[0-9a-f]{64}$/);
    expect(edited!.checksum).not.toBe(original!.checksum);
  });
});
