import { describe, expect, it } from 'vitest';
import { decideRefresh } from './refresh-decision';

const now = new Date('2026-11-28T10:00:00Z');
const later = new Date('2026-12-28T10:00:00Z');
const earlier = new Date('2026-11-28T09:00:00Z');

describe('refresh token decisions', () => {
  it('rotates a live, unused token', () => {
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: later }, now)).toBe('rotate');
  });

  it('treats an already used token as reuse', () => {
    expect(decideRefresh({ usedAt: earlier, revokedAt: null, expiresAt: later }, now)).toBe('reuse');
  });

  it('reports a used token as reuse even once it expired', () => {
    expect(decideRefresh({ usedAt: earlier, revokedAt: null, expiresAt: earlier }, now)).toBe('reuse');
  });

  it('refuses revoked, expired and unknown tokens', () => {
    expect(decideRefresh({ usedAt: earlier, revokedAt: earlier, expiresAt: later }, now)).toBe('revoked');
    expect(decideRefresh({ usedAt: null, revokedAt: earlier, expiresAt: later }, now)).toBe('revoked');
    expect(decideRefresh({ usedAt: null, revokedAt: null, expiresAt: now }, now)).toBe('expired');
    expect(decideRefresh(null, now)).toBe('unknown');
  });
});
