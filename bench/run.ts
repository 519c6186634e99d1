/**
 * `npm run bench`: runs every section in order, prints its Markdown tables and writes them to
 * bench/results/<section id>.md (git-ignored). Add a section by appending to SECTIONS.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchSection, markdownTable, sinkTotal } from './harness';
import { kpiSection } from './kpiBench';
import { scorecardSection } from './scorecardBench';

const RESULTS_DIR = fileURLToPath(new URL('./results', import.meta.url));

export const SECTIONS: BenchSection[] = [kpiSection, scorecardSection];

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  mkdirSync(RESULTS_DIR, { recursive: true });
  for (const section of SECTIONS) {
    if (only.length > 0 && !only.includes(section.id)) continue;
    const started = Date.now();
    const tables = await section.run();
    const text = [`## ${section.title}`, '', ...tables.map(markdownTable)].join('\n\n');
    console.log(`${text}\n\n(${section.id}: ${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    writeFileSync(join(RESULTS_DIR, `${section.id}.md`), `${text}\n`);
  }
  // Printed so the measured results stay observable to the optimiser.
  if (sinkTotal() === Number.NEGATIVE_INFINITY) console.log('unreachable');
}

void main();
