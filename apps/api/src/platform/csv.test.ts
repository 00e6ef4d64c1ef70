import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './csv.ts';

describe('CSV writer', () => {
  it('neutralises cells a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    expect(csvCell('=HYPERLINK("http://evil.example","x")')).toBe(
      `"'=HYPERLINK(""http://evil.example"",""x"")"`,
    );
    expect(csvCell('+1+cmd|/C calc!A0')).toBe("'+1+cmd|/C calc!A0");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1:A2)')).toBe("'@SUM(A1:A2)");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
  });

  it('leaves plain numbers, ordinary text and inner signs alone, and quotes per RFC 4180', () => {
    expect(csvCell(-1250)).toBe('-1250');
    expect(csvCell('-12.50')).toBe('-12.50');
    expect(csvCell('12.50')).toBe('12.50');
    expect(csvCell('a=b')).toBe('a=b');
    expect(csvCell('Smith, Jo')).toBe('"Smith, Jo"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(null)).toBe('');
    expect(
      toCsv([
        ['a', '=1'],
        [2, 'b'],
      ]),
    ).toBe("a,'=1\r\n2,b\r\n");
  });
});
