import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { planDelete, planSetup, type CommandStep, type SetupConfig } from './steps';
import { fixtureDataset, ids } from './testing/fixture';
import { planUsers } from './users';

const CONFIG: SetupConfig = {
  root: '/repo',
  alias: 'SC',
  devHub: 'MyHub',
  durationDays: 7,
  maxUsers: 2,
  workDir: '/repo/.sf/setup',
  importData: true,
  auditFields: true,
  openApp: true
};

const users = (maxUsers = 2) => planUsers(fixtureDataset(), { maxUsers, orgAlias: 'SC' });

function commands(config: SetupConfig = CONFIG, maxUsers = 2): string[] {
  return planSetup(config, users(maxUsers)).map((step) =>
    step.kind === 'command' ? step.argv.join(' ') : `(task ${step.task})`
  );
}

void describe('planSetup', () => {
  void it('runs the whole setup, in order, with the exact commands', () => {
    assert.deepEqual(commands(), [
      'sf --version',
      'sf org display --target-org MyHub --json',
      'npm run build',
      'sf org create scratch --definition-file config/project-scratch-def.json --alias SC --duration-days 7 --target-dev-hub MyHub --wait 15',
      'sf project deploy start --source-dir force-app --target-org SC --wait 30',
      'sf project deploy start --metadata-dir .sf/setup/import-history --target-org SC --wait 10',
      'sf org assign permset --name Sales_Coaching_Admin --name Sales_Coaching_Manager --name SC_Setup_Import_History --target-org SC',
      'sf project deploy start --metadata-dir .sf/setup/roles --target-org SC --wait 10',
      'sf org display user --target-org SC --json',
      "sf data query --query SELECT Id, DeveloperName FROM UserRole WHERE DeveloperName IN ('SC_VP_of_Sales', 'SC_Sales_Manager_North_America_East', 'SC_Team_North_America_East', 'SC_Sales_Manager_North_America_West', 'SC_Team_North_America_West') --target-org SC --json",
      'sf data update record --sobject User --record-id {{admin}} --values UserRoleId={{role:SC_VP_of_Sales}} --target-org SC',
      'sf org create user --definition-file .sf/setup/users/SC-manager.json --set-alias SC-manager --set-unique-username --target-org SC',
      'sf org create user --definition-file .sf/setup/users/SC-rep.json --set-alias SC-rep --set-unique-username --target-org SC',
      "sf data query --query SELECT Id, Username FROM User WHERE Username LIKE 'mona.east@salescoaching.example%' OR Username LIKE 'ben.baker@salescoaching.example%' --target-org SC --json",
      `sf data update record --sobject User --record-id {{user:${ids.m1}}} --values ManagerId={{admin}} --target-org SC`,
      `sf data update record --sobject User --record-id {{user:${ids.r1b}}} --values ManagerId={{user:${ids.m1}}} --target-org SC`,
      '(task write-data-plan)',
      'sf data import tree --plan .sf/setup/data/plan.json --target-org SC',
      'sf org open --target-org SC --path lightning/app/c__Sales_Coaching'
    ]);
  });

  void it('marks lookups read-only with what they capture, and only opening the app optional', () => {
    const steps = planSetup(CONFIG, users()).filter(
      (step): step is CommandStep => step.kind === 'command'
    );
    assert.deepEqual(
      steps.filter((step) => step.optional).map((step) => step.title),
      ["Open the Sales Coaching app on the managers' Home (team scorecard)"]
    );
    assert.deepEqual(
      steps.flatMap((step) => (step.capture ? [step.capture.kind] : [])),
      ['admin', 'roles', 'users']
    );
    const usersCapture = steps.find((step) => step.capture?.kind === 'users')?.capture;
    assert.deepEqual(usersCapture, {
      kind: 'users',
      usernames: {
        'mona.east@salescoaching.example': ids.m1,
        'ben.baker@salescoaching.example': ids.r1b
      }
    });
    for (const step of steps.filter((candidate) => candidate.capture)) {
      assert.equal(step.readOnly, true, step.title);
    }
  });

  void it('uses the default Dev Hub when none is given, and checks one is configured', () => {
    const list = planSetup({ ...CONFIG, devHub: undefined }, users());
    const check = list[1] as CommandStep;
    assert.deepEqual(check.argv, ['sf', 'config', 'get', 'target-dev-hub', '--json']);
    assert.deepEqual(check.capture, { kind: 'devHubConfigured' });
    const create = list[3] as CommandStep;
    assert.equal(create.argv.includes('--target-dev-hub'), false);
  });

  void it('follows the duration, alias and work folder, printing paths outside the project whole', () => {
    const list = commands({ ...CONFIG, alias: 'demo', durationDays: 30, workDir: '/tmp/x' });
    assert.match(list[3], /--alias demo --duration-days 30/);
    assert.match(list[5], /--metadata-dir \/tmp\/x\/import-history --target-org demo/);
    assert.match(list[7], /--metadata-dir \/tmp\/x\/roles --target-org demo/);
    assert.match(list[11], /--definition-file \/tmp\/x\/users\/SC-manager\.json/);
  });

  void it('creates one user per allowed licence and sets each one’s manager', () => {
    const three = commands(CONFIG, 3);
    assert.equal(three.filter((command) => command.startsWith('sf org create user')).length, 3);
    assert.equal(three.filter((command) => command.includes('ManagerId=')).length, 3);
    const none = commands(CONFIG, 0);
    assert.equal(
      none.some((command) => command.startsWith('sf org create user')),
      false
    );
    assert.equal(
      none.some((command) => command.includes('FROM User WHERE')),
      false
    );
    assert.equal(
      none.some((command) => command.includes('ManagerId=')),
      false
    );
  });

  void it('lets the admin set audit fields only when the import runs and the scratch org allows it', () => {
    const deploysHistory = (list: string[]) =>
      list.some((command) => command.includes('--metadata-dir .sf/setup/import-history'));
    const assignsHistory = (list: string[]) =>
      list.some((command) => command.includes('--name SC_Setup_Import_History'));
    assert.equal(deploysHistory(commands()), true);
    assert.equal(assignsHistory(commands()), true);
    for (const config of [
      { ...CONFIG, auditFields: false },
      { ...CONFIG, importData: false }
    ]) {
      assert.equal(deploysHistory(commands(config)), false);
      assert.equal(assignsHistory(commands(config)), false);
      assert.ok(
        commands(config).includes(
          'sf org assign permset --name Sales_Coaching_Admin --name Sales_Coaching_Manager --target-org SC'
        )
      );
    }
  });

  void it('leaves out the import and the browser when asked', () => {
    const list = commands({ ...CONFIG, importData: false, openApp: false });
    assert.equal(
      list.some((command) => command.includes('import tree')),
      false
    );
    assert.equal(list.includes('(task write-data-plan)'), false);
    assert.equal(
      list.some((command) => command.includes('org open')),
      false
    );
  });
});

void describe('planDelete', () => {
  void it('deletes the scratch org by alias without a prompt', () => {
    assert.deepEqual(planDelete({ alias: 'SC' }), [
      {
        kind: 'command',
        title: 'Delete the scratch org SC',
        argv: ['sf', 'org', 'delete', 'scratch', '--target-org', 'SC', '--no-prompt']
      }
    ]);
  });
});
