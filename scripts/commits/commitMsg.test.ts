/**
 * The commit-msg hook as git runs it: .husky/commit-msg with the message file, through
 * commitlint and commitlint.config.mjs. A message passes with a conventional type, a header of
 * at most 72 characters and a body that says why.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HOOK = join(ROOT, '.husky/commit-msg');

void describe('commit-msg hook', () => {
  const workspace = mkdtempSync(join(tmpdir(), 'commit-msg-'));
  after(() => rmSync(workspace, { recursive: true, force: true }));
  let count = 0;

  function check(message: string): { ok: boolean; output: string } {
    const file = join(workspace, `COMMIT_EDITMSG_${count++}`);
    writeFileSync(file, message);
    const result = spawnSync('sh', ['-e', HOOK, file], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 60_000
    });
    return { ok: result.status === 0, output: `${result.stdout}${result.stderr}` };
  }

  void it('accepts a conventional header with a body that says why', () => {
    const result = check(
      'fix(preview): bundle the TypeScript sources\n\nA tsc rewrite mid-build served an empty module.\n'
    );
    assert.ok(result.ok, result.output);
  });

  void it('rejects a message without a body', () => {
    const result = check('fix(preview): bundle the TypeScript sources\n');
    assert.ok(!result.ok);
    assert.match(result.output, /body-empty/);
  });

  void it('rejects a header over 72 characters', () => {
    const header = `feat: ${'a'.repeat(67)}`;
    assert.equal(header.length, 73);
    const result = check(`${header}\n\nThe reason, in a sentence of its own.\n`);
    assert.ok(!result.ok);
    assert.match(result.output, /header-max-length/);
  });

  void it('rejects a header without a conventional type', () => {
    const result = check('Preview bundles TypeScript\n\nThe reason, in a sentence of its own.\n');
    assert.ok(!result.ok);
    assert.match(result.output, /type-empty/);
  });

  void it('ignores the merge commits git writes', () => {
    const result = check("Merge branch 'arch'\n");
    assert.ok(result.ok, result.output);
  });
});
