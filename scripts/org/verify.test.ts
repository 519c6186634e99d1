import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Kind, parse, type SelectionSetNode } from 'graphql';
import type { PageChecker, PageRequest } from './pageCheck';
import { PROJECT_ROOT } from './project';
import type { Exec, ProcessResult } from './runner';
import { verify, type VerifyDeps } from './verify';
import { planPages } from './verifyPlan';
import { FLEXIPAGE_COUNT, GQL_DOCUMENT_COUNT } from './testing/counts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const json = (result: unknown) => JSON.stringify({ status: 0, result });
const records = (...rows: Record<string, unknown>[]) =>
  json({ records: rows, totalSize: rows.length });

/** A response holding every field a document selects: one record per connection. */
function fullResponse(query: string): unknown {
  const operation = parse(query).definitions.find(
    (definition) => definition.kind === Kind.OPERATION_DEFINITION
  );
  const fill = (selectionSet: SelectionSetNode): Record<string, unknown> => {
    const value: Record<string, unknown> = {};
    for (const selection of selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      if (!selection.selectionSet) value[key] = 'x';
      else if (selection.name.value === 'edges') value[key] = [fill(selection.selectionSet)];
      else value[key] = fill(selection.selectionSet);
    }
    return value;
  };
  return operation && 'selectionSet' in operation ? { data: fill(operation.selectionSet) } : {};
}

type Answer = (args: readonly string[]) => Partial<ProcessResult> | undefined;

/** What an org with the package and the sample data answers. */
const ORG: Answer = (args) => {
  const command = args.join(' ');
  if (command.startsWith('org display user')) return { stdout: json({ id: '005ADMIN' }) };
  if (command.includes('FROM Opportunity'))
    return { stdout: records({ Id: '006OPP', OwnerId: '005REP' }) };
  if (command.includes('FROM Territory_Plan__c')) return { stdout: records({ Id: 'a03PLAN' }) };
  if (command.includes('FROM Development_Goal__c')) return { stdout: records({ Id: 'a02GOAL' }) };
  if (command.includes('FROM Coaching_Session__c')) return { stdout: records({ Id: 'a01SES' }) };
  if (command.includes('FROM User'))
    return { stdout: records({ Id: '005REP', ManagerId: '005ADMIN' }) };
  if (command.startsWith('project deploy validate')) return { stdout: json({ success: true }) };
  if (command.startsWith('api request rest')) {
    const bodyFile = args[args.indexOf('--body') + 1].slice(1);
    const body = JSON.parse(readFileSync(bodyFile, 'utf8')) as { query: string };
    return { stdout: JSON.stringify(fullResponse(body.query), null, 2) };
  }
  if (command.startsWith('org open --url-only')) {
    return { stdout: json({ url: 'https://example.my.salesforce.com/secur/frontdoor.jsp?otp=1' }) };
  }
  return undefined;
};

interface Harness {
  deps: VerifyDeps;
  lines: string[];
  commands: string[];
  pageRequests: PageRequest[];
  workDir: string;
  closed: () => boolean;
}

function harness(
  answers: Answer[] = [ORG],
  pageProblems: (request: PageRequest) => string[] = () => []
): Harness {
  const workDir = mkdtempSync(join(tmpdir(), 'org-verify-run-'));
  dirs.push(workDir);
  const lines: string[] = [];
  const commands: string[] = [];
  const pageRequests: PageRequest[] = [];
  let closed = false;
  const exec: Exec = (program, args) => {
    commands.push([program.replace(PROJECT_ROOT, '<root>/'), ...args].join(' '));
    for (const answer of answers) {
      const result = answer(args);
      if (result) return Promise.resolve({ exitCode: 0, stdout: '', stderr: '', ...result });
    }
    return Promise.resolve({ exitCode: 1, stdout: '', stderr: `unexpected: ${args.join(' ')}` });
  };
  const checker: PageChecker = {
    check: (request) => {
      pageRequests.push(request);
      return Promise.resolve(pageProblems(request));
    },
    close: () => {
      closed = true;
      return Promise.resolve();
    }
  };
  return {
    deps: {
      root: PROJECT_ROOT,
      exec,
      log: (line) => lines.push(line),
      env: {},
      today: () => '2026-11-23',
      pages: () => checker,
      defaultWorkDir: () => workDir
    },
    lines,
    commands,
    pageRequests,
    workDir,
    closed: () => closed
  };
}

