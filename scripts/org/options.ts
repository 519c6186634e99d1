/**
 * Command-line options of `npm run org:setup`, `npm run org:delete` and `npm run org:verify`,
 * parsed and validated in one place. Errors are thrown as UsageError with a sentence the CLI
 * prints as is.
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

export interface VerifyOptions {
  /** Undefined only in a dry run without --target-org (commands then show a placeholder). */
  targetOrg?: string;
  dryRun: boolean;
  /** Check ids to run (deploy, graphql:<bundle>/<operation>, page:<FlexiPage>); empty: all. */
  only: string[];
  /** FlexiPage → CLI user who opens it, from --page-as <FlexiPage>=<alias>. */
  pageUsers: Map<string, string>;
  workDir?: string;
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

export const VERIFY_USAGE = `Usage: npm run org:verify -- --target-org <alias> [options]

Checks the package against an org where it is deployed: a check-only deploy of force-app, every
GraphQL query of the components run with the org's own records, and every FlexiPage opened in
headless Chromium. Prints pass/fail per check and the command that reruns one.

  --target-org <alias>        the org (default: $SF_TARGET_ORG)
  --only <check>              run only this check (repeatable): deploy,
                              graphql:<bundle>/<operation>, page:<FlexiPage>
  --page-as <page>=<alias>    open a FlexiPage as another CLI user of the org (repeatable),
                              e.g. Sales_Coaching_Rep_Home=SalesCoaching-rep
  --work-dir <dir>            where request bodies and the report go (default: a folder per
                              org in the system's temporary folder)
  --dry-run                   check the inputs and print every command without an org
  --help                      this text`;

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
): Record<string, string | boolean | string[] | undefined> {
  try {
    const { values } = parseArgs({
      args: [...argv],
      options,
      strict: true,
      allowPositionals: false
    });
    return values as Record<string, string | boolean | string[] | undefined>;
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

export function parseVerifyArgs(argv: readonly string[], env: NodeJS.ProcessEnv): VerifyOptions {
  const values = parse(argv, {
    'target-org': { type: 'string' },
    only: { type: 'string', multiple: true },
    'page-as': { type: 'string', multiple: true },
    'work-dir': { type: 'string' },
    'dry-run': { type: 'boolean' },
    help: { type: 'boolean' }
  });
  const dryRun = values['dry-run'] === true;
  const help = values.help === true;
  const given = (values['target-org'] as string | undefined) ?? env.SF_TARGET_ORG;
  const targetOrg = given === '' ? undefined : given;
  if (targetOrg === undefined && !dryRun && !help) {
    throw new UsageError('--target-org <alias> is required (or set SF_TARGET_ORG)');
  }
  if (targetOrg !== undefined && !/^[\w.@+-]+$/.test(targetOrg)) {
    throw new UsageError(`--target-org may hold an alias or a username (got "${targetOrg}")`);
  }
  const only = (values.only as string[] | undefined) ?? [];
  for (const id of only) {
    if (!/^(deploy|graphql:[\w]+\/[\w]+|page:[\w]+)$/.test(id)) {
      throw new UsageError(
        `--only takes deploy, graphql:<bundle>/<operation> or page:<FlexiPage> (got "${id}")`
      );
    }
  }
  const pageUsers = new Map<string, string>();
  for (const entry of (values['page-as'] as string[] | undefined) ?? []) {
    const match = /^(\w+)=([\w.@+-]+)$/.exec(entry);
    if (!match) throw new UsageError(`--page-as takes <FlexiPage>=<alias> (got "${entry}")`);
    pageUsers.set(match[1], match[2]);
  }
  return {
    targetOrg,
    dryRun,
    only,
    pageUsers,
    workDir: values['work-dir'] as string | undefined,
    help
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
