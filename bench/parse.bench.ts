// bench:parse: parseShowUnreg on generated `show unreg` transcripts, next to
// fast-xml-parser alone on the same alarm blocks, in the same run.
// `npm run bench:parse` (builds first). Figures go to docs/performance.md.
import { isDeepStrictEqual } from 'node:util';
import { parseShowUnreg } from '../src/parser/show-unreg.js';
import { generateAlarms, generatePhone, seededRandom } from '../src/simulator/alarm-generator.js';
import { formatShowUnreg } from '../src/simulator/show-unreg-text.js';
import { createReferenceXmlParser, referenceAlarm } from '../test/helpers/reference-xml-parser.js';
import { type Measurement, machineDescription, measure } from './measure.js';

const TRANSCRIPTS = 10_000;
const SEED = 20_240_610;
const RUNS = 5;
const BLOCK = /<x-cisco-alarm>[\s\S]*?<\/x-cisco-alarm>/g;

interface Corpus {
  readonly transcripts: string[];
  /** Every `<x-cisco-alarm>...</x-cisco-alarm>` of the transcripts, in order. */
  readonly blocks: string[];
  readonly alarms: number;
}

/** TRANSCRIPTS phones with one to five alarms each, always the same for the same seed. */
function generateCorpus(): Corpus {
  const random = seededRandom(SEED);
  const transcripts: string[] = [];
  let alarms = 0;
  for (let index = 0; index < TRANSCRIPTS; index += 1) {
    const phone = generatePhone(index, random);
    const phoneAlarms = generateAlarms(phone, 1 + Math.floor(random() * 5), random);
    alarms += phoneAlarms.length;
    transcripts.push(formatShowUnreg(phoneAlarms));
  }
  const blocks = transcripts.flatMap((text) => text.match(BLOCK) ?? []);
  return { transcripts, blocks, alarms };
}

function megabytes(texts: readonly string[]): number {
  return texts.reduce((sum, text) => sum + Buffer.byteLength(text, 'utf8'), 0) / 1e6;
}

/** Both parsers must read every alarm, and the same parameters, before any figure counts. */
function checkAgreement(corpus: Corpus): void {
  const reference = createReferenceXmlParser();
  let blockIndex = 0;
  for (const text of corpus.transcripts) {
    const parsed = parseShowUnreg(text);
    if (parsed.failure !== null || parsed.warnings.length > 0)
      throw new Error(`transcript not clean: ${parsed.warnings}`);
    for (const alarm of parsed.alarms) {
      const theirs = referenceAlarm(reference.parse(corpus.blocks[blockIndex] ?? ''));
      blockIndex += 1;
      if (!isDeepStrictEqual(theirs, { name: alarm.name, params: alarm.params })) {
        throw new Error(`parsers disagree on block ${blockIndex}`);
      }
    }
  }
  if (blockIndex !== corpus.alarms || corpus.blocks.length !== corpus.alarms) throw new Error('alarm counts differ');
}

interface Row {
  readonly label: string;
  readonly input: string;
  readonly megabytes: number;
  readonly alarms: number;
  readonly time: Measurement;
}

function rate(amount: number, ms: number): number {
  return amount / (ms / 1000);
}

function printRows(rows: readonly Row[]): void {
  console.log('| parser | input | MB | alarms | median s | MB/s | alarms/s |');
  console.log('|---|---|---:|---:|---:|---:|---:|');
  for (const row of rows) {
    const cells = [
      row.label,
      row.input,
      row.megabytes.toFixed(1),
      String(row.alarms),
      (row.time.medianMs / 1000).toFixed(3),
      rate(row.megabytes, row.time.medianMs).toFixed(1),
      Math.round(rate(row.alarms, row.time.medianMs)).toLocaleString('en-US'),
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
}

function main(): void {
  for (const line of machineDescription()) console.log(line);
  const corpus = generateCorpus();
  checkAgreement(corpus);
  const reference = createReferenceXmlParser();
  const ours = measure(
    () => {
      let alarms = 0;
      for (const text of corpus.transcripts) alarms += parseShowUnreg(text).alarms.length;
      if (alarms !== corpus.alarms) throw new Error('parseShowUnreg lost alarms');
      return alarms;
    },
    { runs: RUNS },
  );
  const theirs = measure(
    () => {
      let parsed = 0;
      for (const block of corpus.blocks) if (reference.parse(block) !== undefined) parsed += 1;
      if (parsed !== corpus.alarms) throw new Error('fast-xml-parser lost blocks');
      return parsed;
    },
    { runs: RUNS },
  );
  console.log(`${TRANSCRIPTS} transcripts, ${corpus.alarms} alarms, warm-up 1 + median of ${RUNS} runs each`);
  const rows: Row[] = [
    {
      label: 'parseShowUnreg',
      input: 'whole transcripts',
      megabytes: megabytes(corpus.transcripts),
      alarms: corpus.alarms,
      time: ours,
    },
    {
      label: 'fast-xml-parser XMLParser',
      input: 'alarm blocks only',
      megabytes: megabytes(corpus.blocks),
      alarms: corpus.alarms,
      time: theirs,
    },
  ];
  printRows(rows);
  const ratio = theirs.medianMs / ours.medianMs;
  console.log(
    `runs (ms): parseShowUnreg ${ours.runsMs.map((ms) => ms.toFixed(0)).join(', ')}; fast-xml-parser ${theirs.runsMs.map((ms) => ms.toFixed(0)).join(', ')}`,
  );
  console.log(
    `alarms/s ratio parseShowUnreg / fast-xml-parser: ${ratio.toFixed(2)} (target: at least 0.5) ${ratio >= 0.5 ? 'met' : 'NOT MET'}`,
  );
  if (ratio < 0.5) process.exitCode = 1;
}

main();
