/**
 * The scratch-org setup as data: a configuration in, the ordered list of steps out. Nothing here
 * touches the file system or spawns a process, so the exact commands for any configuration are
 * unit-tested, and `--dry-run` prints the same list the real run executes.
 *
 * Some arguments are only known once earlier steps ran (the admin's Id, role Ids, created users'
 * Ids). They appear as placeholders — `{{admin}}`, `{{role:<DeveloperName>}}`,
 * `{{user:<sample user Id>}}` — that the runner fills from what lookup steps captured.
 */
import { join, relative } from 'node:path';
import { AUDIT_PERMISSION_SET } from './auditFields';
import { ADMIN, ADMIN_PERMISSION_SETS, type UserPlan } from './users';
import { PLAN_FILE } from './dataPlan';

export const APP_PATH = 'lightning/app/c__Sales_Coaching';
export const DEFAULT_ALIAS = 'SalesCoaching';
export const DEFAULT_DURATION_DAYS = 7;
export const SCRATCH_DEF = 'config/project-scratch-def.json';
export const SOURCE_DIR = 'force-app';
/** The profile demo users get: it carries a Salesforce licence, so Opportunity is available. */
export const DEMO_PROFILE = 'Standard User';

export interface SetupConfig {
  /** Project root: the working directory of every command. */
  root: string;
  alias: string;
  /** Dev Hub username or alias; undefined uses the CLI's default (target-dev-hub). */
  devHub?: string;
  durationDays: number;
  maxUsers: number;
  /** Folder for generated files: role metadata, user definitions, the data plan. */
  workDir: string;
  importData: boolean;
  /** The scratch definition turns on setting audit fields: the import sets CreatedDate & co. */
  auditFields: boolean;
  openApp: boolean;
}

export interface DeleteConfig {
  alias: string;
}

/** What a lookup step's JSON output provides to later steps. */
export type Capture =
  | { kind: 'devHubConfigured' }
  | { kind: 'admin' }
  | { kind: 'roles'; developerNames: string[] }
  | { kind: 'users'; usernames: Record<string, string> };

export interface CommandStep {
  kind: 'command';
  title: string;
  /** Program first (`sf`, `npm`); may hold placeholders. */
  argv: string[];
  /** A failure is reported and the run goes on (e.g. no browser to open). */
  optional?: boolean;
  /** Reads only: safe to repeat when resuming with --from. */
  readOnly?: boolean;
  capture?: Capture;
}

export interface TaskStep {
  kind: 'task';
  title: string;
  /** Name of an in-process task the runner is given (it needs captured Ids). */
  task: 'write-data-plan';
  readOnly: true;
}

export type Step = CommandStep | TaskStep;

export const PLACEHOLDER = /\{\{(admin|role:[A-Za-z0-9_]+|user:[A-Za-z0-9]+)\}\}/g;

export function adminPlaceholder(): string {
  return '{{admin}}';
}

export function rolePlaceholder(developerName: string): string {
  return `{{role:${developerName}}}`;
}

export function userPlaceholder(target: string): string {
  return target === ADMIN ? adminPlaceholder() : `{{user:${target}}}`;
}

/** Where the generated files live inside the work folder. */
export function generatedPaths(workDir: string): {
  rolesDir: string;
  auditDir: string;
  usersDir: string;
  dataDir: string;
  planFile: string;
} {
  const dataDir = join(workDir, 'data');
  return {
    rolesDir: join(workDir, 'roles'),
    auditDir: join(workDir, 'import-history'),
    usersDir: join(workDir, 'users'),
    dataDir,
    planFile: join(dataDir, PLAN_FILE)
  };
}

export function userDefinitionFile(workDir: string, cliAlias: string): string {
  return join(generatedPaths(workDir).usersDir, `${cliAlias}.json`);
}

