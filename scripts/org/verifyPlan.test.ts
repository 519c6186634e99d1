import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'graphql';
import { PROJECT_ROOT } from './project';
import { FLEXIPAGE_COUNT, GQL_DOCUMENT_COUNT } from './testing/counts';
import {
  checkResponseShape,
  elementName,
  gqlDocuments,
  planChecks,
  planLookups,
  planPages,
  recordPageObjects,
  requestBody,
  requiredVariables,
  resolveVariables,
  unknownVariables,
  VerifyPlanError,
  type OrgData,
  type VerifyConfig
} from './verifyPlan';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function projectWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'org-verify-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const DATA: OrgData = {
  userId: '005000000000ADMAAA',
  records: {
    opportunity: { Id: '006000000000OPPAAA', OwnerId: '005000000000REPAAA' },
    plan: { Id: 'a03000000000PLNAAA', Plan_Owner__c: '005000000000REPAAA' },
    goal: { Id: 'a02000000000GOLAAA', Rep__c: '005000000000REPAAA' },
    session: { Id: 'a01000000000SESAAA', Rep__c: '005000000000REPAAA' },
    team: { Id: '005000000000REPAAA', ManagerId: '005000000000ADMAAA' }
  }
};
const TODAY = '2026-11-23';

const documents = gqlDocuments(PROJECT_ROOT);
const byId = (id: string) => {
  const document = documents.find((candidate) => candidate.id === id);
  assert.ok(document, id);
  return document;
};

void describe('the components’ GraphQL documents', () => {
  void it('finds every gql document of the components, each one named operation', () => {
    assert.equal(documents.length, GQL_DOCUMENT_COUNT);
    assert.equal(new Set(documents.map((document) => document.id)).size, GQL_DOCUMENT_COUNT);
    assert.ok(documents.every((document) => /^force-app\/.+\.ts:\d+$/.test(document.source)));
    assert.ok(
      documents.some((document) => document.id === 'territoryPlanProgress/territoryPlanProgress')
    );
    assert.equal(
      documents.some((document) => document.source.includes('__tests__')),
      false
    );
  });

  void it('has a value source for every variable the components declare without a default', () => {
    assert.deepEqual(unknownVariables(documents), []);
  });

  void it('names a variable it has no value for, with the document’s place', () => {
    const root = projectWith({
      'force-app/main/default/lwc/newCard/newCard.ts':
        "import { gql } from 'lightning/graphql';\nexport const QUERY = gql`\n  query newCard($region: String) { uiapi { query { Account { edges { node { Id } } } } } }\n`;\n"
    });
    assert.deepEqual(unknownVariables(gqlDocuments(root)), [
      'force-app/main/default/lwc/newCard/newCard.ts:2: no value for $region of newCard'
    ]);
  });

  void it('refuses an anonymous operation', () => {
    const root = projectWith({
      'force-app/main/default/lwc/newCard/newCard.ts':
        'export const QUERY = gql`{ uiapi { query { Account { edges { node { Id } } } } } }`;\n'
    });
    assert.throws(
      () => gqlDocuments(root),
      /newCard\.ts:1: a gql document must hold one named operation/
    );
  });
});

void describe('resolveVariables', () => {
  void it('opens the record the document filters by Id: a plan for the plan page, an opportunity for the deal', () => {
    assert.deepEqual(
      resolveVariables(byId('territoryPlanProgress/territoryPlanProgress'), {
        today: TODAY,
        data: DATA
      }),
      { recordId: 'a03000000000PLNAAA' }
    );
    assert.deepEqual(
      resolveVariables(byId('opportunityData/opportunityById'), { today: TODAY, data: DATA }),
      { recordId: '006000000000OPPAAA' }
    );
    assert.deepEqual(
      resolveVariables(byId('developmentGoalEditor/developmentGoalEditorGoal'), {
        today: TODAY,
        data: DATA
      }),
      { goalId: 'a02000000000GOLAAA' }
    );
  });

  void it('takes the team from a rep with a manager, and periods around today', () => {
    const team = resolveVariables(byId('opportunityData/teamMembers'), {
      today: TODAY,
      data: DATA
    });
    assert.deepEqual(team, { managerId: '005000000000ADMAAA' });
    const variables = resolveVariables(byId('opportunityData/ownersScorecardAggregates'), {
      today: TODAY,
      data: DATA
    });
    assert.deepEqual(variables, {
      ownerIds: ['005000000000REPAAA'],
      start: '2026-10-01',
      end: '2026-12-31',
      previousStart: '2026-07-01',
      previousEnd: '2026-09-30',
      lastYearStart: '2025-10-01',
      lastYearEnd: '2025-12-31',
      today: TODAY,
      stageChangedBefore: '2026-10-24T00:00:00.000Z',
      activityBefore: '2026-11-09'
    });
    const history = resolveVariables(byId('managerScorecard/repQuarterHistory'), {
      today: '2027-02-10',
      data: DATA
    });
    assert.equal(history.start0, '2027-01-01');
    assert.equal(history.end0, '2027-03-31');
    assert.equal(history.start1, '2026-10-01', 'across the year end');
    assert.equal(history.end7, '2025-06-30');
  });

  void it('sends every variable without a default and leaves defaults to the document', () => {
    const document = byId('opportunityData/openOpportunitiesOfOwner');
    assert.deepEqual(requiredVariables(document.document), ['ownerId', 'after', 'corporateAfter']);
    assert.deepEqual(resolveVariables(document, { today: TODAY, data: DATA }), {
      ownerId: '005000000000REPAAA',
      after: null,
      corporateAfter: null
    });
    const body = JSON.parse(
      requestBody(document, { ownerId: '005000000000REPAAA', after: null })
    ) as { query: string; variables: unknown; operationName: string };
    assert.equal(body.query, document.text, 'the document exactly as the component holds it');
    assert.equal(body.operationName, 'openOpportunitiesOfOwner');
  });

  void it('says which record the org lacks', () => {
    assert.throws(
      () =>
        resolveVariables(byId('territoryPlanProgress/territoryPlanProgress'), {
          today: TODAY,
          data: { userId: 'x', records: {} }
        }),
      (error: unknown) =>
        error instanceof VerifyPlanError && /the org has no record for "plan"/.test(error.message)
    );
  });
});

