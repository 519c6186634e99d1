import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import {
  applyCapture,
  formatCommand,
  jsonErrorMessage,
  newContext,
  resolvePlaceholders,
  runSteps,
  StepFailure,
  type Exec,
  type ProcessResult,
  type RunnerOptions
} from './runner';
import type { Step } from './steps';

interface Call {
  program: string;
  args: readonly string[];
  env: NodeJS.ProcessEnv;
  echo: boolean;
}

/** A fake process boundary: answers by the first script entry whose pattern the command matches. */
function fakeExec(script: [RegExp, Partial<ProcessResult>][]): { exec: Exec; calls: Call[] } {
  const calls: Call[] = [];
  const exec: Exec = (program, args, options) => {
    calls.push({ program, args, env: options.env, echo: options.echo });
    const command = [program, ...args].join(' ');
    const answer = script.find(([pattern]) => pattern.test(command))?.[1] ?? {};
    return Promise.resolve({ exitCode: 0, stdout: '', stderr: '', ...answer });
  };
  return { exec, calls };
}

function options(
  exec: Exec,
  overrides: Partial<RunnerOptions> = {}
): RunnerOptions & { lines: string[] } {
  const lines: string[] = [];
  return {
    exec,
    log: (line) => lines.push(line),
    cwd: '/repo',
    env: { PATH: '/bin' },
    programs: { sf: '/repo/node_modules/.bin/sf' },
    tasks: {},
    dryRun: false,
    resumeCommand: 'npm run org:setup --',
    lines,
    ...overrides
  };
}

const json = (result: unknown) => JSON.stringify({ status: 0, result });

const STEPS: Step[] = [
  { kind: 'command', title: 'Build', argv: ['npm', 'run', 'build'] },
  {
    kind: 'command',
    title: 'Look up the admin',
    argv: ['sf', 'org', 'display', 'user', '--target-org', 'SC', '--json'],
    readOnly: true,
    capture: { kind: 'admin' }
  },
  {
    kind: 'command',
    title: 'Look up roles',
    argv: ['sf', 'data', 'query', '--query', 'SELECT Id FROM UserRole', '--json'],
    readOnly: true,
    capture: { kind: 'roles', developerNames: ['SC_VP'] }
  },
  {
    kind: 'command',
    title: 'Give the admin the role',
    argv: [
      'sf',
      'data',
      'update',
      'record',
      '--record-id',
      '{{admin}}',
      '--values',
      'UserRoleId={{role:SC_VP}}'
    ]
  },
  {
    kind: 'command',
    title: 'Open',
    argv: ['sf', 'org', 'open', '--target-org', 'SC'],
    optional: true,
    readOnly: true
  }
];

const HAPPY: [RegExp, Partial<ProcessResult>][] = [
  [/display user/, { stdout: json({ id: '005ADMIN', username: 'admin@x' }) }],
  [/UserRole/, { stdout: json({ records: [{ Id: '00EVP', DeveloperName: 'SC_VP' }] }) }]
];

