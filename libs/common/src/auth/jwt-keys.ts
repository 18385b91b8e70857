import { generateKeyPairSync } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export interface JwtKeyPair {
  privateKeyPem: string;
  publicKeyPem: string;
}

export const JWT_ALGORITHM = 'EdDSA';
export const JWT_ISSUER = 'haven-accounts';
export const JWT_AUDIENCE = 'haven';

/** PEM from an environment variable, where newlines may have been written as `\n`. */
export function pemFromEnv(value: string | undefined): string | undefined {
  return value ? value.replace(/\\n/g, '\n') : undefined;
}

/** A new Ed25519 pair: PKCS#8 private key and SPKI public key, both PEM. */
export function generateJwtKeyPair(): JwtKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return { privateKeyPem: privateKey, publicKeyPem: publicKey };
}

/**
 * Development keys: an Ed25519 pair generated once into `var/keys/` (git-ignored) and shared by
 * every process started from the checkout. Production must set JWT_PRIVATE_KEY / JWT_PUBLIC_KEY.
 */
export function loadOrCreateDevelopmentKeys(directory = resolve(process.cwd(), 'var/keys')): JwtKeyPair {
  const privatePath = resolve(directory, 'jwt-ed25519.key');
  const publicPath = resolve(directory, 'jwt-ed25519.pub');
  try {
    return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPem: readFileSync(publicPath, 'utf8') };
  } catch {
    const pair = generateJwtKeyPair();
    mkdirSync(dirname(privatePath), { recursive: true });
    try {
      writeFileSync(privatePath, pair.privateKeyPem, { flag: 'wx', mode: 0o600 });
      writeFileSync(publicPath, pair.publicKeyPem, { flag: 'w' });
      return pair;
    } catch {
      // Another process won the race to create them; use theirs.
      return { privateKeyPem: readFileSync(privatePath, 'utf8'), publicKeyPem: readFileSync(publicPath, 'utf8') };
    }
  }
}
