import { describe, it, expect } from '@jest/globals';
import { choosePostgres, defaultAdminUrl, embeddedAdminUrl } from './choice.mjs';
import { databaseUrlFor, ensureDatabase, serviceDatabases } from './databases.mjs';

describe('choosePostgres', () => {
  it('uses DATABASE_URL when set, even if the local server answers', () => {
    const choice = choosePostgres({ databaseUrl: 'postgres://u@db:5432/x', defaultAnswers: true, clusterVersions: ['15'] });

    expect(choice).toEqual({ use: 'given', url: 'postgres://u@db:5432/x' });
  });

  it('uses the local server on 5432 when it answers', () => {
    expect(choosePostgres({ databaseUrl: undefined, defaultAnswers: true, clusterVersions: [] })).toEqual({ use: 'running', url: defaultAdminUrl });
  });

  it('starts the newest installed cluster when nothing answers', () => {
    const choice = choosePostgres({ databaseUrl: undefined, defaultAnswers: false, clusterVersions: ['9.6', '15', '13'] });

    expect(choice).toEqual({ use: 'cluster', version: '15', url: defaultAdminUrl });
  });

  it('falls back to the embedded server when no cluster is installed', () => {
    expect(choosePostgres({ databaseUrl: undefined, defaultAnswers: false, clusterVersions: [] })).toEqual({ use: 'embedded' });
    expect(embeddedAdminUrl(54329)).toBe('postgres://postgres@127.0.0.1:54329/postgres');
  });
});

describe('service databases', () => {
  it('gives each of the five services its own database', () => {
    expect(new Set(serviceDatabases).size).toBe(5);
    expect(serviceDatabases).toContain('wildlife_intelligence_dissemination');
  });

  it('derives a database URL on the same server, keeping credentials', () => {
    expect(databaseUrlFor('postgres://postgres:pw@127.0.0.1:5432/postgres', 'wildlife_provenance')).toBe(
      'postgres://postgres:pw@127.0.0.1:5432/wildlife_provenance',
    );
  });

  it('refuses a name that would need quoting before connecting anywhere', async () => {
    await expect(ensureDatabase('postgres://nowhere.invalid/postgres', 'x"; DROP')).rejects.toThrow('must be lower-case');
  });
});