const output = (h: Harness) => h.lines.join('\n');

void describe('npm run org:verify -- --dry-run', () => {
  void it('needs no org: prints the check-only deploy, one GraphQL request per document and one check per FlexiPage', async () => {
    const h = harness();
    assert.equal(await verify(['--dry-run'], h.deps), 0);
    assert.deepEqual(h.commands, [], 'nothing is executed');
    const text = output(h);
    assert.match(
      text,
      new RegExp(
        `✔ Inputs: ${GQL_DOCUMENT_COUNT} GraphQL documents, every variable with a value source`
      )
    );
    assert.equal(
      text.match(
        /\$ sf project deploy validate --source-dir force-app --target-org \{\{target-org\}\} --wait 30 --json/g
      )?.length,
      1
    );
    assert.equal(
      text.match(/\$ sf api request rest services\/data\/v\d+\.0\/graphql --method POST/g)?.length,
      GQL_DOCUMENT_COUNT
    );
    assert.equal(text.match(/^\[page:/gm)?.length, FLEXIPAGE_COUNT);
    assert.match(
      text,
      /\[page:Opportunity_Record_Page\][^\n]*\n {4}\$ sf org open --url-only --path lightning\/app\/c__Sales_Coaching --target-org \{\{target-org\}\} --json\n {6}then in headless Chromium: the frontdoor URL, then \/lightning\/r\/Opportunity\/\{\{opportunity\.Id\}\}\/view; within 90 s each of c-deal-coach, c-coaching-session-form, c-coaching-timeline renders/
    );
    assert.match(
      text,
      new RegExp(`✔ Dry run complete: ${1 + GQL_DOCUMENT_COUNT + FLEXIPAGE_COUNT} checks planned`)
    );
    const body = JSON.parse(
      readFileSync(
        join(h.workDir, 'graphql/territoryPlanProgress.territoryPlanProgress.json'),
        'utf8'
      )
    ) as { variables: unknown; operationName: string };
    assert.deepEqual(body.variables, { recordId: '{{plan.Id}}' });
    assert.equal(body.operationName, 'territoryPlanProgress');
  });

  void it('prints the commands for the org it is given', async () => {
    const h = harness();
    assert.equal(
      await verify(['--dry-run', '--target-org', 'Demo', '--only', 'deploy'], h.deps),
      0
    );
    assert.match(
      output(h),
      /\$ sf project deploy validate --source-dir force-app --target-org Demo/
    );
    assert.match(output(h), /Checks \(1\):/);
  });
});

void describe('npm run org:verify (CLI and browser mocked)', () => {
  void it('passes an org that answers every contract, and reports each check', async () => {
    // Pages the metadata gives no way to open fail whatever the org answers (an App page
    // without a Lightning Page tab); every other check passes here.
    const pages = planPages(PROJECT_ROOT, 'Demo', new Map(), (object) => object);
    const unopenable = pages.filter((page) => typeof page.path !== 'string');
    const h = harness();
    assert.equal(
      await verify(['--target-org', 'Demo'], h.deps),
      unopenable.length > 0 ? 1 : 0,
      output(h)
    );
    const sf = '<root>/node_modules/.bin/sf';
    assert.deepEqual(h.commands.slice(0, 7), [
      `${sf} org display user --target-org Demo --json`,
      `${sf} data query --query SELECT Id, OwnerId FROM Opportunity ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Demo --json`,
      `${sf} data query --query SELECT Id, Plan_Owner__c FROM Territory_Plan__c ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Demo --json`,
      `${sf} data query --query SELECT Id, Rep__c FROM Development_Goal__c ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Demo --json`,
      `${sf} data query --query SELECT Id, Rep__c FROM Coaching_Session__c ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Demo --json`,
      `${sf} data query --query SELECT Id, ManagerId FROM User WHERE IsActive = true AND ManagerId != null ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Demo --json`,
      `${sf} project deploy validate --source-dir force-app --target-org Demo --wait 30 --json`
    ]);
    assert.equal(
      h.commands.filter((command) => command.includes('api request rest')).length,
      GQL_DOCUMENT_COUNT
    );
    const body = (name: string) =>
      JSON.parse(readFileSync(join(h.workDir, `graphql/opportunityData.${name}.json`), 'utf8')) as {
        variables: Record<string, unknown>;
      };
    assert.equal(
      body('teamMembers').variables.managerId,
      '005ADMIN',
      'the manager of a rep in the org'
    );
    assert.equal(body('ownersScorecardAggregates').variables.start, '2026-10-01');

    const opened = h.pageRequests.map((request) => request.path);
    for (const path of [
      'lightning/r/Coaching_Session__c/a01SES/view',
      'lightning/r/Development_Goal__c/a02GOAL/view',
      'lightning/r/Opportunity/006OPP/view',
      'lightning/page/home',
      'lightning/r/Territory_Plan__c/a03PLAN/view'
    ]) {
      assert.ok(opened.includes(path), path);
    }
    assert.equal(opened.length, pages.length - unopenable.length);
    assert.deepEqual(
      h.pageRequests.find((request) => request.path.includes('Opportunity')),
      {
        frontdoorUrl: 'https://example.my.salesforce.com/secur/frontdoor.jsp?otp=1',
        path: 'lightning/r/Opportunity/006OPP/view',
        components: ['c-deal-coach', 'c-coaching-session-form', 'c-coaching-timeline'],
        timeoutSeconds: 90
      }
    );
    assert.equal(h.closed(), true, 'the browser is closed');
    const text = output(h);
    assert.ok(
      text.includes(
        `Sales Coaching contract check — Demo: ${1 + GQL_DOCUMENT_COUNT + FLEXIPAGE_COUNT - unopenable.length} passed, ${unopenable.length} failed`
      )
    );
    assert.match(text, /✔ graphql:territoryPlanProgress\/territoryPlanProgress/);
    for (const page of unopenable) {
      assert.ok(
        text.includes(
          `    rerun: npm run org:verify -- --target-org Demo --only page:${page.name}`
        ),
        page.name
      );
    }
    assert.ok(existsSync(join(h.workDir, 'report.txt')));
  });

  void it('fails a GraphQL document the org rejects, and one whose response lacks a selected field', async () => {
    const broken: Answer = (args) => {
      const body = args.includes('--body') ? args[args.indexOf('--body') + 1] : '';
      if (body.endsWith('opportunityData.opportunityById.json')) {
        return {
          stdout: JSON.stringify({
            errors: [
              {
                message:
                  "Validation error of type FieldUndefined: Field 'Amont' in type 'Opportunity' is undefined"
              }
            ]
          })
        };
      }
      if (body.endsWith('opportunityData.teamMembers.json')) {
        return {
          stdout: JSON.stringify({
            data: {
              uiapi: {
                query: {
                  reports: { edges: [{ node: { Id: '005' } }] },
                  reportsOfReports: { edges: [] }
                }
              }
            }
          })
        };
      }
      return undefined;
    };
    const h = harness([broken, ORG]);
    assert.equal(
      await verify(
        [
          '--target-org',
          'Demo',
          '--only',
          'graphql:opportunityData/opportunityById',
          '--only',
          'graphql:opportunityData/teamMembers'
        ],
        h.deps
      ),
      1
    );
    const text = output(h);
    assert.match(
      text,
      /✖ graphql:opportunityData\/opportunityById[^\n]*\n {4}GraphQL error: Validation error of type FieldUndefined: Field 'Amont'/
    );
    assert.match(
      text,
      /rerun: npm run org:verify -- --target-org Demo --only graphql:opportunityData\/opportunityById/
    );
    assert.match(
      text,
      /data\.uiapi\.query\.reports\.edges\[0\]\.node\.Name is missing from the response/
    );
    assert.equal(
      h.commands.filter((command) => command.includes('deploy validate')).length,
      0,
      '--only'
    );
  });

  void it('fails the deploy with the components the org refuses', async () => {
    const refused: Answer = (args) =>
      args[0] === 'project' && args[1] === 'deploy'
        ? {
            exitCode: 1,
            stdout: JSON.stringify({
              status: 1,
              name: 'FailedValidationError',
              message: 'Deploy failed.',
              result: {
                details: {
                  componentFailures: [
                    {
                      fileName:
                        'force-app/main/default/flexipages/Sales_Coaching_App_Page.flexipage-meta.xml',
                      problem: 'Invalid region name: sidebar'
                    }
                  ]
                }
              }
            })
          }
        : undefined;
    const h = harness([refused, ORG]);
    assert.equal(await verify(['--target-org', 'Demo', '--only', 'deploy'], h.deps), 1);
    assert.equal(h.commands.length, 1, 'the deploy needs none of the org’s records');
    assert.match(
      output(h),
      /✖ deploy[^\n]*\n {4}FailedValidationError: Deploy failed\.\n {4}force-app\/main\/default\/flexipages\/Sales_Coaching_App_Page\.flexipage-meta\.xml: Invalid region name: sidebar/
    );
  });

  void it('fails a page whose component shows an error, and opens a page as the user it is for', async () => {
    const h = harness([ORG], (request) =>
      request.components.includes('c-territory-plan-progress')
        ? ['c-territory-plan-progress shows an error: Insufficient access']
        : []
    );
    assert.equal(
      await verify(
        [
          '--target-org',
          'Demo',
          '--page-as',
          'Sales_Coaching_Rep_Home=Demo-rep',
          '--only',
          'page:Territory_Plan_Record_Page',
          '--only',
          'page:Sales_Coaching_Rep_Home'
        ],
        h.deps
      ),
      1
    );
    assert.ok(
      h.commands.some((command) =>
        command.endsWith(
          'org open --url-only --path lightning/app/c__Sales_Coaching --target-org Demo-rep --json'
        )
      )
    );
    assert.match(
      output(h),
      /c-territory-plan-progress shows an error: Insufficient access[\s\S]*rerun: npm run org:verify -- --target-org Demo --page-as Sales_Coaching_Rep_Home=Demo-rep --only page:Territory_Plan_Record_Page/
    );
  });

  void it('stops when the org cannot be reached, saying how to log in', async () => {
    const h = harness([
      () => ({
        exitCode: 1,
        stdout: JSON.stringify({
          name: 'NoOrgFound',
          message: 'No authorization information found for Demo.'
        })
      })
    ]);
    assert.equal(await verify(['--target-org', 'Demo'], h.deps), 1);
    assert.match(
      output(h),
      /✖ The running user: NoOrgFound: No authorization information found for Demo\./
    );
    assert.match(output(h), /sf org login web/);
    assert.equal(h.commands.length, 1);
  });

  void it('needs an org outside a dry run, and knows its checks', async () => {
    const h = harness();
    assert.equal(await verify([], h.deps), 2);
    assert.match(h.lines[0], /--target-org <alias> is required/);
    const unknown = harness();
    assert.equal(await verify(['--dry-run', '--only', 'page:Nope'], unknown.deps), 2);
    assert.match(output(unknown), /--only names no check: page:Nope/);
  });
});
