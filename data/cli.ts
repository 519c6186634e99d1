/**
 * `npm run data:generate`: writes the committed sample, checks it, or writes a large org.
 *
 *   npm run data:generate                        writes data/sample-data.json
 *   npm run data:generate -- --check             fails when the committed file is stale
 *   npm run data:generate -- --scale enterprise  writes data/scale/enterprise.json (git-ignored)
 *
 * A large org is a few hundred megabytes of JSON, so it is written one record per line as it
 * is serialised; the preview and the benchmarks generate it in memory instead of reading it.
 */
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from './dataset';
import { generateDataset, serializeDataset } from './generate';
import { isScaleName, SCALE_NAMES } from './scales';

export const SAMPLE_DATA_PATH = fileURLToPath(new URL('./sample-data.json', import.meta.url));
/** Where `--scale <name>` writes; git-ignored. */
export const SCALE_DATA_DIR = fileURLToPath(new URL('./scale', import.meta.url));

/** The value after a `--flag`, or undefined. */
function option(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  return index >= 0 ? argv[index + 1] : undefined;
}

function counts(dataset: Dataset): string {
  return Object.entries(dataset.records)
    .map(([name, rows]) => `${name} ${rows.length.toLocaleString('en-US')}`)
    .join(', ');
}

/** The dataset in serializeDataset's layout, written line by line (no single huge string). */
export function writeDataset(path: string, dataset: Dataset): void {
  const fd = openSync(path, 'w');
  try {
    const chunk: string[] = [];
    const flush = (): void => {
      if (chunk.length > 0) writeSync(fd, chunk.join(''));
      chunk.length = 0;
    };
    chunk.push(`{\n  "meta": ${JSON.stringify(dataset.meta)},\n  "records": {\n`);
    const objects = Object.keys(dataset.records);
    objects.forEach((objectApiName, objectIndex) => {
      const rows = dataset.records[objectApiName];
      chunk.push(`    ${JSON.stringify(objectApiName)}: [\n`);
      rows.forEach((row, index) => {
        chunk.push(`      ${JSON.stringify(row)}${index < rows.length - 1 ? ',' : ''}\n`);
        if (chunk.length >= 10_000) flush();
      });
      chunk.push(`    ]${objectIndex < objects.length - 1 ? ',' : ''}\n`);
    });
    chunk.push('  }\n}\n');
    flush();
  } finally {
    closeSync(fd);
  }
}

function main(argv: readonly string[]): number {
  const scale = option(argv, '--scale');
  if (scale !== undefined) {
    if (!isScaleName(scale)) {
      console.error(`Unknown scale "${scale}": use one of ${SCALE_NAMES.join(', ')}.`);
      return 1;
    }
    const started = Date.now();
    const dataset = generateDataset({ scale });
    mkdirSync(SCALE_DATA_DIR, { recursive: true });
    const path = join(SCALE_DATA_DIR, `${scale}.json`);
    writeDataset(path, dataset);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Wrote ${path} in ${seconds} s: ${counts(dataset)}`);
    return 0;
  }
  const text = serializeDataset(generateDataset());
  if (argv.includes('--check')) {
    if (readFileSync(SAMPLE_DATA_PATH, 'utf8') !== text) {
      console.error('data/sample-data.json is stale: run `npm run data:generate`.');
      return 1;
    }
    console.log('data/sample-data.json is up to date.');
    return 0;
  }
  writeFileSync(SAMPLE_DATA_PATH, text);
  console.log(`Wrote ${SAMPLE_DATA_PATH}: ${counts(JSON.parse(text) as Dataset)}`);
  return 0;
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) process.exit(main(process.argv.slice(2)));
