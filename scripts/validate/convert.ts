/**
 * (c) The Salesforce CLI converts the source to Metadata API format without error — the step a
 * deploy starts with. Offline, with telemetry and update checks off (all four variables: with
 * SF_AUTOUPDATE_DISABLE alone, sf starts a lingering background update).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CheckResult, PACKAGE_DIR } from './problems';

export const SF_OFFLINE_ENV = {
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_AUTOUPDATE_DISABLE: 'true'
} as const;

export function sfBinary(root: string): string {
  return join(root, 'node_modules', '.bin', 'sf');
}

export function checkConvert(root: string, sf: string = sfBinary(root)): CheckResult {
  const out = mkdtempSync(join(tmpdir(), 'sc-convert-'));
  try {
    const run = spawnSync(
      sf,
      [
        'project',
        'convert',
        'source',
        '--root-dir',
        PACKAGE_DIR,
        '--output-dir',
        join(out, 'mdapi'),
        '--json'
      ],
      { cwd: root, encoding: 'utf8', env: { ...process.env, ...SF_OFFLINE_ENV }, timeout: 120_000 }
    );
    if (run.status === 0) {
      return {
        name: 'convert',
        summary: 'sf project convert source succeeded',
        problems: [],
        warnings: []
      };
    }
    let message = (run.stderr || run.stdout || String(run.error ?? 'unknown failure')).trim();
    try {
      const parsed = JSON.parse(run.stdout) as { message?: string; name?: string };
      if (parsed.message) message = `${parsed.name ?? 'Error'}: ${parsed.message}`;
    } catch {
      // not JSON: keep the raw output
    }
    return {
      name: 'convert',
      summary: 'sf project convert source failed',
      problems: [{ file: PACKAGE_DIR, message: `sf project convert source failed: ${message}` }],
      warnings: []
    };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