void describe('checkResponseShape', () => {
  const document = parse(`query q($id: ID) { uiapi { query {
    plan: Territory_Plan__c(where: { Id: { eq: $id } }) { edges { node {
      Id Name { value } Secret__c @optional { value } Owner { ... on User { Name { value } } }
      Plan_Owner__r { Name { value } }
    } } }
    Opportunity { edges { node { Id } } }
  } } }`);

  void it('passes a response with every selected field, optional ones aside and null parents whole', () => {
    const shape = checkResponseShape(document, {
      uiapi: {
        query: {
          plan: {
            edges: [
              {
                node: {
                  Id: 'a03',
                  Name: { value: 'Q4' },
                  Owner: { __typename: 'User', Name: { value: 'Rep' } },
                  Plan_Owner__r: null
                }
              }
            ]
          },
          Opportunity: { edges: [] }
        }
      }
    });
    assert.deepEqual(shape.problems, []);
    assert.deepEqual(shape.emptyLists, ['data.uiapi.query.Opportunity.edges']);
    assert.equal(shape.checked, 14);
  });

  void it('names each selected field the response lacks, by its alias', () => {
    const shape = checkResponseShape(document, {
      uiapi: {
        query: {
          plan: { edges: [{ node: { Id: 'a03', Owner: { __typename: 'User' } } }] },
          Opportunity: { edges: [{ node: {} }] }
        }
      }
    });
    assert.deepEqual(shape.problems, [
      'data.uiapi.query.plan.edges[0].node.Name is missing from the response',
      'data.uiapi.query.plan.edges[0].node.Owner.Name is missing from the response',
      'data.uiapi.query.plan.edges[0].node.Plan_Owner__r is missing from the response',
      'data.uiapi.query.Opportunity.edges[0].node.Id is missing from the response'
    ]);
  });

  void it('applies an inline fragment only to its type', () => {
    const shape = checkResponseShape(document, {
      uiapi: {
        query: {
          plan: {
            edges: [
              {
                node: {
                  Id: 'a03',
                  Name: { value: 'Q4' },
                  Owner: { __typename: 'Group' },
                  Plan_Owner__r: null
                }
              }
            ]
          },
          Opportunity: { edges: [] }
        }
      }
    });
    assert.deepEqual(shape.problems, []);
  });

  void it('fails a response without data', () => {
    assert.deepEqual(checkResponseShape(document, undefined).problems, [
      'the response has no data'
    ]);
  });
});