void describe('runSteps', () => {
  void it('runs each step in order, filling placeholders from what the lookups captured', async () => {
    const { exec, calls } = fakeExec(HAPPY);
    const opts = options(exec);
    const context = await runSteps(STEPS, opts);
    assert.deepEqual(
      calls.map((call) => [call.program, ...call.args].join(' ')),
      [
        'npm run build',
        '/repo/node_modules/.bin/sf org display user --target-org SC --json',
        '/repo/node_modules/.bin/sf data query --query SELECT Id FROM UserRole --json',
        '/repo/node_modules/.bin/sf data update record --record-id 005ADMIN --values UserRoleId=00EVP',
        '/repo/node_modules/.bin/sf org open --target-org SC'
      ]
    );
    assert.equal(context.adminId, '005ADMIN');
    assert.equal(context.roleIds.get('SC_VP'), '00EVP');
    // Printed before running: the step and the command as typed, placeholders and all.
    assert.equal(opts.lines[0], '[1/5] Build');
    assert.equal(opts.lines[1], '    $ npm run build');
    assert.ok(
      opts.lines.includes(
        '    $ sf data update record --record-id {{admin}} --values UserRoleId={{role:SC_VP}}'
      )
    );
    assert.ok(opts.lines.includes('[5/5] Open (optional)'));
  });

  void it('gives the CLI the four switches that keep it offline and quiet, and hides JSON output', async () => {
    const { exec, calls } = fakeExec(HAPPY);
    await runSteps(STEPS, options(exec));
    for (const call of calls) {
      assert.equal(call.env.SF_DISABLE_TELEMETRY, 'true');
      assert.equal(call.env.SF_SKIP_NEW_VERSION_CHECK, 'true');
      assert.equal(call.env.SF_DISABLE_AUTOUPDATE, 'true');
      assert.equal(call.env.SF_AUTOUPDATE_DISABLE, 'true');
      assert.equal(call.env.PATH, '/bin');
      assert.equal(call.echo, !call.args.includes('--json'));
    }
  });

  void it('prints every command and runs nothing in a dry run', async () => {
    const { exec, calls } = fakeExec([]);
    const opts = options(exec, { dryRun: true });
    await runSteps(STEPS, opts);
    assert.equal(calls.length, 0);
    assert.equal(opts.lines.filter((line) => line.startsWith('    $ ')).length, 5);
  });

  void it('stops at a failing step with the step, command, exit code, CLI message, stderr and how to resume', async () => {
    const { exec, calls } = fakeExec([
      [
        /update record/,
        {
          exitCode: 1,
          stdout: JSON.stringify({
            name: 'INSUFFICIENT_ACCESS',
            message: 'cannot change the role',
            status: 1
          }),
          stderr: 'Warning: something\nError (1): cannot change the role\n'
        }
      ],
      ...HAPPY
    ]);
    await assert.rejects(runSteps(STEPS, options(exec)), (error: unknown) => {
      assert.ok(error instanceof StepFailure);
      assert.equal(error.stepNumber, 4);
      assert.equal(
        error.message,
        [
          '✖ Step 4/5 failed: Give the admin the role',
          '  command: sf data update record --record-id 005ADMIN --values UserRoleId=00EVP',
          '  exit code: 1',
          '  error: INSUFFICIENT_ACCESS: cannot change the role',
          '  stderr:',
          '    Warning: something',
          '    Error (1): cannot change the role',
          '  Fix the cause, then re-run from this step on the same org:',
          '    npm run org:setup -- --from 4'
        ].join('\n')
      );
      return true;
    });
    assert.equal(calls.length, 4, 'nothing runs after the failure');
  });

  void it('reports a program that cannot start', async () => {
    const exec: Exec = () => Promise.reject(new Error('spawn npm ENOENT'));
    await assert.rejects(
      runSteps(STEPS.slice(0, 1), options(exec)),
      /exit code: 127\n {2}stderr:\n {4}spawn npm ENOENT/
    );
  });

  void it('warns and goes on when an optional step fails', async () => {
    const { exec } = fakeExec([...HAPPY, [/org open/, { exitCode: 1, stderr: 'no browser' }]]);
    const opts = options(exec);
    await runSteps(STEPS, opts);
    assert.ok(opts.lines.some((line) => line.includes('⚠ optional step failed, continuing')));
    assert.ok(opts.lines.some((line) => line.includes('no browser')));
  });

  void it('fails a lookup whose output lacks what later steps need', async () => {
    const { exec } = fakeExec([
      [/display user/, { stdout: json({ id: '005ADMIN' }) }],
      [/UserRole/, { stdout: json({ records: [] }) }]
    ]);
    await assert.rejects(
      runSteps(STEPS, options(exec)),
      /Step 3\/5 failed: Look up roles[\s\S]*error: roles not found in the org: SC_VP/
    );
  });

  void it('resumes with --from: skips earlier steps that change the org, repeats the lookups', async () => {
    const { exec, calls } = fakeExec(HAPPY);
    const opts = options(exec, { from: 4 });
    await runSteps(STEPS, opts);
    assert.deepEqual(
      calls.map((call) => call.args.slice(0, 2).join(' ')),
      ['org display', 'data query', 'data update', 'org open']
    );
    assert.equal(opts.lines[0], '[1/5] Build — skipped (--from 4)');
    await assert.rejects(
      runSteps(STEPS, options(exec, { from: 9 })),
      /--from must be between 1 and 5/
    );
  });

  void it('runs in-process tasks with the context, and reports their errors like commands', async () => {
    const { exec } = fakeExec(HAPPY);
    const steps: Step[] = [
      STEPS[1],
      { kind: 'task', title: 'Write the plan', task: 'write-data-plan', readOnly: true }
    ];
    const opts = options(exec, {
      tasks: { 'write-data-plan': (context) => [`admin ${context.adminId}`] }
    });
    await runSteps(steps, opts);
    assert.ok(opts.lines.includes('    admin 005ADMIN'));
    const failing = options(exec, {
      tasks: {
        'write-data-plan': () => {
          throw new Error('plan does not match');
        }
      }
    });
    await assert.rejects(
      runSteps(steps, failing),
      /Step 2\/2 failed: Write the plan\n {2}error: plan does not match/
    );
  });
});

