import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config.ts';

function problems(env: Record<string, string>): string[] {
  try {
    parseConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('originator settings', () => {
  it('default to a valid demo originator', () => {
    const c = parseConfig({});
    expect(c.originator).toEqual({
      companyName: 'HMS BENEFITS',
      companyId: '1234567890',
      odfiRouting: '121042882',
      immediateDestination: '231380104',
      immediateOrigin: '121042882',
      immediateDestinationName: 'FEDERAL RESERVE BANK',
      immediateOriginName: 'HMS PAYMENTS',
      entryDescription: 'BENEFIT',
      sameDayCutoff: '14:45',
      prenoteWaitDays: 3,
    });
  });

  it('name each bad variable and how to fix it, all at once', () => {
    const p = problems({
      HMS_ACH_ODFI_ROUTING: '121042883',
      HMS_ACH_COMPANY_ID: '123',
      HMS_ACH_SAME_DAY_CUTOFF: '25:00',
      HMS_ACH_PRENOTE_WAIT_DAYS: '0',
      HMS_PREVIOUS_ENCRYPTION_KEYS: 'short',
    });
    expect(p).toEqual([
      expect.stringMatching(/^HMS_ACH_COMPANY_ID must be exactly 10 characters/),
      expect.stringMatching(
        /^HMS_ACH_ODFI_ROUTING must be a 9-digit ABA routing number with a valid check digit/,
      ),
      expect.stringMatching(/^HMS_ACH_SAME_DAY_CUTOFF must be a 24-hour HH:MM time/),
      expect.stringMatching(/^HMS_ACH_PRENOTE_WAIT_DAYS must be a whole number from 1 to 30/),
      expect.stringMatching(
        /^HMS_PREVIOUS_ENCRYPTION_KEYS must be a comma-separated list of base64 32-byte keys/,
      ),
    ]);
  });

  it('take the immediate origin from the ODFI routing unless set', () => {
    expect(parseConfig({ HMS_ACH_ODFI_ROUTING: '011000015' }).originator.immediateOrigin).toBe(
      '011000015',
    );
    expect(
      parseConfig({ HMS_ACH_ODFI_ROUTING: '011000015', HMS_ACH_IMMEDIATE_ORIGIN: '1234567890' })
        .originator.immediateOrigin,
    ).toBe('1234567890');
  });
});
