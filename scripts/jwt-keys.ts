import 'reflect-metadata';
import { generateJwtKeyPair } from '@haven/common';
import { runMain, StartupError } from '@haven/infrastructure';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * `node dist/scripts/jwt-keys.js <private-dir> <public-dir>` (the `keys` service of
 * docker-compose.yml): writes an Ed25519 pair once, the private key where accounts reads it and
 * the public key where the gateway does, so neither needs the other's volume. Keeps existing keys.
 */
runMain(async () => {
  const [privateDirectory, publicDirectory] = process.argv.slice(2);
  if (!privateDirectory || !publicDirectory)
    throw new StartupError('usage: node dist/scripts/jwt-keys.js <private-dir> <public-dir>');
  const privatePath = join(privateDirectory, 'jwt-ed25519.key');
  const publicPath = join(publicDirectory, 'jwt-ed25519.pub');
  if (existsSync(privatePath) && existsSync(publicPath)) {
    console.warn('JWT keys already present');
    return;
  }
  const pair = generateJwtKeyPair();
  writeFileSync(privatePath, pair.privateKeyPem, { mode: 0o600 });
  writeFileSync(publicPath, pair.publicKeyPem, { mode: 0o644 });
  console.warn(`JWT keys written: ${privatePath}, ${publicPath}`);
});
