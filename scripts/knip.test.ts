/**
 * The dead-code check (scripts/knip.ts with knip.ts) on a copy of the project: the copy as it is
 * passes, in a built tree as well; an export only a test reaches fails the production pass; a
 * file nothing imports fails the default pass.
 */
import { strict as assert } from 'node:assert';
import { appendFileSync, existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { copySources, runKnip } from './knip';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PERIODS = 'force-app/main/default/lwc/periods';

void describe('npm run knip', () => {
  let copy = '';
  before(() => {
    copy = copySources(ROOT);
  });
  after(() => rmSync(copy, { recursive: true, force: true }));

  void it('copies the sources without the .js that npm run build emits', () => {
    assert.ok(existsSync(join(copy, PERIODS, 'periods.ts')));
    assert.ok(existsSync(join(copy, PERIODS, 'periods.js-meta.xml')));
    assert.ok(!readdirSync(join(copy, PERIODS)).some((name) => name.endsWith('.js')));
    assert.ok(!existsSync(join(copy, '.preview-build')));
  });

  void it('fails the production pass on an export only a test reaches', () => {
    const before = runKnip(copy, ['--production', '--include', 'exports'], 'pipe');
    assert.equal(before.status, 0, before.output);
    appendFileSync(
      join(copy, PERIODS, 'periods.ts'),
      '\nexport function onlyTestsCallThis(): number {\n  return 1;\n}\n'
    );
    writeFileSync(
      join(copy, PERIODS, '__tests__/onlyTests.test.ts'),
      "import { onlyTestsCallThis } from 'c/periods';\n\nit('calls it', () => {\n  expect(onlyTestsCallThis()).toBe(1);\n});\n"
    );
    const after = runKnip(copy, ['--production', '--include', 'exports'], 'pipe');
    assert.notEqual(after.status, 0);
    assert.match(after.output, /onlyTestsCallThis/);
    // The default pass counts the test as a user: the export is used.
    const all = runKnip(copy, ['--include', 'exports'], 'pipe');
    assert.doesNotMatch(all.output, /onlyTestsCallThis/);
  });

  void it('fails the default pass on a file nothing imports', () => {
    writeFileSync(join(copy, PERIODS, 'leftover.ts'), 'export const LEFTOVER = 1;\n');
    const result = runKnip(copy, ['--include', 'files'], 'pipe');
    assert.notEqual(result.status, 0);
    assert.match(result.output, /periods\/leftover\.ts/);
  });
});
