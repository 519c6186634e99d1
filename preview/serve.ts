/**
 * `npm start`: builds the preview, serves it on 127.0.0.1 (PORT or a free port) and rebuilds
 * on change. Prints the URL.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { buildPreview, ROOT, watchPreview } from './build';
import { startServer } from './server';

async function main(): Promise<void> {
  const once = process.argv.includes('--no-watch');
  const first = await buildPreview();
  console.log(`Preview built in ${(first.durationMs / 1000).toFixed(1)} s.`);
  const server = await startServer({ port: Number(process.env.PORT ?? 0) });
  console.log(`Sales Coaching preview: ${server.url}`);
  console.log(`  as a manager: ${server.url}#/home?as=manager`);
  console.log(`  as a rep:     ${server.url}#/rep-home?as=rep`);
  if (once) return;
  // tsc re-emits force-app's .js on change; Rollup picks the new .js up and rebuilds.
  const tsc = spawn(
    process.execPath,
    [
      resolve(ROOT, 'node_modules/typescript/bin/tsc'),
      '-p',
      'tsconfig.build.json',
      '--watch',
      '--preserveWatchOutput'
    ],
    {
      cwd: ROOT,
      stdio: 'ignore'
    }
  );
  const stopWatching = await watchPreview((error, durationMs) => {
    if (error) console.error(`Preview build failed: ${error.message}`);
    else console.log(`Rebuilt in ${(durationMs / 1000).toFixed(1)} s; reload the page.`);
  });
  const stop = (): void => {
    tsc.kill();
    void stopWatching().then(() => server.close().then(() => process.exit(0)));
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
