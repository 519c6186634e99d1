/**
 * Command-line options of `npm run org:setup` and `npm run org:delete`, parsed and validated in
 * one place. Errors are thrown as UsageError with a sentence the CLI prints as is.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_ALIAS, DEFAULT_DURATION_DAYS } from './steps';

export interface SetupOptions {
  alias: string;
  devHub?: string;
  durationDays: number;
  /** Undefined: as many as the scratch definition's edition has licences for (edition.ts). */
  maxUsers?: number;
  dryRun: boolean;
  importData: boolean;
  openApp: boolean;
  from?: number;
  workDir?: string;
  /** Regenerate the sample anchored at this date instead of reading data/sample-data.json. */
  today?: string;
  help: boolean;
}

export interface DeleteOptions {
  alias: string;
  dryRun: boolean;
  help: boolean;
}

export class UsageError extends Error {}

export const SETUP_USAGE = `Usage: npm run org:setup -- [options]

Creates a scratch org, deploys Sales Coaching, assigns permission sets, creates the demo
users and roles, imports the sample data and opens the app.

  --alias <name>          scratch org alias (default ${DEFAULT_ALIAS})
  --dev-hub <alias>       Dev Hub username or alias (default: $SF_DEV_HUB, else the CLI's
                          target-dev-hub)
  --duration-days <n>     days before the scratch org expires, 1–30 (default ${DEFAULT_DURATION_DAYS})
  --max-users <n>         demo users to create besides the admin, who plays the VP
                          (default: what the scratch definition's edition has licences for —
                          1 for Developer, whose two Salesforce licences are the admin's and
                          one more: the admin then also plays the manager of the rep created)
  --no-data               skip the sample-data import
  --no-open               do not open the app at the end
  --from <step>           resume a failed run at this step on the same org
  --work-dir <dir>        where to write roles, user definitions and the data plan
                          (default: a new temporary folder)
  --today <YYYY-MM-DD>    regenerate the sample anchored at this date (default: the committed
                          data/sample-data.json the preview uses)
  --dry-run               check everything offline and print the commands without running them
  --help                  this text`;

export const DELETE_USAGE = `Usage: npm run org:delete -- [--alias <name>] [--dry-run]

Deletes the scratch org (default alias ${DEFAULT_ALIAS}) without prompting.`;

function wholeNumber(
  value: string | undefined,
  name: string,
  min: number,
  max: number
): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value) || number < min || number > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max} (got "${value}")`);
  }
  return number;
}

function parse(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>
): Record<string, string | boolean | undefined> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false
    });
    return values as Record<string, string | boolean | undefined>;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function parseSetupArgs(argv: readonly string[], env: NodeJS.ProcessEnv): SetupOptions {
  const values = parse(argv, {
    alias: { type: 'string' },
    'dev-hub': { type: 'string' },
    'duration-days': { type: 'string' },
    'max-users': { type: 'string' },
    'no-data': { type: 'boolean' },
    'no-open': { type: 'boolean' },
    from: { type: 'string' },
    'work-dir': { type: 'string' },
    today: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean' }
  });
  const alias = (values.alias as string | undefined) ?? DEFAULT_ALIAS;
  if (!/^[\w.-]+$/.test(alias)) {
    throw new UsageError(`--alias may hold letters, digits, "_", "." and "-" (got "${alias}")`);
  }
  const today = values.today as string | undefined;
  if (today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    throw new UsageError(`--today must be a date like 2026-11-23 (got "${today}")`);
  }
  const devHub = (values['dev-hub'] as string | undefined) ?? env.SF_DEV_HUB;
  return {
    alias,
    devHub: devHub === '' ? undefined : devHub,
    durationDays:
      wholeNumber(values['duration-days'] as string | undefined, 'duration-days', 1, 30) ??
      DEFAULT_DURATION_DAYS,
    maxUsers: wholeNumber(values['max-users'] as string | undefined, 'max-users', 0, 100),
    dryRun: values['dry-run'] === true,
    importData: values['no-data'] !== true,
    openApp: values['no-open'] !== true,
    from: wholeNumber(values.from as string | undefined, 'from', 1, 1000),
    workDir: values['work-dir'] as string | undefined,
    today,
    help: values.help === true
  };
}

export function parseDeleteArgs(argv: readonly string[]): DeleteOptions {
  const values = parse(argv, {
    alias: { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean' }
  });
  return {
    alias: (values.alias as string | undefined) ?? DEFAULT_ALIAS,
    dryRun: values['dry-run'] === true,
    help: values.help === true
  };
}
