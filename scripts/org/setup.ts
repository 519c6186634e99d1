/**
 * `npm run org:setup`: one command from a clone to a scratch org with Sales Coaching deployed,
 * permission sets assigned, demo users in a role hierarchy, the sample data imported and the app
 * open. `--dry-run` does every check that needs no org (project files, the dataset, the data
 * plan against the object model), writes the generated files and prints each command.
 *
 * The flow is: options → offline checks → user plan → data plan pre-flight → generated files →
 * steps (steps.ts) → runner (runner.ts). Everything that reaches outside the process is in
 * `SetupDeps`, so tests run the whole flow with the CLI mocked.
 */
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../../data/dataset';
import { generateDataset } from '../../data/generate';
import {
  AUDIT_FIELDS,
  AUDIT_PERMISSION_SET,
  AUDIT_SETTING,
  withAuditFieldsOnCreate
} from './auditFields';
import { buildDataPlan, type DataPlan } from './dataPlan';
import { describeLimit, overLimit, userLimit } from './edition';
import { clearGenerated, dataPlanFiles, setupFiles, writeFiles } from './generated';
import { parseSetupArgs, SETUP_USAGE, UsageError, type SetupOptions } from './options';
import { checkProject, PROJECT_ROOT, SF_BIN } from './project';
import { runSteps, spawnExec, StepFailure, type Exec, type RunContext } from './runner';
import { loadOrgSchema, type Schema } from './schema';
import { checkDataPlan } from './schemaCheck';
import { APP_PATH, planSetup, type SetupConfig } from './steps';
import { ADMIN, isInOrg, planUsers, resolveUser, UserPlanError, type UserPlan } from './users';

export const SAMPLE_DATA = 'data/sample-data.json';

export interface SetupDeps {
  root: string;
  exec: Exec;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
  loadSchema: (root: string) => Schema;
  /** The folder for the generated files when --work-dir is not given. */
  defaultWorkDir: (alias: string) => string;
}

export function defaultDeps(): SetupDeps {
  return {
    root: PROJECT_ROOT,
    exec: spawnExec,
    log: (line) => console.log(line),
    env: process.env,
    loadSchema: loadOrgSchema,
    // One folder per alias, rewritten by every run: a resumed run finds its files again and
    // repeated dry runs (npm test) do not pile up copies of the data plan.
    defaultWorkDir: (alias) => join(tmpdir(), `sales-coaching-${alias}`)
  };
}

export function loadDataset(root: string, today?: string): Dataset {
  if (today !== undefined) return generateDataset({ today });
  return JSON.parse(readFileSync(join(root, SAMPLE_DATA), 'utf8')) as Dataset;
}

/** The data plan for given org Ids; checked against the schema, throwing on any problem. */
export function checkedDataPlan(
  dataset: Dataset,
  schema: Schema,
  users: UserPlan,
  orgIds: { admin: string; users: ReadonlyMap<string, string> }
): DataPlan {
  const dataPlan = buildDataPlan({
    dataset,
    schema,
    userId: (sampleId) => resolveUser(users, sampleId, orgIds),
    isInOrg: (sampleId) => isInOrg(users, sampleId)
  });
  const problems = checkDataPlan(dataPlan, schema);
  if (problems.length > 0) {
    const shown = problems.slice(0, 25);
    throw new Error(
      `the data plan does not match the object model (${problems.length} problems):\n${shown
        .map((problem) => `  - ${problem}`)
        .join('\n')}${problems.length > shown.length ? '\n  …' : ''}`
    );
  }
  return dataPlan;
}

/**
 * Stand-in org Ids for the offline check: each created user keeps its sample Id and the admin
 * takes the VP's, so the plan has the shape (and the owner distribution) of the real one.
 */
export function standInIds(users: UserPlan): {
  admin: string;
  users: Map<string, string>;
} {
  return {
    admin: users.vpSampleId,
    users: new Map(users.created.map((user) => [user.sampleId, user.sampleId]))
  };
}

