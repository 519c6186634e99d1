/**
 * `npm run validate`: the checks a deploy would make, offline. Run after `npm run build` (the
 * LWC check compiles the emitted .js). Prints every problem as `file: message`, a summary
 * line per check, compiler warnings, and exits 1 on any problem.
 */
import { fileURLToPath } from 'node:url';
import { checkApiVersions } from './apiVersions';
import { checkConvert } from './convert';
import { checkLabels } from './labels';
import { checkLwc } from './lwc';
import type { CheckResult } from './problems';
import { checkReferences } from './references';
import { checkSchema } from './schema';
import { checkTabs } from './tabs';
import { checkWires } from './wires';
import { checkXml } from './xml';

export async function runChecks(root: string): Promise<CheckResult[]> {
  return [
    checkXml(root),
    checkSchema(root),
    checkApiVersions(root),
    checkLabels(root),
    checkTabs(root),
    checkConvert(root),
    checkReferences(root),
    checkWires(root),
    await checkLwc(root)
  ];
}

async function main(): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const started = Date.now();
  const results = await runChecks(root);
  let failed = 0;
  for (const result of results) {
    for (const warning of result.warnings)
      console.warn(`  warning ${warning.file}: ${warning.message}`);
    if (result.problems.length === 0) {
      console.log(`✓ ${result.name}: ${result.summary}`);
    } else {
      failed += result.problems.length;
      console.log(`✗ ${result.name}: ${result.problems.length} problem(s)`);
      for (const problem of result.problems) console.log(`  ${problem.file}: ${problem.message}`);
    }
  }
  console.log(
    `validate: ${failed === 0 ? 'OK' : `${failed} problem(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s`
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) void main();
