import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@wildlife/testing';
import { NONCE_SWEEP_GRACE_SECONDS, NonceStore } from '../src/index.js';

describe('the nonces of accepted signed requests', () => {
  let db: TestDatabase;
  let nonces: NonceStore;

  beforeAll(async () => {
    db = await createTestDatabase('kit-nonce-store');
    const pool = db.pool();
    await pool.query(readFileSync(new URL('../migrations/0001_request_nonces.sql', import.meta.url), 'utf8'));
    await pool.end();
    nonces = new NonceStore({ connectionString: db.url, applicationName: 'nonce-store-test' });
  });
  afterAll(async () => {
    await nonces?.close();
    await db?.drop();
  });

  const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

  it('keeps a nonce past its expiry for the grace, so a replay in the window’s last second is still refused', async () => {
    // A request signed 300 s ago passes the window until 300.999 s (whole seconds); its nonce
    // expires at 300 s. A sweep half a second later must leave it.
    const now = new Date();
    const expiresAt = seconds(now) - 1;
    expect(await nonces.claim('key-a', 'edge', expiresAt)).toBe(true);

    await nonces.sweep(now);

    expect(await nonces.claim('key-a', 'edge', expiresAt)).toBe(false);
  });

  it('sweeps a nonce once it expired more than the grace ago, and no sooner', async () => {
    const now = new Date();
    expect(await nonces.claim('key-b', 'long-gone', seconds(now) - NONCE_SWEEP_GRACE_SECONDS - 2)).toBe(true);
    expect(await nonces.claim('key-b', 'within-grace', seconds(now) - NONCE_SWEEP_GRACE_SECONDS + 30)).toBe(true);

    const swept = await nonces.sweep(now);

    expect(swept).toBe(1);
    expect(await nonces.claim('key-b', 'within-grace', seconds(now))).toBe(false);
    expect(await nonces.claim('key-b', 'long-gone', seconds(now))).toBe(true);
  });
});
