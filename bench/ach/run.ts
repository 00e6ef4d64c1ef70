// Benchmark of @hms/ach: write, and parse + fully validate, a 100,000-entry NACHA file, next to the
// same write done by nach2. Each measurement runs in its own child process so that its peak memory
// (maxRSS) is its own. Run from the repo root: node --import tsx bench/ach/run.ts
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { sampleBenefitBatchHeader, sampleFileHeader } from '../../packages/ach/src/fixtures.ts';
import { parseFile } from '../../packages/ach/src/parse.ts';
import { checkDigit } from '../../packages/ach/src/routing.ts';
import type { AchFile } from '../../packages/ach/src/types.ts';
import { writeFile } from '../../packages/ach/src/write.ts';

const ENTRIES = 100_000;
const BATCHES = 200;
const NACH2_LIMIT_SECONDS = 30;

interface Measurement {
  phase: string;
  entries: number;
  /** Best of the timed runs (or the only run for nach2). */
  seconds: number;
  /** The first (cold) run. */
  coldSeconds: number;
  /** Process peak RSS after the first run, and RSS just before it (input built, runtime loaded). */
  peakRssMB: number;
  rssBeforeMB: number;
}

/** Deterministic input: 200 PPD batches of mixed credits and debits with varied routing numbers. */
function buildModel(entries: number): AchFile {
  const perBatch = Math.ceil(entries / BATCHES);
  const batches: AchFile['batches'] = [];
  let made = 0;
  for (let b = 0; made < entries; b++) {
    const header = sampleBenefitBatchHeader();
    const odfi = header.odfiIdentification;
    const list: AchFile['batches'][number]['entries'] = [];
    for (let i = 0; i < perBatch && made < entries; i++, made++) {
      const first8 = String(10_000_000 + ((made * 7919) % 89_999_999)).padStart(8, '0');
      list.push({
        transactionCode: made % 3 === 0 ? 27 : 22,
        rdfiRouting: first8 + String(checkDigit(first8)),
        dfiAccountNumber: String(100_000_000 + made),
        amount: (made * 137) % 1_000_000,
        individualIdentificationNumber: `ID${made}`,
        individualName: `RECIPIENT ${made}`,
        traceNumber: odfi + String(i + 1).padStart(7, '0'),
      });
    }
    batches.push({ header, entries: list });
  }
  return { header: sampleFileHeader(), batches };
}

const mb = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

function seconds(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}

/** Best of `runs` further timings, so JIT warm-up and GC noise do not dominate. */
function time(fn: () => unknown, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
  }
  return best;
}

async function nach2Write(model: AchFile): Promise<string> {
  const require = createRequire(
    fileURLToPath(new URL('../../packages/ach/package.json', import.meta.url)),
  );
  const nach = require('nach2');
  const h = model.header;
  const file = new nach.File({
    immediateDestination: h.immediateDestination,
    immediateOrigin: h.immediateOrigin,
    immediateDestinationName: h.immediateDestinationName,
    immediateOriginName: h.immediateOriginName,
    referenceCode: 'BENCH',
  });
  for (const b of model.batches) {
    const batch = new nach.Batch({
      serviceClassCode: '200',
      companyName: b.header.companyName,
      standardEntryClassCode: b.header.standardEntryClassCode,
      companyIdentification: b.header.companyIdentification,
      companyEntryDescription: b.header.companyEntryDescription,
      companyDescriptiveDate: 'NOV 26',
      effectiveEntryDate: new Date(Date.UTC(2026, 10, 26)),
      originatingDFI: '121042882',
    });
    for (const e of b.entries) {
      batch.addEntry(
        new nach.Entry({
          receivingDFI: e.rdfiRouting,
          DFIAccount: e.dfiAccountNumber,
          // nach2 takes dollars; it converts to cents itself.
          amount: String(e.amount / 100),
          idNumber: e.individualIdentificationNumber,
          individualName: e.individualName,
          // nach2 refuses an empty discretionary data field.
          discretionaryData: 'A1',
          transactionCode: String(e.transactionCode),
        }),
      );
    }
    file.addBatch(batch);
  }
  return new Promise((resolve) => file.generateFile((text: string) => resolve(text)));
}