export function planSetup(config: SetupConfig, users: UserPlan): Step[] {
  const org = ['--target-org', config.alias];
  const paths = generatedPaths(config.workDir);
  const importsHistory = config.importData && config.auditFields;
  const adminPermissionSets = [
    ...ADMIN_PERMISSION_SETS,
    ...(importsHistory ? [AUDIT_PERMISSION_SET] : [])
  ];
  // Paths relative to the project root when they are inside it: shorter, copy-pasteable.
  const show = (path: string): string => {
    const rel = relative(config.root, path);
    return rel.startsWith('..') ? path : rel;
  };
  const steps: Step[] = [
    {
      kind: 'command',
      title: 'Check the Salesforce CLI (from devDependencies)',
      argv: ['sf', '--version'],
      readOnly: true
    },
    config.devHub
      ? {
          kind: 'command',
          title: `Check the Dev Hub ${config.devHub} is authorised`,
          argv: ['sf', 'org', 'display', '--target-org', config.devHub, '--json'],
          readOnly: true
        }
      : {
          kind: 'command',
          title: 'Check a default Dev Hub is set (target-dev-hub)',
          argv: ['sf', 'config', 'get', 'target-dev-hub', '--json'],
          readOnly: true,
          capture: { kind: 'devHubConfigured' }
        },
    {
      kind: 'command',
      title: 'Build the TypeScript components into the JavaScript the platform deploys',
      argv: ['npm', 'run', 'build']
    },
    {
      kind: 'command',
      title: `Create the scratch org ${config.alias} (${config.durationDays} days)`,
      argv: [
        'sf',
        'org',
        'create',
        'scratch',
        '--definition-file',
        SCRATCH_DEF,
        '--alias',
        config.alias,
        '--duration-days',
        String(config.durationDays),
        ...(config.devHub ? ['--target-dev-hub', config.devHub] : []),
        '--wait',
        '15'
      ]
    },
    {
      kind: 'command',
      title: `Deploy ${SOURCE_DIR} to the scratch org`,
      argv: ['sf', 'project', 'deploy', 'start', '--source-dir', SOURCE_DIR, ...org, '--wait', '30']
    },
    ...(importsHistory
      ? [
          {
            kind: 'command' as const,
            title: `Deploy ${AUDIT_PERMISSION_SET}, a setup-only permission set with "Set Audit Fields upon Record Creation", so the import keeps the sample's CreatedDate`,
            argv: [
              'sf',
              'project',
              'deploy',
              'start',
              '--metadata-dir',
              show(paths.auditDir),
              ...org,
              '--wait',
              '10'
            ]
          }
        ]
      : []),
    {
      kind: 'command',
      title: `Assign the admin (who plays the VP) the admin and manager permission sets${importsHistory ? ` and ${AUDIT_PERMISSION_SET}` : ''}`,
      argv: [
        'sf',
        'org',
        'assign',
        'permset',
        ...adminPermissionSets.flatMap((name) => ['--name', name]),
        ...org
      ]
    },
    {
      kind: 'command',
      title: `Create the role hierarchy (${users.roles.length} roles: VP → managers → teams)`,
      argv: [
        'sf',
        'project',
        'deploy',
        'start',
        '--metadata-dir',
        show(paths.rolesDir),
        ...org,
        '--wait',
        '10'
      ]
    },
    {
      kind: 'command',
      title: "Look up the admin user's Id",
      argv: ['sf', 'org', 'display', 'user', ...org, '--json'],
      readOnly: true,
      capture: { kind: 'admin' }
    },
    {
      kind: 'command',
      title: 'Look up the role Ids',
      argv: [
        'sf',
        'data',
        'query',
        '--query',
        `SELECT Id, DeveloperName FROM UserRole WHERE DeveloperName IN (${users.roles
          .map((role) => `'${role.developerName}'`)
          .join(', ')})`,
        ...org,
        '--json'
      ],
      readOnly: true,
      capture: { kind: 'roles', developerNames: users.roles.map((role) => role.developerName) }
    },
    {
      kind: 'command',
      title: "Give the admin the VP's role",
      argv: [
        'sf',
        'data',
        'update',
        'record',
        '--sobject',
        'User',
        '--record-id',
        adminPlaceholder(),
        '--values',
        `UserRoleId=${rolePlaceholder(users.adminRole)}`,
        ...org
      ]
    }
  ];

  for (const user of users.created) {
    steps.push({
      kind: 'command',
      title: `Create the ${user.level} ${user.firstName} ${user.lastName} (${user.permissionSets.join(', ')}; alias ${user.cliAlias})`,
      argv: [
        'sf',
        'org',
        'create',
        'user',
        '--definition-file',
        show(userDefinitionFile(config.workDir, user.cliAlias)),
        '--set-alias',
        user.cliAlias,
        '--set-unique-username',
        ...org
      ]
    });
  }
  if (users.created.length > 0) {
    steps.push({
      kind: 'command',
      title: "Look up the demo users' Ids",
      argv: [
        'sf',
        'data',
        'query',
        '--query',
        `SELECT Id, Username FROM User WHERE ${users.created
          .map((user) => `Username LIKE '${user.username}%'`)
          .join(' OR ')}`,
        ...org,
        '--json'
      ],
      readOnly: true,
      capture: {
        kind: 'users',
        usernames: Object.fromEntries(users.created.map((user) => [user.username, user.sampleId]))
      }
    });
    for (const user of users.created) {
      steps.push({
        kind: 'command',
        title: `Set ${user.firstName} ${user.lastName}'s manager`,
        argv: [
          'sf',
          'data',
          'update',
          'record',
          '--sobject',
          'User',
          '--record-id',
          userPlaceholder(user.sampleId),
          '--values',
          `ManagerId=${userPlaceholder(user.managerTarget)}`,
          ...org
        ]
      });
    }
  }

  if (config.importData) {
    steps.push(
      {
        kind: 'task',
        title: "Write the sample-data plan with the org's user Ids",
        task: 'write-data-plan',
        readOnly: true
      },
      {
        kind: 'command',
        title: 'Import the sample data (sf data tree plan)',
        argv: ['sf', 'data', 'import', 'tree', '--plan', show(paths.planFile), ...org]
      }
    );
  }
  if (config.openApp) {
    steps.push({
      kind: 'command',
      // The app opens on its first tab, Home, which the app assigns to the managers' Home
      // page: the admin (who plays the manager) lands on the team scorecard.
      title: "Open the Sales Coaching app on the managers' Home (team scorecard)",
      argv: ['sf', 'org', 'open', ...org, '--path', APP_PATH],
      optional: true,
      readOnly: true
    });
  }
  return steps;
}

export function planDelete(config: DeleteConfig): Step[] {
  return [
    {
      kind: 'command',
      title: `Delete the scratch org ${config.alias}`,
      argv: ['sf', 'org', 'delete', 'scratch', '--target-org', config.alias, '--no-prompt']
    }
  ];
}
