import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { XMLValidator } from 'fast-xml-parser';
import { withAuditFieldsOnCreate } from './auditFields';
import type { TreeRecord } from './dataPlan';
import { deleteOrg } from './delete';
import type { Exec, ProcessResult } from './runner';
import { PROJECT_ROOT } from './project';
import { loadOrgSchema } from './schema';
import {
  checkedDataPlan,
  defaultDeps,
  loadDataset,
  setup,
  standInIds,
  type SetupDeps
} from './setup';
import { planUsers } from './users';
import { fixtureDataset, fixtureSchema } from './testing/fixture';

/** The repository's scratch definition, in short: a Developer Edition that sets audit fields. */
const SCRATCH_DEF = {
  orgName: 'x',
  edition: 'Developer',
  settings: { securitySettings: { enableAuditFieldsInactiveOwner: true } }
};

/** A project on disk with just what setup checks, and the fixture dataset as the sample. */
function makeProject(
  options: { without?: string; scratchDefinition?: Record<string, unknown> } = {}
): string {
  const root = mkdtempSync(join(tmpdir(), 'org-setup-'));
  const files: Record<string, string> = {
    'sfdx-project.json': JSON.stringify({
      packageDirectories: [
        { path: 'force-app', default: true, package: 'Sales Coaching', versionNumber: '0.1.0.NEXT' }
      ],
      sourceApiVersion: '62.0'
    }),
    'config/project-scratch-def.json': JSON.stringify(options.scratchDefinition ?? SCRATCH_DEF),
    'force-app/main/default/permissionsets/Sales_Coaching_Admin.permissionset-meta.xml': '<x/>',
    'force-app/main/default/permissionsets/Sales_Coaching_Manager.permissionset-meta.xml': '<x/>',
    'force-app/main/default/permissionsets/Sales_Coaching_Rep.permissionset-meta.xml': '<x/>',
    'force-app/main/default/applications/Sales_Coaching.app-meta.xml': '<x/>',
    'node_modules/.bin/sf': '',
    'data/sample-data.json': JSON.stringify(fixtureDataset())
  };
  for (const [path, text] of Object.entries(files)) {
    if (path === options.without) continue;
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

interface Harness {
  deps: SetupDeps;
  lines: string[];
  commands: string[];
  workDir: string;
}

const json = (result: unknown) => JSON.stringify({ status: 0, result });

/** What a scratch org answers: the admin, the roles, the users created with unique usernames. */
const ORG: [RegExp, Partial<ProcessResult>][] = [
  [/display user/, { stdout: json({ id: '005ADMIN000000AAAA' }) }],
  [
    /FROM UserRole/,
    {
      stdout: json({
        records: [
          'SC_VP_of_Sales',
          'SC_Sales_Manager_North_America_East',
          'SC_Team_North_America_East',
          'SC_Sales_Manager_North_America_West',
          'SC_Team_North_America_West'
        ].map((name, index) => ({ Id: `00E00000000000${index}AAA`, DeveloperName: name }))
      })
    }
  ],
  [
    /FROM User WHERE/,
    {
      stdout: json({
        records: [
          { Id: '005MANAGER0000AAAA', Username: 'mona.east@salescoaching.example.00dsc000001' },
          { Id: '005REP00000000AAAA', Username: 'ben.baker@salescoaching.example.00dsc000001' }
        ]
      })
    }
  ]
];

function harness(root: string, script: [RegExp, Partial<ProcessResult>][] = ORG): Harness {
  const lines: string[] = [];
  const commands: string[] = [];
  const workDir = join(root, 'work');
  const exec: Exec = (program, args) => {
    const command = [program.replace(root, '<root>'), ...args].join(' ');
    commands.push(command);
    const answer = script.find(([pattern]) => pattern.test(command))?.[1] ?? {};
    return Promise.resolve({ exitCode: 0, stdout: '', stderr: '', ...answer });
  };
  return {
    deps: {
      root,
      exec,
      log: (line) => lines.push(line),
      env: {},
      loadSchema: fixtureSchema,
      defaultWorkDir: () => workDir
    },
    lines,
    commands,
    workDir
  };
}

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function project(
  options: { without?: string; scratchDefinition?: Record<string, unknown> } = {}
): string {
  const root = makeProject(options);
  roots.push(root);
  return root;
}

void describe('npm run org:setup -- --dry-run', () => {
  void it('checks offline, writes every generated file and prints each command without running it', async () => {
    const root = project();
    const h = harness(root);
    assert.equal(await setup(['--dry-run', '--dev-hub', 'MyHub'], h.deps), 0);
    assert.deepEqual(h.commands, [], 'nothing is executed');
    const output = h.lines.join('\n');
    assert.match(output, /dry run: nothing is executed/);
    assert.match(
      output,
      /✔ Licences: a Developer Edition scratch org has 2 Salesforce licences, one of them the admin's: 1 demo user \(Salesforce DX Developer Guide, "Scratch Org Users"/
    );
    assert.match(
      output,
      /✔ Audit fields: the scratch definition turns on securitySettings\.enableAuditFieldsInactiveOwner and the admin gets SC_Setup_Import_History/
    );
    assert.match(output, /✔ Data plan checked against the object model: 11 records in 9 objects/);
    assert.match(
      output,
      /imported history: Coaching_Private_Note__c\.CreatedDate, Coaching_Session__c\.CreatedDate, Opportunity\.CreatedDate, Opportunity\.LastModifiedDate, Territory_Plan__c\.CreatedDate/
    );
    assert.match(output, /left out: Opportunity\.IsClosed — derived from the stage/);
    assert.match(
      output,
      /left out: Opportunity\.PushCount — counted by the platform when the close date moves out\n {4}KPI affected: pushed deals/
    );
    assert.match(output, /left out: 1 Territory_Plan__History — field history/);
    assert.match(
      output,
      /Demo users: the admin plays Vera Park \(VP\) and Mona East \(manager of the rep created\)/
    );
    assert.match(output, /create rep Ben Baker → role SC_Team_North_America_East/);
    assert.equal(output.match(/^ {2}create /gm)?.length, 1, 'one user: the licences allow one');
    assert.match(
      output,
      /Ben Baker also takes the records of 4: Ann Able, Cy Cole, Dee Dunn, Eve Eton/
    );
    assert.match(
      output,
      /the admin \(Vera Park, Mona East\) also takes the records of 1: Milo West/
    );
    assert.match(
      output,
      /\$ sf org create scratch --definition-file config\/project-scratch-def\.json --alias SalesCoaching --duration-days 7 --target-dev-hub MyHub --wait 15/
    );
    assert.match(
      output,
      /\$ sf project deploy start --metadata-dir work\/import-history --target-org SalesCoaching --wait 10\n.*\n {4}\$ sf org assign permset --name Sales_Coaching_Admin --name Sales_Coaching_Manager --name SC_Setup_Import_History/
    );
    assert.match(
      output,
      /\$ sf data import tree --plan work\/data\/plan\.json --target-org SalesCoaching/
    );
    assert.match(output, /✔ Dry run complete: 17 steps planned/);

    for (const path of [
      'roles/package.xml',
      'roles/roles/SC_VP_of_Sales.role',
      'import-history/package.xml',
      'import-history/permissionsets/SC_Setup_Import_History.permissionset',
      'users/SalesCoaching-rep.json',
      'data/plan.json',
      'data/Coaching_Session__c.json'
    ]) {
      assert.ok(existsSync(join(h.workDir, path)), path);
      assert.ok(output.includes(join(h.workDir, path)), `${path} is printed`);
    }
    assert.equal(existsSync(join(h.workDir, 'users/SalesCoaching-manager.json')), false);
    const role = readFileSync(
      join(h.workDir, 'roles/roles/SC_Team_North_America_East.role'),
      'utf8'
    );
    assert.equal(XMLValidator.validate(role), true);
    assert.match(role, /<name>Team of North America East<\/name>/);
    assert.match(role, /<parentRole>SC_Sales_Manager_North_America_East<\/parentRole>/);
    assert.match(
      readFileSync(join(h.workDir, 'roles/package.xml'), 'utf8'),
      /<members>SC_VP_of_Sales<\/members>[\s\S]*<name>Role<\/name>[\s\S]*<version>62\.0<\/version>/
    );
    const permissionSet = readFileSync(
      join(h.workDir, 'import-history/permissionsets/SC_Setup_Import_History.permissionset'),
      'utf8'
    );
    assert.equal(XMLValidator.validate(permissionSet), true);
    assert.match(
      permissionSet,
      /<userPermissions>\s*<enabled>true<\/enabled>\s*<name>CreateAuditFields<\/name>\s*<\/userPermissions>/
    );
    assert.match(
      readFileSync(join(h.workDir, 'import-history/package.xml'), 'utf8'),
      /<members>SC_Setup_Import_History<\/members>\s*<name>PermissionSet<\/name>/
    );
    assert.deepEqual(
      JSON.parse(readFileSync(join(h.workDir, 'users/SalesCoaching-rep.json'), 'utf8')),
      {
        Username: 'ben.baker@salescoaching.example',
        FirstName: 'Ben',
        LastName: 'Baker',
        Email: 'ben.baker@example.com',
        Alias: 'bbake',
        Title: 'Account Executive',
        Department: 'Sales',
        profileName: 'Standard User',
        roleDeveloperName: 'SC_Team_North_America_East',
        permsets: ['Sales_Coaching_Rep'],
        generatePassword: true
      }
    );
    const opportunities = (
      JSON.parse(readFileSync(join(h.workDir, 'data/Opportunity.json'), 'utf8')) as {
        records: TreeRecord[];
      }
    ).records;
    assert.deepEqual(
      opportunities.map((record) => record.CreatedDate),
      ['2026-08-01T09:00:00.000Z', '2026-11-01T09:00:00.000Z']
    );
  });

  void it('refuses more users than the edition has licences for, before any command', async () => {
    const h = harness(project());
    assert.equal(await setup(['--dry-run', '--max-users', '2'], h.deps), 1);
    assert.match(
      h.lines.join('\n'),
      /✖ Offline checks failed \(licences\): --max-users 2 needs 3 Salesforce licences with the admin's, but a Developer Edition scratch org has 2/
    );
    assert.equal(
      h.lines.some((line) => line.includes('$ ')),
      false
    );
  });

  void it('without the audit-field setting, leaves the history out and says which KPI it changes', async () => {
    const root = project({ scratchDefinition: { orgName: 'x', edition: 'Developer' } });
    const h = harness(root);
    assert.equal(await setup(['--dry-run'], h.deps), 0);
    const output = h.lines.join('\n');
    assert.match(
      output,
      /⚠ Audit fields: the scratch definition does not turn on securitySettings\.enableAuditFieldsInactiveOwner/
    );
    assert.match(
      output,
      /left out: Opportunity\.CreatedDate — stamped by the platform \(audit field\); importable only where setting audit fields is on[^\n]*\n {4}KPI affected: sales cycle/
    );
    assert.doesNotMatch(output, /imported history/);
    assert.doesNotMatch(output, /SC_Setup_Import_History/);
    assert.equal(existsSync(join(h.workDir, 'import-history')), false);
  });

  void it('rewrites the work folder: files of an earlier, larger plan do not linger', async () => {
    // An edition without a documented licence count takes --max-users as given.
    const root = project({ scratchDefinition: { orgName: 'x', edition: 'Enterprise' } });
    const h = harness(root);
    assert.equal(await setup(['--dry-run', '--max-users', '3'], h.deps), 0);
    assert.match(
      h.lines.join('\n'),
      /Salesforce documents no licence count for Enterprise Edition scratch orgs: 3 demo users/
    );
    assert.ok(existsSync(join(h.workDir, 'users/SalesCoaching-rep2.json')));
    writeFileSync(join(h.workDir, 'notes.txt'), 'mine');
    assert.equal(await setup(['--dry-run', '--max-users', '2', '--no-data'], h.deps), 0);
    assert.equal(existsSync(join(h.workDir, 'users/SalesCoaching-rep2.json')), false);
    assert.equal(existsSync(join(h.workDir, 'data/plan.json')), false);
    assert.ok(existsSync(join(h.workDir, 'notes.txt')), 'only the generated folders are cleared');
  });

  void it('stops before any command when the project is incomplete', async () => {
    const root = project({
      without: 'force-app/main/default/permissionsets/Sales_Coaching_Rep.permissionset-meta.xml'
    });
    const h = harness(root);
    assert.equal(await setup(['--dry-run'], h.deps), 1);
    assert.match(
      h.lines.join('\n'),
      /✖ Offline checks failed:\n {2}- permission set Sales_Coaching_Rep \(Sales_Coaching_Rep\.permissionset-meta\.xml\) is not in force-app/
    );
    assert.equal(
      h.lines.some((line) => line.includes('$ ')),
      false
    );
  });

  void it('stops when the data plan does not match the object model', async () => {
    const root = project();
    const h = harness(root);
    h.deps.loadSchema = () => {
      const schema = new Map(fixtureSchema());
      schema.delete('Development_Goal__c');
      return schema;
    };
    assert.equal(await setup(['--dry-run'], h.deps), 1);
    assert.match(
      h.lines.join('\n'),
      /✖ Offline checks failed \(data\): the data plan does not match the object model \(2 problems\):\n {2}- plan entry 5: object Development_Goal__c is not in the org schema/
    );
  });

  void it('rejects bad options with the usage text', async () => {
    const h = harness(project());
    assert.equal(await setup(['--duration-days', '45'], h.deps), 2);
    assert.match(h.lines[0], /--duration-days must be a whole number from 1 to 30 \(got "45"\)/);
    assert.match(h.lines[0], /Usage: npm run org:setup/);
  });
});

void describe('npm run org:setup -- --dry-run on this repository', () => {
  void it('creates no more users than a Developer Edition has licences, sets audit fields and imports CreatedDate', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'org-setup-repo-'));
    roots.push(workDir);
    const lines: string[] = [];
    const commands: string[] = [];
    const deps: SetupDeps = {
      ...defaultDeps(),
      exec: (program, args) => {
        commands.push([program, ...args].join(' '));
        return Promise.resolve({ exitCode: 0, stdout: '', stderr: '' });
      },
      log: (line) => lines.push(line),
      env: {},
      defaultWorkDir: () => workDir
    };
    assert.equal(await setup(['--dry-run'], deps), 0, lines.join('\n'));
    assert.deepEqual(commands, []);
    const definition = JSON.parse(
      readFileSync(join(PROJECT_ROOT, 'config/project-scratch-def.json'), 'utf8')
    ) as { edition: string; settings: { securitySettings?: Record<string, unknown> } };
    assert.equal(definition.edition, 'Developer');
    assert.equal(definition.settings.securitySettings?.enableAuditFieldsInactiveOwner, true);

    const output = lines.join('\n');
    const userCreations = output.match(/\$ sf org create user /g) ?? [];
    assert.equal(userCreations.length, 1, 'two licences: the admin and one user');
    assert.match(output, /sf org assign permset [^\n]*--name SC_Setup_Import_History/);
    const permissionSet = readFileSync(
      join(workDir, 'import-history/permissionsets/SC_Setup_Import_History.permissionset'),
      'utf8'
    );
    assert.match(permissionSet, /<name>CreateAuditFields<\/name>/);

    const opportunities = (
      JSON.parse(readFileSync(join(workDir, 'data/Opportunity.json'), 'utf8')) as {
        records: { StageName: string; CloseDate: string; CreatedDate?: string }[];
      }
    ).records;
    assert.equal(opportunities.length, 1800);
    assert.ok(opportunities.every((record) => typeof record.CreatedDate === 'string'));
    // What the import keeps is what the preview's sales cycle reads (Sales_Cycle_Days__c, on
    // closed deals): no closed deal closes before it was created.
    const closedBeforeCreated = opportunities.filter(
      (record) =>
        record.StageName.startsWith('Closed') &&
        record.CloseDate < (record.CreatedDate ?? '').slice(0, 10)
    );
    assert.deepEqual(closedBeforeCreated, []);
  });
});

