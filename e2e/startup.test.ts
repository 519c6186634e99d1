/**
 * `npm start` never serves a partial build. On a copy of the project (the worktree's files and
 * build stay untouched), the test leaves what a tsc run leaves mid-write beside two sources — an
 * empty territoryPlanProgress.js and planModel.js, newer than their .ts, which once reached the
 * preview as an empty module and kept the Territory Plan page spinning — then starts
 * preview/serve.ts and, while it starts, rewrites sources the way editors and tools do (emptied,
 * then written again). Once it serves, every page renders every component it places.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { ROOT } from '../preview/build';
import { loadPages } from '../preview/flexiPages';
import type { RunningServer } from '../preview/server';
import { launchBrowser, openPage, settle } from './harness';

const COPIED = [
  'force-app',
  'preview',
  'scripts',
  'data',
  'types',
  'package.json',
  'tsconfig.json',
  'tsconfig.paths.json',
  'tsconfig.build.json',
  'sfdx-project.json'
];
const LWC = 'force-app/main/default/lwc';
const EDITED = [
  'territoryPlanProgress/territoryPlanProgress.ts',
  'territoryPlanProgress/planModel.ts',
  'managerScorecard/scorecardModel.ts'
];
/** A cold build takes about 20 s here; the bound only stops a hung start. */
const START_TIMEOUT_MS = 240_000;

void describe('npm start', () => {
  const root = mkdtempSync(join(tmpdir(), 'preview-start-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  void it(
    'serves only whole builds while sources change during start-up',
    { timeout: 420_000 },
    async () => {
      for (const entry of COPIED) {
        cpSync(join(ROOT, entry), join(root, entry), {
          recursive: true,
          filter: (source) => !source.includes('node_modules')
        });
      }
      symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
      const lwc = join(root, LWC);
      const later = new Date(Date.now() + 60_000);
      for (const emitted of ['territoryPlanProgress.js', 'planModel.js']) {
        const path = join(lwc, 'territoryPlanProgress', emitted);
        writeFileSync(path, '');
        utimesSync(path, later, later);
      }

      const child = spawn(process.execPath, ['--import', 'tsx', 'preview/serve.ts'], {
        cwd: root,
        env: { ...process.env, PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe']
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const browser = await launchBrowser();
      try {
        // Edits during the first build: each file emptied, then written again a moment later.
        const originals = new Map(
          EDITED.map((file) => [file, readFileSync(join(lwc, file), 'utf8')])
        );
        for (let round = 1; round <= 6; round++) {
          await sleep(700);
          for (const [file, text] of originals) {
            writeFileSync(join(lwc, file), '');
            await sleep(20);
            writeFileSync(join(lwc, file), `${text}\n// edited during start-up, round ${round}\n`);
          }
        }

        const started = Date.now();
        let url: string | undefined;
        while (!url) {
          assert.ok(Date.now() - started < START_TIMEOUT_MS, `no preview URL:\n${output}`);
          assert.equal(child.exitCode, null, `serve.ts exited:\n${output}`);
          url = /Sales Coaching preview: (http\S+)/.exec(output)?.[1];
          if (!url) await sleep(250);
        }
        assert.doesNotMatch(output, /build failed/i, output);

        const server = { url } as RunningServer;
        for (const definition of loadPages(root)) {
          const persona = definition.audience[0];
          const { page, errors } = await openPage(browser, server, {
            page: definition.id,
            persona
          });
          await settle(page);
          assert.equal(await page.locator('[data-failure], [data-placeholder]').count(), 0);
          for (const placement of Object.values(definition.regions).flat()) {
            if (placement.component.includes(':')) continue;
            const tag = `c-${placement.component.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
            const slot = page.locator(`[data-component="${placement.component}"]`).first();
            assert.ok(
              (await slot.locator(tag).count()) > 0,
              `${definition.id} as ${persona}: ${placement.component} is rendered`
            );
          }
          assert.deepEqual(errors, [], definition.id);
          await page.close();
        }
      } finally {
        await browser.close();
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    }
  );
});