void describe('planPages', () => {
  const recordId = (object: string) => `{{${object}}}`;

  void it('opens each FlexiPage of the package where its users find it, expecting its components', () => {
    const pages = planPages(PROJECT_ROOT, 'Org', new Map(), recordId);
    assert.equal(pages.length, 7);
    const opportunity = pages.find((page) => page.name === 'Opportunity_Record_Page');
    assert.deepEqual(opportunity, {
      name: 'Opportunity_Record_Page',
      type: 'RecordPage',
      sobjectType: 'Opportunity',
      components: ['c-deal-coach', 'c-coaching-session-form', 'c-coaching-timeline'],
      path: 'lightning/r/Opportunity/{{Opportunity}}/view',
      targetOrg: 'Org'
    });
    const home = pages.find((page) => page.name === 'Sales_Coaching_Manager_Home');
    assert.equal(home?.path, 'lightning/page/home');
    assert.deepEqual(recordPageObjects(PROJECT_ROOT), [
      'Coaching_Session__c',
      'Development_Goal__c',
      'Opportunity',
      'Territory_Plan__c'
    ]);
  });

  void it('opens an App page through its Lightning Page tab, and says so when there is none', () => {
    const page = (name: string) =>
      `<FlexiPage xmlns="http://soap.sforce.com/2006/04/metadata"><flexiPageRegions><itemInstances><componentInstance><componentName>c:managerScorecard</componentName></componentInstance></itemInstances><name>main</name><type>Region</type></flexiPageRegions><masterLabel>${name}</masterLabel><type>AppPage</type></FlexiPage>`;
    const root = projectWith({
      'force-app/main/default/flexipages/Tabbed.flexipage-meta.xml': page('Tabbed'),
      'force-app/main/default/flexipages/Hidden.flexipage-meta.xml': page('Hidden'),
      'force-app/main/default/tabs/Coaching_Hub.tab-meta.xml':
        '<CustomTab xmlns="http://soap.sforce.com/2006/04/metadata"><flexiPage>Tabbed</flexiPage><label>Coaching</label></CustomTab>'
    });
    const pages = planPages(root, 'Org', new Map([['Hidden', 'Rep']]), recordId);
    assert.deepEqual(
      pages.map((entry) => [entry.name, entry.path, entry.targetOrg, entry.components]),
      [
        [
          'Hidden',
          {
            problem:
              'no Lightning Page tab (force-app/main/default/tabs) opens Hidden, so the app cannot show it'
          },
          'Rep',
          ['c-manager-scorecard']
        ],
        ['Tabbed', 'lightning/n/Coaching_Hub', 'Org', ['c-manager-scorecard']]
      ]
    );
  });

  void it('names the element a component renders as', () => {
    assert.equal(elementName('c:managerScorecard'), 'c-manager-scorecard');
    assert.equal(elementName('c:dealCoach'), 'c-deal-coach');
  });
});

void describe('planLookups and planChecks', () => {
  const config: VerifyConfig = {
    root: PROJECT_ROOT,
    targetOrg: 'Org',
    apiVersion: '62.0',
    pageUsers: new Map(),
    workDir: '/tmp/verify'
  };

  void it('finds the running user, a record of each object, and a rep with a manager', () => {
    const lookups = planLookups('Org', ['Opportunity', 'Manager_Scorecard__c']);
    assert.deepEqual(
      lookups.map((lookup) => lookup.argv.join(' ')),
      [
        'sf org display user --target-org Org --json',
        'sf data query --query SELECT Id, OwnerId FROM Opportunity ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Org --json',
        'sf data query --query SELECT Id, Plan_Owner__c FROM Territory_Plan__c ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Org --json',
        'sf data query --query SELECT Id, Rep__c FROM Development_Goal__c ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Org --json',
        'sf data query --query SELECT Id, Rep__c FROM Coaching_Session__c ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Org --json',
        'sf data query --query SELECT Id, ManagerId FROM User WHERE IsActive = true AND ManagerId != null ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Org --json',
        'sf data query --query SELECT Id FROM Manager_Scorecard__c ORDER BY LastModifiedDate DESC LIMIT 1 --target-org Org --json'
      ]
    );
  });

  void it('plans the check-only deploy, one request per document and one check per page', () => {
    const pages = planPages(PROJECT_ROOT, 'Org', new Map(), (object) => `{{${object}}}`);
    const checks = planChecks(config, documents, pages);
    assert.equal(checks.length, 1 + GQL_DOCUMENT_COUNT + FLEXIPAGE_COUNT);
    assert.equal(
      checks[0].argv.join(' '),
      'sf project deploy validate --source-dir force-app --target-org Org --wait 30 --json'
    );
    const graphql = checks.find(
      (check) => check.id === 'graphql:territoryPlanProgress/territoryPlanProgress'
    );
    assert.equal(
      graphql?.argv.join(' '),
      'sf api request rest services/data/v62.0/graphql --method POST --body @/tmp/verify/graphql/territoryPlanProgress.territoryPlanProgress.json --target-org Org'
    );
    const page = checks.find((check) => check.id === 'page:Territory_Plan_Record_Page');
    assert.equal(
      page?.argv.join(' '),
      'sf org open --url-only --path lightning/app/c__Sales_Coaching --target-org Org --json'
    );
    assert.deepEqual(
      checks.map((check) => check.kind),
      [
        'deploy',
        ...Array<string>(GQL_DOCUMENT_COUNT).fill('graphql'),
        ...Array<string>(FLEXIPAGE_COUNT).fill('page')
      ]
    );
  });
});