void describe('npm run org:setup (CLI mocked at the process boundary)', () => {
  void it('runs every step and imports a plan that holds the org’s user Ids', async () => {
    const root = project();
    const h = harness(root);
    assert.equal(await setup([], { ...h.deps, env: { SF_DEV_HUB: 'EnvHub' } }), 0);
    const sf = '<root>/node_modules/.bin/sf';
    assert.deepEqual(h.commands, [
      `${sf} --version`,
      `${sf} org display --target-org EnvHub --json`,
      'npm run build',
      `${sf} org create scratch --definition-file config/project-scratch-def.json --alias SalesCoaching --duration-days 7 --target-dev-hub EnvHub --wait 15`,
      `${sf} project deploy start --source-dir force-app --target-org SalesCoaching --wait 30`,
      `${sf} project deploy start --metadata-dir work/import-history --target-org SalesCoaching --wait 10`,
      `${sf} org assign permset --name Sales_Coaching_Admin --name Sales_Coaching_Manager --name SC_Setup_Import_History --target-org SalesCoaching`,
      `${sf} project deploy start --metadata-dir work/roles --target-org SalesCoaching --wait 10`,
      `${sf} org display user --target-org SalesCoaching --json`,
      `${sf} data query --query SELECT Id, DeveloperName FROM UserRole WHERE DeveloperName IN ('SC_VP_of_Sales', 'SC_Sales_Manager_North_America_East', 'SC_Team_North_America_East', 'SC_Sales_Manager_North_America_West', 'SC_Team_North_America_West') --target-org SalesCoaching --json`,
      `${sf} data update record --sobject User --record-id 005ADMIN000000AAAA --values UserRoleId=00E000000000000AAA --target-org SalesCoaching`,
      `${sf} org create user --definition-file work/users/SalesCoaching-rep.json --set-alias SalesCoaching-rep --set-unique-username --target-org SalesCoaching`,
      `${sf} data query --query SELECT Id, Username FROM User WHERE Username LIKE 'ben.baker@salescoaching.example%' --target-org SalesCoaching --json`,
      `${sf} data update record --sobject User --record-id 005REP00000000AAAA --values ManagerId=005ADMIN000000AAAA --target-org SalesCoaching`,
      `${sf} data import tree --plan work/data/plan.json --target-org SalesCoaching`,
      `${sf} org open --target-org SalesCoaching --path lightning/app/c__Sales_Coaching`
    ]);
    const sessions = (
      JSON.parse(readFileSync(join(h.workDir, 'data/Coaching_Session__c.json'), 'utf8')) as {
        records: TreeRecord[];
      }
    ).records;
    assert.deepEqual(
      sessions.map((session) => [session.Rep__c, session.Coach__c, session.CreatedDate]),
      [['005REP00000000AAAA', '005ADMIN000000AAAA', '2026-09-15T16:00:00.000Z']]
    );
    const output = h.lines.join('\n');
    assert.match(output, /wrote .*work\/data\/plan\.json/);
    assert.match(output, /✔ Scratch org SalesCoaching is ready/);
    assert.match(
      output,
      /as Ben Baker \(rep\): sf org open --target-org SalesCoaching-rep --path lightning\/app\/c__Sales_Coaching/
    );
  });

  void it('stops at the failing step with its command and stderr, and runs nothing after it', async () => {
    const root = project();
    const h = harness(root, [
      [
        /deploy start --source-dir/,
        { exitCode: 1, stderr: 'Deploy failed: Field Rep__c does not exist\n' }
      ],
      ...ORG
    ]);
    assert.equal(await setup(['--dev-hub', 'MyHub', '--work-dir', 'work'], h.deps), 1);
    const output = h.lines.join('\n');
    assert.match(
      output,
      /✖ Step 5\/17 failed: Deploy force-app to the scratch org\n {2}command: sf project deploy start --source-dir force-app --target-org SalesCoaching --wait 30\n {2}exit code: 1\n {2}stderr:\n {4}Deploy failed: Field Rep__c does not exist/
    );
    assert.match(
      output,
      /re-run from this step on the same org:\n {4}npm run org:setup -- --dev-hub MyHub --work-dir work --from 5/
    );
    assert.equal(h.commands.length, 5);
  });

  void it('fails without a Dev Hub, saying how to set one', async () => {
    const root = project();
    const h = harness(root, [
      [/config get target-dev-hub/, { stdout: json([{ name: 'target-dev-hub', success: true }]) }]
    ]);
    assert.equal(await setup([], h.deps), 1);
    assert.match(
      h.lines.join('\n'),
      /Step 2\/17 failed: Check a default Dev Hub is set[\s\S]*pass --dev-hub <alias>, set SF_DEV_HUB/
    );
    assert.equal(h.commands.length, 2);
  });
});

