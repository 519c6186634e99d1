/**
 * `npm run org:delete`: deletes the setup's scratch org without a prompt. `--dry-run` prints the
 * command. Same runner as setup, so the failure report looks the same.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DELETE_USAGE, parseDeleteArgs, UsageError, type DeleteOptions } from './options';
import { PROJECT_ROOT, SF_BIN } from './project';
import { runSteps, spawnExec, StepFailure, type Exec } from './runner';
import { planDelete } from './steps';

export interface DeleteDeps {
  root: string;
  exec: Exec;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
}

export async function deleteOrg(argv: readonly string[], deps: DeleteDeps): Promise<number> {
  let options: DeleteOptions;
  try {
    options = parseDeleteArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      deps.log(`${error.message}\n\n${DELETE_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    deps.log(DELETE_USAGE);
    return 0;
  }
  try {
    await runSteps(planDelete({ alias: options.alias }), {
      exec: deps.exec,
      log: deps.log,
      cwd: deps.root,
      env: deps.env,
      programs: { sf: join(deps.root, SF_BIN) },
      tasks: {},
      dryRun: options.dryRun
    });
  } catch (error) {
    if (error instanceof StepFailure) {
      deps.log(error.message);
      return 1;
    }
    throw error;
  }
  deps.log(
    options.dryRun ? '✔ Dry run: nothing deleted.' : `✔ Scratch org ${options.alias} deleted.`
  );
  return 0;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  deleteOrg(process.argv.slice(2), {
    root: PROJECT_ROOT,
    exec: spawnExec,
    log: (line) => console.log(line),
    env: process.env
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
