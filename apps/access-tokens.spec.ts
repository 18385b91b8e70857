import { loadConfig } from '@haven/infrastructure';
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenVerifier } from './gateway/src/auth/token-verifier';
import { AccountsConfig } from './accounts/src/config/accounts.config';
import { AccessTokenSigner } from './accounts/src/auth/access-token.signer';

function keyPair(): { privateKey: string; publicKey: string } {
  return generateKeyPairSync('ed25519', {
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
}

async function signerWith(privateKey: string, ttl = '900'): Promise<AccessTokenSigner> {
  const config = loadConfig(AccountsConfig, {
    NODE_ENV: 'test',
    JWT_PRIVATE_KEY: privateKey.replace(/\n/g, '\\n'),
    ACCESS_TOKEN_TTL_SECONDS: ttl,
  });
  const signer = new AccessTokenSigner(config);
  await signer.onModuleInit();
  return signer;
}

describe('access tokens', () => {
  it('are accepted by the gateway verifier with the matching public key', async () => {
    const { privateKey, publicKey } = keyPair();
    const signer = await signerWith(privateKey);
    const token = await signer.sign('6d7a6b16-765d-4a90-844f-a7672fde1937', ['client', 'finance'], 3);
    const verified = await new TokenVerifier(publicKey).verify(token);
    expect(verified).toEqual({
      actor: { userId: '6d7a6b16-765d-4a90-844f-a7672fde1937', roles: ['client', 'finance'] },
      rightsVersion: 3,
    });
  });

  it('are refused under another key', async () => {
    const signer = await signerWith(keyPair().privateKey);
    const token = await signer.sign('6d7a6b16-765d-4a90-844f-a7672fde1937', ['admin'], 0);
    expect(await new TokenVerifier(keyPair().publicKey).verify(token)).toBeUndefined();
  });

  it('expire after ACCESS_TOKEN_TTL_SECONDS', async () => {
    const signer = await signerWith(keyPair().privateKey, '120');
    const token = await signer.sign('6d7a6b16-765d-4a90-844f-a7672fde1937', ['client'], 0);
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims.exp - claims.iat).toBe(120);
    expect(signer.ttlSeconds).toBe(120);
  });

  it('stop the service at boot when the configured key is not a key', async () => {
    await expect(signerWith('-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----')).rejects.toThrow(
      /JWT_PRIVATE_KEY/,
    );
  });
});
