/**
 * `npm run org:verify -- --target-org <alias>`: checks the package against an org where it is
 * deployed, and reports pass or fail per check with the command that reruns it:
 *
 *   1. a check-only deploy of force-app (`sf project deploy validate`);
 *   2. every `gql` document of the components, sent as the component sends it, with variables
 *      from the org's own records (found first with `sf org display user` and `sf data query`):
 *      no GraphQL error, and every field the document selects is in the response;
 *   3. every FlexiPage opened in headless Chromium through the CLI's frontdoor URL: each placed
 *      component renders, stops loading and shows no error.
 *
 * `--dry-run` needs no org: it checks the inputs (every variable of every document has a value
 * source, every page can be opened), writes the request bodies with placeholders and prints every
 * command. The plan is verifyPlan.ts; the process boundary (`Exec`) and the browser
 * (`PageChecker`) are injected, so tests run the whole command with both mocked.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isRecord } from '../guards';
import { parseVerifyArgs, UsageError, VERIFY_USAGE, type VerifyOptions } from './options';
import { chromiumPageChecker, type PageChecker } from './pageCheck';
import { checkProject, PROJECT_ROOT, SF_BIN } from './project';
import {
  errorMessage,
  formatCommand,
  jsonErrorMessage,
  parseJson,
  queryRecords,
  resultOf,
  SF_ENV,
  spawnExec,
  type Exec,
  type ProcessResult
} from './runner';
import {
  checkResponseShape,
  gqlDocuments,
  PAGE_TIMEOUT_SECONDS,
  planChecks,
  planLookups,
  planPages,
  recordPageObjects,
  requestBody,
  resolveVariables,
  unknownVariables,
  VerifyPlanError,
  type Check,
  type GqlDocument,
  type Lookup,
  type OrgData,
  type VerifyConfig
} from './verifyPlan';

export interface VerifyDeps {
  root: string;
  exec: Exec;
  log: (line: string) => void;
  env: NodeJS.ProcessEnv;
  /** Today's date (YYYY-MM-DD), for the date variables. */
  today: () => string;
  pages: () => PageChecker;
  defaultWorkDir: (targetOrg: string) => string;
}

export function defaultVerifyDeps(): VerifyDeps {
  return {
    root: PROJECT_ROOT,
    exec: spawnExec,
    log: (line) => console.log(line),
    env: process.env,
    today: () => new Date().toISOString().slice(0, 10),
    pages: chromiumPageChecker,
    defaultWorkDir: (targetOrg) => join(tmpdir(), `sales-coaching-verify-${targetOrg}`)
  };
}

/** Shown in dry-run commands when no --target-org is given. */
export const TARGET_ORG_PLACEHOLDER = '{{target-org}}';

export type Status = 'pass' | 'fail';

export interface CheckResult {
  id: string;
  title: string;
  status: Status;
  details: string[];
}

/** Stand-in data for a dry run: each value names where a real run takes it from. */
function placeholderData(): OrgData {
  const record = (lookup: string, fields: string[]): Record<string, string> =>
    Object.fromEntries(fields.map((field) => [field, `{{${lookup}.${field}}}`]));
  return {
    userId: '{{user.Id}}',
    records: {
      opportunity: record('opportunity', ['Id', 'OwnerId']),
      plan: record('plan', ['Id', 'Plan_Owner__c']),
      goal: record('goal', ['Id', 'Rep__c']),
      session: record('session', ['Id', 'Rep__c']),
      team: record('team', ['Id', 'ManagerId'])
    }
  };
}

/** The lookup whose record a record page opens. */
function recordIdFor(data: OrgData, lookups: readonly Lookup[], object: string): string {
  const lookup = lookups.find((candidate) => candidate.object === object);
  const id = lookup ? data.records[lookup.id]?.Id : undefined;
  return typeof id === 'string' ? id : `{{${lookup?.id ?? object}.Id}}`;
}

function rerunCommand(options: VerifyOptions, targetOrg: string, id: string): string {
  const pageAs = [...options.pageUsers].map(([page, alias]) => `--page-as ${page}=${alias}`);
  return ['npm run org:verify --', '--target-org', targetOrg, ...pageAs, '--only', id].join(' ');
}

