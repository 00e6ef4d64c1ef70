import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fieldKey, openField, sealField, sealedKeyId } from './field-crypto.ts';

describe('field encryption', () => {
  const k1 = fieldKey(randomBytes(32));
  const k2 = fieldKey(randomBytes(32));

  it('round-trips and never stores the plaintext', () => {
    const sealed = sealField('123456789012', k1);
    expect(sealed).not.toContain('123456789012');
    expect(sealedKeyId(sealed)).toBe(k1.id);
    expect(openField(sealed, [k1])).toBe('123456789012');
  });

  it('uses a fresh IV each time', () => {
    expect(sealField('42', k1)).not.toBe(sealField('42', k1));
  });

  it('opens values sealed under an older key during rotation', () => {
    const old = sealField('5555', k1);
    expect(openField(old, [k2, k1])).toBe('5555');
    expect(() => openField(old, [k2])).toThrow(/rotated out/);
  });

  it('refuses a tampered value or a relabelled key id', () => {
    const sealed = sealField('98765', k1).split('.');
    const tampered = [...sealed];
    tampered[4] = Buffer.from('00000').toString('base64url');
    expect(() => openField(tampered.join('.'), [k1])).toThrow();
    const relabelled = [...sealed];
    relabelled[1] = k2.id;
    expect(() => openField(relabelled.join('.'), [k1, k2])).toThrow();
  });
});