async function child(phase: string, entries: number, inputPath: string): Promise<void> {
  const model: AchFile =
    phase === 'parse'
      ? {
          header: {
            immediateDestination: '',
            immediateOrigin: '',
            fileCreationDate: '',
            fileIdModifier: '',
          },
          batches: [],
        }
      : buildModel(entries);
  let best: number;
  let cold: number;
  let rssBefore: number;
  let peak: number;
  if (phase === 'write') {
    rssBefore = process.memoryUsage().rss;
    cold = seconds(() => writeFile(model));
    peak = process.resourceUsage().maxRSS * 1024;
    best = Math.min(
      cold,
      time(() => writeFile(model), 5),
    );
  } else if (phase === 'parse') {
    // The parent wrote the file, so this process never held a model: its peak RSS is the parse's own.
    const input = readFileSync(inputPath, 'latin1');
    const parse = (): void => {
      const r = parseFile(input);
      if (r.errors.length > 0)
        throw new Error(`bench input invalid: ${JSON.stringify(r.errors[0])}`);
    };
    rssBefore = process.memoryUsage().rss;
    cold = seconds(parse);
    peak = process.resourceUsage().maxRSS * 1024;
    best = Math.min(cold, time(parse, 5));
  } else {
    rssBefore = process.memoryUsage().rss;
    const t0 = process.hrtime.bigint();
    await nach2Write(model);
    cold = best = Number(process.hrtime.bigint() - t0) / 1e9;
    peak = process.resourceUsage().maxRSS * 1024;
  }
  const m: Measurement = {
    phase,
    entries,
    seconds: best,
    coldSeconds: cold,
    peakRssMB: mb(peak),
    rssBeforeMB: mb(rssBefore),
  };
  process.stdout.write(JSON.stringify(m));
}

function runChild(phase: string, entries: number, inputPath = ''): Measurement {
  const out = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      fileURLToPath(import.meta.url),
      '--phase',
      phase,
      String(entries),
      inputPath,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(out) as Measurement;
}

function report(label: string, m: Measurement, note = ''): void {
  const rate = Math.round(m.entries / m.seconds).toLocaleString('en-US');
  console.log(
    `${label.padEnd(38)} ${m.entries.toLocaleString('en-US').padStart(7)} entries  ${m.seconds.toFixed(3)} s (cold ${m.coldSeconds.toFixed(3)} s)  ${rate.padStart(10)} entries/s  ` +
      `peak RSS ${m.peakRssMB} MB = ${m.rssBeforeMB} MB before + ${Math.round((m.peakRssMB - m.rssBeforeMB) * 10) / 10} MB for the run${note}`,
  );
}

async function main(): Promise<void> {
  const phaseAt = process.argv.indexOf('--phase');
  if (phaseAt >= 0) {
    await child(
      process.argv[phaseAt + 1]!,
      Number(process.argv[phaseAt + 2]),
      process.argv[phaseAt + 3] ?? '',
    );
    return;
  }
  console.log(
    `@hms/ach benchmark, Node ${process.version}: best of 6 runs, first (cold) run in brackets; nach2 runs once.`,
  );
  console.log(
    'Peak RSS is the whole process (Node, tsx, the input); the second figure is what the first run added.',
  );
  report('@hms/ach writeFile', runChild('write', ENTRIES));
  const dir = mkdtempSync(join(tmpdir(), 'hms-ach-bench-'));
  try {
    const input = join(dir, 'input.ach');
    writeFileSync(input, writeFile(buildModel(ENTRIES)), 'latin1');
    report('@hms/ach parseFile (full validation)', runChild('parse', ENTRIES, input));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  // nach2 is measured on 10,000 entries first; the 100,000 run happens only if it would fit the limit.
  const small = runChild('nach2', ENTRIES / 10);
  const projected = small.seconds * 10;
  if (projected <= NACH2_LIMIT_SECONDS) {
    report('nach2 0.5.1 build + generateFile', runChild('nach2', ENTRIES));
  } else {
    report('nach2 0.5.1 build + generateFile', small);
    console.log(
      `nach2 would take ~${projected.toFixed(1)} s for ${ENTRIES.toLocaleString('en-US')} entries (> ${NACH2_LIMIT_SECONDS} s): ` +
        `ran it on ${small.entries.toLocaleString('en-US')} entries and extrapolated linearly, ~${Math.round(small.entries / small.seconds).toLocaleString('en-US')} entries/s`,
    );
  }
}

await main();