export async function verify(argv: readonly string[], deps: VerifyDeps): Promise<number> {
  const { log } = deps;
  let options: VerifyOptions;
  try {
    options = parseVerifyArgs(argv, deps.env);
  } catch (error) {
    if (error instanceof UsageError) {
      log(`${error.message}\n\n${VERIFY_USAGE}`);
      return 2;
    }
    throw error;
  }
  if (options.help) {
    log(VERIFY_USAGE);
    return 0;
  }
  const targetOrg = options.targetOrg ?? TARGET_ORG_PLACEHOLDER;
  log(
    `Sales Coaching contract check against ${targetOrg}${options.dryRun ? ' — dry run: nothing is executed' : ''}`
  );

  // ---- Inputs: fail before anything reaches the org -----------------------------------------
  const project = checkProject(deps.root);
  const problems = project.problems.filter((problem) => !problem.includes('scratch'));
  let documents: GqlDocument[] = [];
  try {
    documents = gqlDocuments(deps.root);
    problems.push(...unknownVariables(documents));
  } catch (error) {
    problems.push(errorMessage(error));
  }
  if (problems.length > 0) {
    log(`✖ Inputs:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    return 1;
  }
  const workDir = resolve(
    deps.root,
    options.workDir ?? deps.defaultWorkDir(options.targetOrg ?? 'dry-run')
  );
  const config: VerifyConfig = {
    root: deps.root,
    targetOrg,
    apiVersion: project.apiVersion,
    pageUsers: options.pageUsers,
    workDir
  };
  const lookups = planLookups(targetOrg, recordPageObjects(deps.root));
  log(
    `✔ Inputs: ${documents.length} GraphQL documents, every variable with a value source; API version ${project.apiVersion}`
  );

  const sf = join(deps.root, SF_BIN);
  const run = async (commandArgv: readonly string[]): Promise<ProcessResult> => {
    const [, ...args] = commandArgv;
    try {
      return await deps.exec(sf, args, {
        cwd: deps.root,
        env: { ...deps.env, ...SF_ENV },
        echo: false
      });
    } catch (error) {
      return { exitCode: 127, stdout: '', stderr: errorMessage(error) };
    }
  };

  // The checks asked for (record Ids are not needed to know which).
  const selected = (data: OrgData): Check[] =>
    planChecks(
      config,
      documents,
      planPages(deps.root, targetOrg, options.pageUsers, (object) =>
        recordIdFor(data, lookups, object)
      )
    ).filter((check) => options.only.length === 0 || options.only.includes(check.id));
  const unknown = options.only.filter(
    (id) => !selected(placeholderData()).some((check) => check.id === id)
  );
  if (unknown.length > 0) {
    log(`✖ --only names no check: ${unknown.join(', ')}`);
    return 2;
  }
  const needsRecords = selected(placeholderData()).some((check) => check.kind !== 'deploy');

  // ---- The org's own records ------------------------------------------------------------------
  let data: OrgData = { records: {} };
  if (needsRecords) log('Records the checks use:');
  if (options.dryRun) {
    if (needsRecords) {
      for (const lookup of lookups) log(`  ${lookup.title}\n    $ ${formatCommand(lookup.argv)}`);
    }
    data = placeholderData();
  } else {
    for (const lookup of needsRecords ? lookups : []) {
      const result = await run(lookup.argv);
      if (result.exitCode !== 0) {
        const reason = jsonErrorMessage(result.stdout) ?? lastLine(result.stderr);
        log(`  ✖ ${lookup.title}: ${reason}\n    $ ${formatCommand(lookup.argv)}`);
        if (lookup.id === 'user') {
          log('✖ The org cannot be reached with this alias: log in with `sf org login web`.');
          return 1;
        }
        continue;
      }
      try {
        if (lookup.id === 'user') {
          const result_ = resultOf(result.stdout);
          const id = isRecord(result_) ? result_.id : undefined;
          if (typeof id === 'string') data.userId = id;
          log(`  ✔ ${lookup.title}: ${String(id)}`);
        } else {
          const [record] = queryRecords(result.stdout);
          data.records[lookup.id] = record;
          log(
            `  ${record ? '✔' : '–'} ${lookup.title}: ${record ? String(record.Id) : 'none in the org'}`
          );
        }
      } catch (error) {
        log(`  ✖ ${lookup.title}: ${errorMessage(error)}`);
      }
    }
  }

  // ---- The checks -----------------------------------------------------------------------------
  const checks = selected(data);

  if (options.dryRun) {
    log(`Checks (${checks.length}):`);
    for (const check of checks) {
      log(`[${check.id}] ${check.title}`);
      for (const line of dryRunLines(check, data, deps.today())) log(`    ${line}`);
    }
    log(
      `✔ Dry run complete: ${checks.length} checks planned; values like {{opportunity.Id}} come from the lookups in a real run.`
    );
    return 0;
  }

  const results: CheckResult[] = [];
  const pageChecker = checks.some((check) => check.kind === 'page') ? deps.pages() : undefined;
  try {
    for (const check of checks) {
      log(`[${check.id}] ${check.title}`);
      const result = await runCheck(check, { data, run, pageChecker, today: deps.today() });
      results.push(result);
      log(`    ${result.status === 'pass' ? '✔ pass' : '✖ FAIL'}`);
      for (const detail of result.details) log(`      ${detail.replace(/\n/g, '\n      ')}`);
    }
  } finally {
    await pageChecker?.close();
  }

  const report = reportText(results, options, targetOrg);
  mkdirSync(workDir, { recursive: true });
  const reportFile = join(workDir, 'report.txt');
  writeFileSync(reportFile, report);
  for (const line of report.trimEnd().split('\n')) log(line);
  log(`The report is also in ${reportFile}.`);
  return results.some((result) => result.status === 'fail') ? 1 : 0;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n').filter(Boolean);
  return lines[lines.length - 1] ?? 'no output';
}

function dryRunLines(check: Check, data: OrgData, today: string): string[] {
  switch (check.kind) {
    case 'deploy':
      return [`$ ${formatCommand(check.argv)}`];
    case 'graphql': {
      const body = requestBody(check.document, resolveVariables(check.document, { today, data }));
      mkdirSync(dirname(check.bodyFile), { recursive: true });
      writeFileSync(check.bodyFile, body);
      return [
        `$ ${formatCommand(check.argv)}`,
        `  body: ${check.bodyFile} (the document, its variables, operationName)`
      ];
    }
    case 'page': {
      const { path } = check.page;
      if (typeof path !== 'string') return [`✖ cannot be opened: ${path.problem}`];
      const expectation =
        check.page.components.length > 0
          ? `each of ${check.page.components.join(', ')} renders, stops loading and shows no error`
          : 'the page opens without an error';
      return [
        `$ ${formatCommand(check.argv)}`,
        `  then in headless Chromium: the frontdoor URL, then /${path}; within ${PAGE_TIMEOUT_SECONDS} s ${expectation}`,
        ...(check.page.type === 'HomePage'
          ? [
              '  (Home shows the page assigned to the user who opens it: open another Home page as one of its users with --page-as <page>=<alias>)'
            ]
          : [])
      ];
    }
  }
}

interface CheckContext {
  data: OrgData;
  run: (argv: readonly string[]) => Promise<ProcessResult>;
  pageChecker?: PageChecker;
  today: string;
}

async function runCheck(check: Check, context: CheckContext): Promise<CheckResult> {
  const result = (status: Status, details: string[]): CheckResult => ({
    id: check.id,
    title: check.title,
    status,
    details: status === 'fail' ? [...details, `command: ${formatCommand(check.argv)}`] : details
  });
  switch (check.kind) {
    case 'deploy': {
      const output = await context.run(check.argv);
      if (output.exitCode === 0) return result('pass', []);
      return result('fail', [
        jsonErrorMessage(output.stdout) ?? lastLine(output.stderr),
        ...componentFailures(output.stdout)
      ]);
    }
    case 'graphql': {
      let variables: Record<string, unknown>;
      try {
        variables = resolveVariables(check.document, { today: context.today, data: context.data });
      } catch (error) {
        return result('fail', [
          `no variables: ${error instanceof VerifyPlanError ? error.message : errorMessage(error)}`
        ]);
      }
      mkdirSync(dirname(check.bodyFile), { recursive: true });
      writeFileSync(check.bodyFile, requestBody(check.document, variables));
      const output = await context.run(check.argv);
      const response = parseJson(stripAnsi(output.stdout));
      if (!isRecord(response)) {
        return result('fail', [
          `HTTP or CLI error (exit code ${output.exitCode}): ${stripAnsi(output.stdout).trim().slice(0, 500) || lastLine(output.stderr)}`
        ]);
      }
      const errors = Array.isArray(response.errors) ? response.errors : [];
      if (errors.length > 0) {
        return result(
          'fail',
          errors.map(
            (error) => `GraphQL error: ${isRecord(error) ? String(error.message) : String(error)}`
          )
        );
      }
      if (output.exitCode !== 0) {
        return result('fail', [
          `exit code ${output.exitCode}: ${JSON.stringify(response).slice(0, 500)}`
        ]);
      }
      const shape = checkResponseShape(check.document.document, response.data);
      if (shape.problems.length > 0) return result('fail', shape.problems);
      return result('pass', [
        `${shape.checked} selected fields in the response${shape.emptyLists.length > 0 ? `; empty, so not seen below: ${shape.emptyLists.join(', ')}` : ''}`
      ]);
    }
    case 'page': {
      const { path } = check.page;
      if (typeof path !== 'string') return result('fail', [path.problem]);
      if (path.includes('{{')) {
        return result('fail', [
          `no ${check.page.sobjectType ?? ''} record in the org to open the page with`
        ]);
      }
      const output = await context.run(check.argv);
      const opened = output.exitCode === 0 ? resultOf(output.stdout) : undefined;
      const url = isRecord(opened) ? opened.url : undefined;
      if (typeof url !== 'string') {
        return result('fail', [
          `no frontdoor URL: ${jsonErrorMessage(output.stdout) ?? lastLine(output.stderr)}`
        ]);
      }
      if (!context.pageChecker) return result('fail', ['no browser']);
      const problems = await context.pageChecker.check({
        frontdoorUrl: url,
        path,
        components: check.page.components,
        timeoutSeconds: PAGE_TIMEOUT_SECONDS
      });
      return problems.length > 0 ? result('fail', problems) : result('pass', []);
    }
  }
}

const ANSI_COLOUR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** The CLI colours JSON it pretty-prints on a terminal. */
function stripAnsi(text: string): string {
  return text.replace(ANSI_COLOUR, '');
}

/** `sf project deploy validate --json`: the components that failed and why. */
function componentFailures(stdout: string): string[] {
  const parsed = parseJson(stdout);
  const result = isRecord(parsed) ? parsed.result : undefined;
  const details = isRecord(result) ? result.details : undefined;
  const failures = isRecord(details) ? details.componentFailures : undefined;
  return (Array.isArray(failures) ? failures : failures ? [failures] : [])
    .filter(isRecord)
    .map((failure) => {
      const name = [failure.fileName, failure.fullName].find((value) => typeof value === 'string');
      const problem = typeof failure.problem === 'string' ? failure.problem : '';
      return `${typeof name === 'string' ? name : '?'}: ${problem}`;
    });
}

export function reportText(
  results: readonly CheckResult[],
  options: VerifyOptions,
  targetOrg: string
): string {
  const failed = results.filter((result) => result.status === 'fail');
  const lines = [
    '',
    `Sales Coaching contract check — ${targetOrg}: ${results.length - failed.length} passed, ${failed.length} failed`,
    ...results.map((result) => `  ${result.status === 'pass' ? '✔' : '✖'} ${result.id}`)
  ];
  if (failed.length > 0) {
    lines.push('', 'Failed checks, each with the command that reruns it:');
    for (const result of failed) {
      lines.push(
        `✖ ${result.id} — ${result.title}`,
        ...result.details.map((detail) => `    ${detail.replace(/\n/g, '\n    ')}`),
        `    rerun: ${rerunCommand(options, targetOrg, result.id)}`
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

const isMain =
  process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  verify(process.argv.slice(2), defaultVerifyDeps()).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    }
  );
}
