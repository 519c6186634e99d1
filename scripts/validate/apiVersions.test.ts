/**
 * The project's API version is a deliberate choice: the newest the pinned Salesforce CLI
 * supports. The CLI generates projects and bundles at @salesforce/templates' DEFAULT_API_VERSION
 * (lib/utils/constants.js, used by `sf project generate` and `sf lightning generate component`);
 * when an upgrade of the CLI moves it, this test asks for the version to be moved with it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sourceApiVersion } from './apiVersions';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function cliApiVersion(): string {
  const require = createRequire(import.meta.url);
  const constants = join(
    dirname(require.resolve('@salesforce/templates')),
    'utils',
    'constants.js'
  );
  const match = /DEFAULT_API_VERSION = '(\d+\.\d)'/.exec(readFileSync(constants, 'utf8'));
  assert.ok(match, `DEFAULT_API_VERSION in ${constants}`);
  return match[1];
}

void describe('API version', () => {
  void it('is the newest version the pinned Salesforce CLI generates', () => {
    assert.equal(sourceApiVersion(REPO), cliApiVersion());
  });
});