void describe('npm run org:delete', () => {
  void it('deletes the scratch org by alias, or only prints the command in a dry run', async () => {
    const root = project();
    const h = harness(root);
    assert.equal(await deleteOrg(['--alias', 'demo'], h.deps), 0);
    assert.deepEqual(h.commands, [
      '<root>/node_modules/.bin/sf org delete scratch --target-org demo --no-prompt'
    ]);
    const dry = harness(root);
    assert.equal(await deleteOrg(['--dry-run'], dry.deps), 0);
    assert.deepEqual(dry.commands, []);
    assert.ok(
      dry.lines.includes('    $ sf org delete scratch --target-org SalesCoaching --no-prompt')
    );
  });

  void it('reports a failed deletion', async () => {
    const h = harness(project(), [
      [/org delete/, { exitCode: 1, stdout: '{"name":"NoAuthInfoFound","message":"No org demo"}' }]
    ]);
    assert.equal(await deleteOrg(['--alias', 'demo'], h.deps), 1);
    assert.match(
      h.lines.join('\n'),
      /Step 1\/1 failed: Delete the scratch org demo[\s\S]*error: NoAuthInfoFound: No org demo/
    );
  });
});

void describe('the committed sample data and the package metadata', () => {
  void it('give a data plan that passes the schema check, for any number of demo users', () => {
    const dataset = loadDataset(PROJECT_ROOT);
    const schema = loadOrgSchema(PROJECT_ROOT);
    for (const withHistory of [false, true]) {
      for (const maxUsers of [0, 1, 2, 30]) {
        const users = planUsers(dataset, { maxUsers, orgAlias: 'SC' });
        const dataPlan = checkedDataPlan(
          dataset,
          withHistory ? withAuditFieldsOnCreate(schema) : schema,
          users,
          standInIds(users)
        );
        const records = [...dataPlan.files.values()].reduce((sum, rows) => sum + rows.length, 0);
        assert.ok(records > 1000, `${records} records with ${maxUsers} users`);
      }
    }
  });
});
