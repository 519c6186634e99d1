/**
 * Executes a list of steps. The process boundary is one injectable function (`Exec`), so tests
 * drive the whole setup with scripted CLI results; `spawnExec` is the real one.
 *
 * Every step prints what it does before it runs. A failing step stops the run with the step,
 * the exact command, its exit code, the CLI's error message and the tail of stderr, and says how
 * to resume (`--from <n>`); an optional step only warns.
 */
import { spawn } from 'node:child_process';
import { isRecord } from '../guards';
import { PLACEHOLDER, type Capture, type Step } from './steps';

export interface ProcessResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface ExecOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Stream the command's output to the console while it runs. */
  echo: boolean;
}

export type Exec = (
  program: string,
  args: readonly string[],
  options: ExecOptions
) => Promise<ProcessResult>;

/** Ids learned while running, for the placeholders of later steps. */
export interface RunContext {
  adminId?: string;
  /** Role DeveloperName → Id. */
  roleIds: Map<string, string>;
  /** Sample user Id → org user Id of the created user. */
  userIds: Map<string, string>;
}

export type Task = (context: RunContext) => string[] | Promise<string[]>;

export interface RunnerOptions {
  exec: Exec;
  log: (line: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Program name in a step → what to execute (e.g. sf → node_modules/.bin/sf). */
  programs: Readonly<Record<string, string>>;
  tasks: Readonly<Record<string, Task>>;
  dryRun: boolean;
  /** 1-based step to start at; earlier read-only steps still run to rebuild the context. */
  from?: number;
  /** How to re-run, for the resume hint in failure messages. */
  resumeCommand?: string;
}

/** The CLI's four switches that keep it from phoning home or updating itself mid-run. */
export const SF_ENV: Readonly<Record<string, string>> = {
  SF_DISABLE_TELEMETRY: 'true',
  SF_SKIP_NEW_VERSION_CHECK: 'true',
  SF_DISABLE_AUTOUPDATE: 'true',
  SF_AUTOUPDATE_DISABLE: 'true'
};

export class StepFailure extends Error {
  constructor(
    message: string,
    readonly stepNumber: number
  ) {
    super(message);
  }
}

export function newContext(): RunContext {
  return { roleIds: new Map(), userIds: new Map() };
}

/** A command as a shell would need it typed, for printing (the runner never uses a shell). */
export function formatCommand(argv: readonly string[]): string {
  return argv
    .map((arg) => (/^[\w@%+=:,./{}-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`))
    .join(' ');
}

export function resolvePlaceholders(argv: readonly string[], context: RunContext): string[] {
  return argv.map((arg) =>
    arg.replace(PLACEHOLDER, (whole, key: string) => {
      const value =
        key === 'admin'
          ? context.adminId
          : key.startsWith('role:')
            ? context.roleIds.get(key.slice(5))
            : context.userIds.get(key.slice(5));
      if (value === undefined) {
        throw new Error(`${whole} is unknown: the lookup step that provides it has not run`);
      }
      return value;
    })
  );
}

export async function runSteps(
  steps: readonly Step[],
  options: RunnerOptions
): Promise<RunContext> {
  const context = newContext();
  const from = options.from ?? 1;
  if (!Number.isInteger(from) || from < 1 || from > steps.length) {
    throw new StepFailure(`--from must be between 1 and ${steps.length}`, from);
  }
  const total = steps.length;
  for (const [index, step] of steps.entries()) {
    const number = index + 1;
    const skipped = number < from && !step.readOnly;
    const header = `[${number}/${total}] ${step.title}`;
    if (skipped) {
      options.log(`${header} — skipped (--from ${from})`);
      continue;
    }
    options.log(`${header}${step.kind === 'command' && step.optional ? ' (optional)' : ''}`);
    if (step.kind === 'task') {
      if (options.dryRun) {
        options.log('    (in-process; in a dry run the plan is written with stand-in user Ids)');
        continue;
      }
      const task = options.tasks[step.task];
      if (!task)
        throw new StepFailure(failure(number, total, step.title, [`no task ${step.task}`]), number);
      try {
        for (const line of await task(context)) options.log(`    ${line}`);
      } catch (error) {
        throw new StepFailure(
          failure(
            number,
            total,
            step.title,
            [`error: ${errorMessage(error)}`],
            options.resumeCommand
          ),
          number
        );
      }
      continue;
    }

    options.log(`    $ ${formatCommand(step.argv)}`);
    if (options.dryRun) continue;

    let argv: string[];
    try {
      argv = resolvePlaceholders(step.argv, context);
    } catch (error) {
      throw new StepFailure(
        failure(
          number,
          total,
          step.title,
          [`error: ${errorMessage(error)}`],
          options.resumeCommand
        ),
        number
      );
    }
    const [program, ...args] = argv;
    const executable = options.programs[program] ?? program;
    let result: ProcessResult;
    try {
      result = await options.exec(executable, args, {
        cwd: options.cwd,
        env: { ...options.env, ...SF_ENV },
        // JSON output is for the lookups, not for people; everything else streams.
        echo: !args.includes('--json')
      });
    } catch (error) {
      result = { exitCode: 127, stdout: '', stderr: errorMessage(error) };
    }
    let problem: string | undefined;
    if (result.exitCode !== 0) {
      problem = jsonErrorMessage(result.stdout) ?? undefined;
    } else if (step.capture) {
      try {
        applyCapture(step.capture, result.stdout, context);
      } catch (error) {
        problem = errorMessage(error);
      }
    }
    if (result.exitCode === 0 && problem === undefined) continue;

    const details = [
      `command: ${formatCommand(argv)}`,
      `exit code: ${result.exitCode}`,
      ...(problem ? [`error: ${problem}`] : []),
      ...stderrTail(result.stderr)
    ];
    if (step.optional) {
      options.log(`    ⚠ optional step failed, continuing:\n${indent(details)}`);
      continue;
    }
    throw new StepFailure(
      failure(number, total, step.title, details, options.resumeCommand),
      number
    );
  }
  return context;
}

function failure(
  number: number,
  total: number,
  title: string,
  details: string[],
  resumeCommand?: string
): string {
  const lines = [`✖ Step ${number}/${total} failed: ${title}`, indent(details)];
  if (resumeCommand) {
    lines.push(
      `  Fix the cause, then re-run from this step on the same org:\n    ${resumeCommand} --from ${number}`
    );
  }
  return lines.join('\n');
}

function indent(lines: string[]): string {
  return lines.map((line) => `  ${line.replace(/\n/g, '\n    ')}`).join('\n');
}

function stderrTail(stderr: string): string[] {
  const lines = stderr.trimEnd().split('\n').filter(Boolean);
  if (lines.length === 0) return [];
  const tail = lines.slice(-20);
  return [`stderr${lines.length > tail.length ? ' (last 20 lines)' : ''}:\n${tail.join('\n')}`];
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `sf … --json` reports failures on stdout as `{ "name", "message", "status" }`. */
export function jsonErrorMessage(stdout: string): string | null {
  const parsed = parseJson(stdout);
  if (!isRecord(parsed)) return null;
  const message = parsed.message;
  const name = parsed.name;
  if (typeof message !== 'string') return null;
  return typeof name === 'string' ? `${name}: ${message.trim()}` : message.trim();
}

export function parseJson(text: string): unknown {
  const start = text.indexOf('{');
  if (start < 0) return null;
  try {
    return JSON.parse(text.slice(start)) as unknown;
  } catch {
    return null;
  }
}

export function resultOf(stdout: string): unknown {
  const parsed = parseJson(stdout);
  if (!isRecord(parsed) || !('result' in parsed)) {
    throw new Error('the CLI did not print the JSON result expected from --json');
  }
  return parsed.result;
}

export function queryRecords(stdout: string): Record<string, unknown>[] {
  const result = resultOf(stdout);
  const records = isRecord(result) ? result.records : undefined;
  if (!Array.isArray(records)) throw new Error('the query result has no records');
  return records.filter(isRecord);
}

/** Reads what a lookup step printed into the context; throws a clear message when it cannot. */
export function applyCapture(capture: Capture, stdout: string, context: RunContext): void {
  switch (capture.kind) {
    case 'devHubConfigured': {
      const result = resultOf(stdout);
      const entry = Array.isArray(result) ? (result[0] as unknown) : undefined;
      const value = isRecord(entry) ? entry.value : undefined;
      if (typeof value !== 'string' || value === '') {
        throw new Error(
          'no Dev Hub: pass --dev-hub <alias>, set SF_DEV_HUB, or run `sf config set target-dev-hub=<alias> --global` after `sf org login web --set-default-dev-hub`'
        );
      }
      return;
    }
    case 'admin': {
      const result = resultOf(stdout);
      const id = isRecord(result) ? result.id : undefined;
      if (typeof id !== 'string' || id === '') throw new Error('the admin user has no Id');
      context.adminId = id;
      return;
    }
    case 'roles': {
      for (const record of queryRecords(stdout)) {
        if (typeof record.DeveloperName === 'string' && typeof record.Id === 'string') {
          context.roleIds.set(record.DeveloperName, record.Id);
        }
      }
      const missing = capture.developerNames.filter((name) => !context.roleIds.has(name));
      if (missing.length > 0) throw new Error(`roles not found in the org: ${missing.join(', ')}`);
      return;
    }
    case 'users': {
      const records = queryRecords(stdout);
      const missing: string[] = [];
      for (const [username, sampleId] of Object.entries(capture.usernames)) {
        // --set-unique-username appends ".<org id>" to the username.
        const match = records.find(
          (record) =>
            typeof record.Username === 'string' &&
            (record.Username === username || record.Username.startsWith(`${username}.`))
        );
        if (match && typeof match.Id === 'string') context.userIds.set(sampleId, match.Id);
        else missing.push(username);
      }
      if (missing.length > 0) throw new Error(`users not found in the org: ${missing.join(', ')}`);
      return;
    }
  }
}

/** The real process boundary: no shell, output streamed when asked, both streams collected. */
export const spawnExec: Exec = (program, args, options) =>
  new Promise((resolve) => {
    const child = spawn(program, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['inherit', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ exitCode: 127, stdout, stderr: error.message }));
    child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
  });