function describeUsers(users: UserPlan, dataset: Dataset, log: (line: string) => void): void {
  const names = new Map(
    (dataset.records.User ?? []).map((user) => [user.Id, String(user.Name ?? user.Id)])
  );
  const played = users.adminPlays.map((id) => names.get(id) ?? id);
  const label = (target: string): string =>
    target === ADMIN ? `the admin (${played.join(', ')})` : (names.get(target) ?? target);
  log(
    `Demo users: the admin plays ${names.get(users.vpSampleId) ?? 'the VP'} (VP)${
      played.length > 1 ? ` and ${played.slice(1).join(', ')} (manager of the rep created)` : ''
    }.`
  );
  for (const user of users.created) {
    log(
      `  create ${user.level} ${user.firstName} ${user.lastName} → role ${user.roleDeveloperName}, ${user.permissionSets.join(', ')}, alias ${user.cliAlias}`
    );
  }
  const folded = new Map<string, string[]>();
  for (const [sampleId, target] of users.mapping) {
    if (sampleId === target || users.adminPlays.includes(sampleId)) continue;
    folded.set(target, [...(folded.get(target) ?? []), names.get(sampleId) ?? sampleId]);
  }
  for (const [target, sources] of folded) {
    log(`  ${label(target)} also takes the records of ${sources.length}: ${sources.join(', ')}`);
  }
}

