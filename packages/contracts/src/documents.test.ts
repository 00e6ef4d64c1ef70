import { describe, expect, it } from 'vitest';
import { sniffDocumentType } from './documents.ts';

describe('sniffDocumentType', () => {
  it('reads the type from the first bytes, not the name', () => {
    expect(sniffDocumentType(new TextEncoder().encode('%PDF-1.7\n...'))).toBe('application/pdf');
    expect(
      sniffDocumentType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])),
    ).toBe('image/png');
    expect(sniffDocumentType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))).toBe(
      'image/jpeg',
    );
  });
  it('refuses everything else, including truncated signatures', () => {
    expect(sniffDocumentType(new TextEncoder().encode('MZ\x90\x00'))).toBeNull();
    expect(sniffDocumentType(new TextEncoder().encode('%PDF'))).toBeNull();
    expect(sniffDocumentType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47]))).toBeNull();
    expect(sniffDocumentType(new Uint8Array())).toBeNull();
  });
});
