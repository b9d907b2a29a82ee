import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, UnsecuredJWT } from 'jose';
import { LiveShopServerError } from '../errors.js';
import { loadOrCreateSecret, signToken, verifyToken } from './tokens.js';

const SECRET = 'tokens-test-secret-0123456789abcdef';
const forbidden = (error: unknown) => error instanceof LiveShopServerError && error.code === 'forbidden';

describe('tokens', () => {
  it('round-trips the claims of a host token', async () => {
    const token = await signToken(SECRET, { role: 'host', room: 'demo', name: 'Lulu', sub: 'user-1' });
    assert.deepEqual(await verifyToken(SECRET, token), { role: 'host', room: 'demo', name: 'Lulu', sub: 'user-1' });
  });

  it('refuses a wrong secret, a wrong audience, an expired token and alg none', async () => {
    const key = new TextEncoder().encode(SECRET);
    await assert.rejects(verifyToken(SECRET, await signToken('another-secret-0123456789abc', { role: 'host', room: 'demo' })), forbidden);
    const wrongAudience = await new SignJWT({ role: 'host', room: 'demo' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setAudience('someone-else')
      .sign(key);
    await assert.rejects(verifyToken(SECRET, wrongAudience), forbidden);
    const expired = await new SignJWT({ role: 'host', room: 'demo' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setAudience('live-shop')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    await assert.rejects(verifyToken(SECRET, expired), (e) => forbidden(e) && /expired/.test((e as Error).message));
    const unsigned = new UnsecuredJWT({ role: 'host', room: 'demo' }).setSubject('x').setAudience('live-shop').encode();
    await assert.rejects(verifyToken(SECRET, unsigned), forbidden);
    const hs512 = await new SignJWT({ role: 'host', room: 'demo' })
      .setProtectedHeader({ alg: 'HS512' })
      .setSubject('x')
      .setAudience('live-shop')
      .sign(key);
    await assert.rejects(verifyToken(SECRET, hs512), forbidden);
  });

  it('refuses a validly signed token with bad claims', async () => {
    const key = new TextEncoder().encode(SECRET);
    const admin = await new SignJWT({ role: 'admin', room: 'demo' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setAudience('live-shop')
      .sign(key);
    await assert.rejects(verifyToken(SECRET, admin), forbidden);
    await assert.rejects(verifyToken(SECRET, 'not.a.token'), forbidden);
  });

  it('creates a private secret once per data folder and keeps it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'live-shop-secret-'));
    try {
      const first = await loadOrCreateSecret(dir);
      assert.ok(first.length >= 32);
      assert.equal(await loadOrCreateSecret(dir), first);
      assert.equal((await readFile(join(dir, 'secret'), 'utf8')).trim(), first);
      assert.equal((await stat(join(dir, 'secret'))).mode & 0o077, 0, 'not readable by others');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
