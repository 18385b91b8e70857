import { isIP } from 'node:net';

/** What Express's `trust proxy` gets: a hop count or the trusted proxies' networks; `false` trusts none. */
export type TrustProxySetting = false | number | string[];

const MAX_HOPS = 10;
/** Express's names for the loopback, link-local and private ranges. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);
const TRUST_ANYONE = new Set(['true', '*', 'any', 'all', 'yes', 'on']);
const TRUST_NONE = new Set(['', 'false', 'none', 'no', 'off', '0']);

/**
 * Parses TRUST_PROXY: a hop count (`1`, `2`: the proxies directly in front of the gateway) or a
 * comma-separated list of trusted proxy addresses and networks (`10.0.0.0/8, 127.0.0.1`,
 * `loopback`). Unset trusts no proxy: X-Forwarded-For is then ignored. Trusting every hop is
 * refused, because any client could then choose its own address (and its rate-limit budget).
 * Returns the setting, or a readable problem.
 */
export function parseTrustProxy(raw: string | undefined): { setting: TrustProxySetting } | { problem: string } {
  const value = (raw ?? '').trim().toLowerCase();
  if (TRUST_NONE.has(value)) return { setting: false };
  if (TRUST_ANYONE.has(value)) {
    return {
      problem: `"${value}" would let any client choose its own address through X-Forwarded-For; give the number of proxy hops in front of the gateway (1, 2) or the proxies' networks (10.0.0.0/8,127.0.0.1)`,
    };
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > MAX_HOPS) return { problem: `a hop count must be between 1 and ${MAX_HOPS}` };
    return { setting: hops };
  }
  const entries = value.split(',').map((entry) => entry.trim());
  const bad = entries.filter((entry) => !isTrustedNetwork(entry));
  if (bad.length > 0) {
    return {
      problem: `must be a hop count (1, 2) or a comma-separated list of IP addresses, CIDR networks or loopback/linklocal/uniquelocal; not understood: ${bad.map((entry) => `"${entry}"`).join(', ')}`,
    };
  }
  return { setting: entries };
}

function isTrustedNetwork(entry: string): boolean {
  if (NAMED_RANGES.has(entry)) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  // A network of every address is "trust anyone" in disguise.
  const bits = Number(prefix);
  return bits >= 1 && bits <= (version === 4 ? 32 : 128);
}