void describe('captures', () => {
  void it('finds the created users by username, with the org Id suffix --set-unique-username adds', () => {
    const context = newContext();
    applyCapture(
      { kind: 'users', usernames: { 'ann@x.example': 'S1', 'ben@x.example': 'S2' } },
      json({
        records: [
          { Id: '005A', Username: 'ann@x.example.00dxx0000001' },
          { Id: '005B', Username: 'ben@x.example' },
          { Id: '005C', Username: 'annie@x.example' }
        ]
      }),
      context
    );
    assert.deepEqual(
      [...context.userIds],
      [
        ['S1', '005A'],
        ['S2', '005B']
      ]
    );
    assert.throws(
      () =>
        applyCapture(
          { kind: 'users', usernames: { 'cy@x.example': 'S3' } },
          json({ records: [] }),
          context
        ),
      /users not found in the org: cy@x.example/
    );
  });

  void it('explains how to set a Dev Hub when none is configured', () => {
    const none = json([{ name: 'target-dev-hub', key: 'target-dev-hub', success: true }]);
    assert.throws(
      () => applyCapture({ kind: 'devHubConfigured' }, none, newContext()),
      /--dev-hub <alias>, set SF_DEV_HUB/
    );
    const set = json([{ name: 'target-dev-hub', value: 'MyHub', success: true }]);
    assert.doesNotThrow(() => applyCapture({ kind: 'devHubConfigured' }, set, newContext()));
  });

  void it('rejects output that is not the CLI’s JSON', () => {
    assert.throws(() => applyCapture({ kind: 'admin' }, 'oops', newContext()), /JSON result/);
  });
});

void describe('helpers', () => {
  void it('quotes arguments a shell would split', () => {
    assert.equal(
      formatCommand([
        'sf',
        'data',
        'query',
        '--query',
        "SELECT Id FROM User WHERE Name = 'A'",
        '--json'
      ]),
      `sf data query --query 'SELECT Id FROM User WHERE Name = '\\''A'\\''' --json`
    );
    assert.equal(
      formatCommand(['sf', '--values', 'UserRoleId={{role:SC_VP}}']),
      'sf --values UserRoleId={{role:SC_VP}}'
    );
  });

  void it('fills placeholders and refuses unknown ones', () => {
    const context = newContext();
    context.adminId = '005A';
    context.userIds.set('005S', '005U');
    assert.deepEqual(resolvePlaceholders(['x={{admin}}', '{{user:005S}}'], context), [
      'x=005A',
      '005U'
    ]);
    assert.throws(
      () => resolvePlaceholders(['{{role:SC_X}}'], context),
      /\{\{role:SC_X\}\} is unknown/
    );
  });

  void it('reads the message of a failed --json command', () => {
    assert.equal(
      jsonErrorMessage('{"name":"NamedOrgNotFoundError","message":"No org SC\\n"}'),
      'NamedOrgNotFoundError: No org SC'
    );
    assert.equal(jsonErrorMessage('not json'), null);
  });
});