export async function setup(argv: readonly string[], deps: SetupDeps): Promise<number> {
  const { log } = deps;
  let options: SetupOptions;
  try {
    options = parseSetupArgs(argv, deps.env);
  } catch (error) {
    if (error instanceof UsageError) {
      log(`${error.message}\n\n${SETUP_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    log(SETUP_USAGE);
    return 0;
  }
  log(`Sales Coaching scratch-org setup${options.dryRun ? ' — dry run: nothing is executed' : ''}`);

  // ---- Offline checks: fail before anything costs a scratch org ---------------------------
  const project = checkProject(deps.root);
  if (project.problems.length > 0) {
    log(
      `✖ Offline checks failed:\n${project.problems.map((problem) => `  - ${problem}`).join('\n')}`
    );
    return 1;
  }
  log('✔ sfdx-project.json, the scratch definition, permission sets, app and CLI are in place');

  // Licences: as many demo users as the scratch definition's edition allows, never more.
  const limit = userLimit(project.edition);
  const tooMany = options.maxUsers === undefined ? null : overLimit(limit, options.maxUsers);
  if (tooMany) {
    log(`✖ Offline checks failed (licences): ${tooMany}`);
    return 1;
  }
  const maxUsers = options.maxUsers ?? limit.defaultUsers;
  log(`✔ Licences: ${describeLimit(limit, maxUsers)}`);

  // History: the import sets the audit fields only where the scratch org allows it.
  const importHistory = options.importData && project.auditFields;
  if (project.auditFields) {
    log(
      `✔ Audit fields: the scratch definition turns on ${AUDIT_SETTING.settings}.${AUDIT_SETTING.field} and the admin gets ${AUDIT_PERMISSION_SET} ("Set Audit Fields upon Record Creation"), so the import keeps the sample's ${AUDIT_FIELDS.join(', ')} where it has them`
    );
  } else {
    log(
      `⚠ Audit fields: the scratch definition does not turn on ${AUDIT_SETTING.settings}.${AUDIT_SETTING.field}: imported records are created on the import day (see "left out" below)`
    );
  }

  let dataset: Dataset;
  let users: UserPlan;
  let schema: Schema;
  let preflight: DataPlan;
  try {
    dataset = loadDataset(deps.root, options.today);
    log(
      `✔ Sample data loaded (${options.today ? `regenerated for ${options.today}` : SAMPLE_DATA}; anchored at ${dataset.meta.today})`
    );
    users = planUsers(dataset, { maxUsers, orgAlias: options.alias });
    const orgSchema = deps.loadSchema(deps.root);
    schema = project.auditFields ? withAuditFieldsOnCreate(orgSchema) : orgSchema;
    preflight = checkedDataPlan(dataset, schema, users, standInIds(users));
  } catch (error) {
    const reason = error instanceof UserPlanError ? 'user plan' : 'data';
    log(
      `✖ Offline checks failed (${reason}): ${error instanceof Error ? error.message : String(error)}`
    );
    return 1;
  }
  const recordCount = [...preflight.files.values()].reduce((sum, rows) => sum + rows.length, 0);
  log(
    `✔ Data plan checked against the object model: ${recordCount} records in ${preflight.plan.length} objects; every field exists and is createable, required fields present, every @reference resolves`
  );
  const imported = new Set(
    [...preflight.files.values()].flatMap((rows) =>
      rows.flatMap((row) => Object.keys(row).map((field) => `${row.attributes.type}.${field}`))
    )
  );
  const history = [...imported].filter((name) =>
    (AUDIT_FIELDS as readonly string[]).includes(name.split('.')[1])
  );
  if (history.length > 0) log(`  imported history: ${history.sort().join(', ')}`);
  for (const omission of preflight.omitted) {
    const what = omission.field
      ? `${omission.object}.${omission.field}`
      : `${omission.records ?? 0} ${omission.object}`;
    log(`  left out: ${what} — ${omission.reason}`);
    if (omission.affects) log(`    KPI affected: ${omission.affects}`);
  }
  describeUsers(users, dataset, log);

  const workDir = resolve(deps.root, options.workDir ?? deps.defaultWorkDir(options.alias));
  const config: SetupConfig = {
    root: deps.root,
    alias: options.alias,
    devHub: options.devHub,
    durationDays: options.durationDays,
    maxUsers,
    workDir,
    importData: options.importData,
    auditFields: project.auditFields,
    openApp: options.openApp
  };
  clearGenerated(workDir);
  const files = setupFiles(workDir, users, project.apiVersion, { importHistory });
  if (options.dryRun && options.importData) {
    for (const [path, text] of dataPlanFiles(workDir, preflight)) files.set(path, text);
  }
  log(`Generated files in ${workDir}:`);
  for (const path of writeFiles(files)) log(`  ${path}`);

  const steps = planSetup(config, users);
  const resumeArgs = argv.filter(
    (arg, index) => arg !== '--from' && !arg.startsWith('--from=') && argv[index - 1] !== '--from'
  );
  try {
    await runSteps(steps, {
      exec: deps.exec,
      log,
      cwd: deps.root,
      env: deps.env,
      programs: { sf: join(deps.root, SF_BIN) },
      dryRun: options.dryRun,
      from: options.from,
      resumeCommand: `npm run org:setup -- ${resumeArgs.join(' ')}`.trimEnd(),
      tasks: {
        'write-data-plan': (context: RunContext) => {
          if (context.adminId === undefined) throw new Error('the admin user Id was not looked up');
          const dataPlan = checkedDataPlan(dataset, schema, users, {
            admin: context.adminId,
            users: context.userIds
          });
          return writeFiles(dataPlanFiles(workDir, dataPlan)).map((path) => `wrote ${path}`);
        }
      }
    });
  } catch (error) {
    if (error instanceof StepFailure) {
      log(error.message);
      return 1;
    }
    throw error;
  }

  if (options.dryRun) {
    log(
      `✔ Dry run complete: ${steps.length} steps planned; placeholders like {{admin}}, {{role:…}} and {{user:…}} are filled from the lookup steps in a real run.`
    );
  } else {
    log(`✔ Scratch org ${options.alias} is ready: the app is at ${APP_PATH}.`);
    for (const user of users.created) {
      log(
        `  as ${user.firstName} ${user.lastName} (${user.level}): sf org open --target-org ${user.cliAlias} --path ${APP_PATH}`
      );
    }
  }
  return 0;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  setup(process.argv.slice(2), defaultDeps()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
