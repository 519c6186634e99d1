/**
 * `npm start`: builds the preview, serves it on 127.0.0.1 (PORT or a free port), prints the
 * URL, and rebuilds on change (`--no-watch` for a single build). `--scale <name>` (or
 * PREVIEW_SCALE) opens a large org of data/scales.ts instead of the sample, generated in the
 * browser from its seed (a million opportunities take a while to generate).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScaleName, SCALE_NAMES } from '../data/scales';
import { buildPreview, ROOT, watchPreview } from './build';
import { startServer, type RunningServer } from './server';

function announce(server: RunningServer, scale: string | null): void {
  console.log(`Sales Coaching preview: ${server.url}`);
  if (scale) console.log(`  on the ${scale} org (data/scales.ts), generated in the browser`);
  console.log(`  as a manager: ${server.url}#/home?as=manager`);
  console.log(`  as a VP:      ${server.url}#/coaching?as=vp`);
  console.log(`  as a rep:     ${server.url}#/rep-home?as=rep`);
}

/** `--scale <name>`, else PREVIEW_SCALE; an unknown name stops the start. */
function scaleOption(argv: readonly string[]): string | null {
  const index = argv.indexOf('--scale');
  const scale = index >= 0 ? argv[index + 1] : process.env.PREVIEW_SCALE;
  if (scale === undefined || scale === '') return null;
  if (!isScaleName(scale)) {
    throw new Error(`Unknown scale "${scale}": use one of ${SCALE_NAMES.join(', ')}.`);
  }
  return scale;
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 0);
  const scale = scaleOption(process.argv);
  if (process.argv.includes('--no-watch')) {
    const result = await buildPreview();
    console.log(`Preview built in ${(result.durationMs / 1000).toFixed(1)} s.`);
    announce(await startServer({ port, scale }), scale);
    return;
  }
  let server: RunningServer | null = null;
  // tsc re-emits force-app's .js when a .ts changes; Rollup sees the new .js and rebuilds.
  const tsc: ChildProcess = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--watch',
      '--preserveWatchOutput'
    ],
    { cwd: ROOT, stdio: 'ignore' }
  );
  const stopWatching = await watchPreview((error, durationMs) => {
    if (error) {
      console.error(`Preview build failed: ${error.message}`);
      return;
    }
    if (server) {
      console.log(`Rebuilt in ${(durationMs / 1000).toFixed(1)} s; reload the page.`);
      return;
    }
    console.log(`Preview built in ${(durationMs / 1000).toFixed(1)} s.`);
    void startServer({ port, scale }).then((started) => {
      server = started;
      announce(started, scale);
    });
  });
  const stop = (): void => {
    tsc.kill();
    void stopWatching()
      .then(() => server?.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1]);
if (isMain) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
