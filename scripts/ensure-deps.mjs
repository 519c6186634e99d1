// Runs before `npm start`, `npm test` and `npm run bench`: installs the pinned dependencies
// when node_modules is missing or older than package-lock.json, so a fresh clone needs no
// manual step. npm writes node_modules/.package-lock.json on every install; its age is the
// age of the install.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lock = `${root}/package-lock.json`;
const installed = `${root}/node_modules/.package-lock.json`;

function installIsCurrent() {
  if (!existsSync(installed)) return false;
  return statSync(installed).mtimeMs >= statSync(lock).mtimeMs;
}

if (!installIsCurrent()) {
  console.log('[ensure-deps] node_modules is missing or older than package-lock.json: npm ci');
  execSync('npm ci --no-audit --no-fund', {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, HUSKY: '0' }
  });
}
