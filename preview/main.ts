/**
 * The preview's entry point: synthetic shadow first (as on the platform), then the runtime
 * (object model, sample data, persona), then the shell. Components load only after the
 * runtime is ready, so `@salesforce/user/Id` and the clock are settled before they run.
 */
import '@lwc/synthetic-shadow';
import { createElement } from 'lwc';
import { installClock } from './runtime/clock';
import { installHooks } from './runtime/hooks';
import { initRuntime, today } from './runtime/runtime';

async function main(): Promise<void> {
  await initRuntime();
  installClock(today());
  installHooks();
  const { default: App } = await import('./shell/app/app');
  const root = document.getElementById('root');
  if (!root) throw new Error('The preview page has no #root element');
  root.appendChild(createElement('preview-app', { is: App }));
  document.body.dataset.previewReady = 'true';
}

main().catch((error: unknown) => {
  console.error(error);
  document.body.textContent = `The preview failed to start: ${String(error)}`;
});
