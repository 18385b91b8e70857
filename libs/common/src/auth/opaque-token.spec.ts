import { describe, expect, it } from 'vitest';
import { generateOpaqueToken, hashToken, looksLikeOpaqueToken } from './opaque-token';

describe('opaque tokens', () => {
  it('are 32 random bytes in base64url, stored only as a SHA-256 digest', () => {
    const token = generateOpaqueToken();
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(looksLikeOpaqueToken(token)).toBe(true);
    expect(generateOpaqueToken()).not.toBe(token);
    const digest = hashToken(token);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    expect(digest).not.toContain(token);
    expect(hashToken(token)).toBe(digest);
  });

  it('rejects anything else before a database lookup', () => {
    for (const bad of ['', 'short', 'x'.repeat(44), 'a'.repeat(42) + '=', 42, null]) {
      expect(looksLikeOpaqueToken(bad)).toBe(false);
    }
  });
});
