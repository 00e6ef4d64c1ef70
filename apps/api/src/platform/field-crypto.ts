import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for sensitive fields (bank account numbers). The stored form names the key it was sealed with
 * (`v1.<keyId>.<iv>.<tag>.<ciphertext>`, base64url parts), so keys can be rotated: old values stay readable with
 * the old key until a re-encryption pass moves them to the new one.
 */
export interface FieldKey {
  id: string;
  key: Buffer;
}

/** A stable, non-secret id for a key: the first 12 hex characters of its SHA-256. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 12);
}

export function fieldKey(key: Buffer): FieldKey {
  if (key.length !== 32) throw new Error('An AES-256 key is 32 bytes.');
  return { id: keyIdOf(key), key };
}

export function sealField(plaintext: string, { id, key }: FieldKey): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  // The key id is authenticated too, so a value cannot be relabelled to another key.
  cipher.setAAD(Buffer.from(id));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [
    'v1',
    id,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    ct.toString('base64url'),
  ].join('.');
}

export function sealedKeyId(sealed: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1' || !parts[1])
    throw new Error('Not a sealed field value.');
  return parts[1];
}

/** Opens a value sealed under any of the given keys (the current one and any not yet rotated out). */
export function openField(sealed: string, keys: readonly FieldKey[]): string {
  const [, id, iv, tag, ct] = sealed.split('.');
  const key = keys.find((k) => k.id === sealedKeyId(sealed));
  if (!key || !iv || !tag || ct === undefined)
    throw new Error(`No key ${id} to open this value; was it rotated out?`);
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(key.id));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString(
    'utf8',
  );
}
