/**
 * `npm start`: builds the preview, serves it on 127.0.0.1 (PORT or a free port), prints the
 * URL, and rebuilds on change (`--no-watch` for a single build). The bundler compiles the
 * TypeScript sources itself; no tsc runs beside it, so no half-written .js can be bundled.
 * `--scale <name>` (or PREVIEW_SCALE) opens a large org of data/scales.ts instead of the sample,
 * generated in the browser from its seed (a million opportunities take a while to generate).
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isScaleName, SCALE_NAMES } from '../data/scales';
import { buildPreview, watchPreview } from './build';
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
  let server: Promise<RunningServer> | null = null;
  const stopWatching = watchPreview((error, durationMs) => {
    if (error) {
      console.error(`Preview build failed: ${error.message}`);
      return;
    }
    if (server) {
      console.log(`Rebuilt in ${(durationMs / 1000).toFixed(1)} s; reload the page.`);
      return;
    }
    console.log(`Preview built in ${(durationMs / 1000).toFixed(1)} s.`);
    server = startServer({ port, scale });
    void server.then((started) => announce(started, scale));
  });
  const stop = (): void => {
    void stopWatching()
      .then(() => server?.then((running) => running.close()))
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
