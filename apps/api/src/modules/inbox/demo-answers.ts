/**
 * Answers for the demo requests of the approval inbox, valid for each seed program's question set, so a reviewer
 * opening a demo request reads a believable application (not an empty answers section). Every person has one home
 * and one business, so addresses repeat only where the seed means them to (the "same address" risk example).
 */
const STREETS = [
  'Maple Street',
  'Cedar Lane',
  'Birch Road',
  'Elm Court',
  'Willow Way',
  'Pine Avenue',
];
const UPGRADES = [
  'heat_pump',
  'insulation',
  'windows',
  'heat_pump_water_heater',
  'smart_thermostat',
];
const BUSINESS_TYPES = ['sole_proprietor', 'partnership', 'llc', 'corporation', 'nonprofit'];
const REFUND_REASONS = ['duplicate', 'overcharged', 'denied'] as const;

/** A small stable number from a name, so each person's made-up details are the same on every seed. */
function seedOf(text: string): number {
  let h = 7;
  for (const ch of text) h = (h * 31 + ch.charCodeAt(0)) % 9973;
  return h;
}

function isoDaysBefore(date: Date, days: number): string {
  return new Date(date.getTime() - days * 86_400_000).toISOString().slice(0, 10);
}

export function demoAnswers(
  programSlug: string,
  applicant: { name: string; email: string },
  amountCents: number,
  submittedAt: Date,
): Record<string, unknown> {
  const s = seedOf(applicant.name);
  const pick = <T>(list: readonly T[]) => list[s % list.length]!;
  const phone = `+1202555${String(1000 + (s % 9000)).padStart(4, '0')}`;
  switch (programSlug) {
    case 'home-energy-rebate':
      return {
        householdSize: 1 + (s % 5),
        householdIncome: 4_200_000 + (s % 60) * 100_000,
        homeAddress: `${100 + (s % 800)} ${pick(STREETS)}`,
        homeZip: `200${String(10 + (s % 80)).padStart(2, '0')}`,
        ownership: 'own',
        upgradeType: pick(UPGRADES),
        installationDate: isoDaysBefore(submittedAt, 20 + (s % 40)),
        contractorName: 'Capitol Home Energy LLC',
        upgradeCost: amountCents * 2,
        requestedAmount: amountCents,
        contactEmail: applicant.email,
        contactPhone: phone,
      };
    case 'permit-fee-refund': {
      const reason = REFUND_REASONS[s % REFUND_REASONS.length]!;
      return {
        permitNumber: `BP-2026-${String(10_000 + s).slice(-5)}`,
        datePaid: isoDaysBefore(submittedAt, 30 + (s % 60)),
        amountPaid: amountCents,
        refundReason: reason,
        ...(reason === 'denied'
          ? {}
          : {
              reasonDetails:
                reason === 'duplicate'
                  ? 'The fee was charged twice on the same day; both charges are on my card statement.'
                  : 'I was charged the commercial rate for a residential permit.',
            }),
        applicantName: applicant.name,
        contactEmail: applicant.email,
        contactPhone: phone,
      };
    }
    case 'small-business-relief':
      return {
        legalName: `${applicant.name.split(' ')[1]} Family Bakery LLC`,
        ein: `${String(10 + (s % 89))}-${String(1_000_000 + s * 97).slice(-7)}`,
        businessType: pick(BUSINESS_TYPES),
        dateEstablished: isoDaysBefore(submittedAt, 2_000 + (s % 1_000)),
        employees: 3 + (s % 20),
        revenueLastYear: 32_000_000 + (s % 50) * 1_000_000,
        revenueLossPercent: 25 + (s % 40),
        impactDescription:
          'Road works closed our street for four months and walk-in sales fell by more than a third.',
        useOfFunds: ['payroll', 'rent'],
        requestedAmount: amountCents,
        contactName: applicant.name,
        contactEmail: applicant.email,
        contactPhone: phone,
        certification: true,
      };
    default:
      return {};
  }
}
