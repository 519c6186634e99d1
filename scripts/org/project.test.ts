import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { checkProject } from './project';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

function projectWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'org-project-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const GOOD = {
  'sfdx-project.json': JSON.stringify({
    packageDirectories: [
      { path: 'force-app', default: true, package: 'Sales Coaching', versionNumber: '0.1.0.NEXT' }
    ],
    sourceApiVersion: '62.0'
  }),
  'config/project-scratch-def.json': JSON.stringify({ edition: 'Developer' }),
  'force-app/main/default/permissionsets/Sales_Coaching_Admin.permissionset-meta.xml': '<x/>',
  'force-app/main/default/permissionsets/Sales_Coaching_Manager.permissionset-meta.xml': '<x/>',
  'force-app/main/default/permissionsets/Sales_Coaching_Rep.permissionset-meta.xml': '<x/>',
  'force-app/main/default/applications/Sales_Coaching.app-meta.xml': '<x/>',
  'node_modules/.bin/sf': ''
};

void describe('checkProject', () => {
  void it('accepts a complete project and reads its API version', () => {
    assert.deepEqual(checkProject(projectWith(GOOD)), {
      apiVersion: '62.0',
      packageName: 'Sales Coaching',
      edition: 'Developer',
      auditFields: false,
      problems: []
    });
  });

  void it('reads whether the scratch definition turns on setting audit fields', () => {
    const root = projectWith({
      ...GOOD,
      'config/project-scratch-def.json': JSON.stringify({
        edition: 'Developer',
        settings: { securitySettings: { enableAuditFieldsInactiveOwner: true } }
      })
    });
    assert.equal(checkProject(root).auditFields, true);
    const off = projectWith({
      ...GOOD,
      'config/project-scratch-def.json': JSON.stringify({
        edition: 'Developer',
        settings: { securitySettings: { enableAuditFieldsInactiveOwner: 'yes' } }
      })
    });
    assert.equal(checkProject(off).auditFields, false, 'only the boolean true turns it on');
  });

  void it('checks the edition and settings names against Salesforce’s scratch definition schema', () => {
    const root = projectWith({
      ...GOOD,
      'config/project-scratch-def.json': JSON.stringify({
        edition: 'Developer Pro',
        settings: { securitySetting: { enableAuditFieldsInactiveOwner: true } }
      })
    });
    const { problems, edition } = checkProject(root);
    assert.equal(edition, undefined);
    assert.match(
      problems[0],
      /^config\/project-scratch-def\.json: edition "Developer Pro" is not one of Developer, Enterprise, /
    );
    assert.equal(
      problems[1],
      'config/project-scratch-def.json: settings.securitySetting is not a scratch org setting'
    );
  });

  void it('names every missing or malformed piece', () => {
    const root = projectWith({
      'sfdx-project.json': JSON.stringify({
        packageDirectories: [{ path: 'force-app', package: 'Other', versionNumber: '1.0' }]
      }),
      'config/project-scratch-def.json': '{ "edition": ',
      'force-app/main/default/permissionsets/Sales_Coaching_Rep.permissionset-meta.xml': '<x/>'
    });
    const { problems } = checkProject(root);
    assert.deepEqual(problems.slice(0, 3), [
      'sfdx-project.json: sourceApiVersion is missing',
      'sfdx-project.json: package directory force-app is not "Sales Coaching"',
      'sfdx-project.json: versionNumber of force-app must look like 1.0.0.NEXT'
    ]);
    assert.match(problems[3], /^config\/project-scratch-def\.json does not parse: /);
    assert.deepEqual(problems.slice(4), [
      'permission set Sales_Coaching_Admin (Sales_Coaching_Admin.permissionset-meta.xml) is not in force-app',
      'permission set Sales_Coaching_Manager (Sales_Coaching_Manager.permissionset-meta.xml) is not in force-app',
      'the app Sales_Coaching (Sales_Coaching.app-meta.xml) is not in force-app',
      'the Salesforce CLI is not installed at node_modules/.bin/sf: run npm ci'
    ]);
  });

  void it('reports a project without its files', () => {
    assert.deepEqual(checkProject(projectWith({})).problems.slice(0, 3), [
      'sfdx-project.json does not exist',
      'force-app/ does not exist',
      'config/project-scratch-def.json does not exist'
    ]);
  });

  void it('finds the repository’s project and scratch definition ready for setup and packaging', () => {
    const { problems } = checkProject(join(import.meta.dirname, '..', '..'));
    // Metadata may still be arriving; the project files themselves must always be sound.
    assert.deepEqual(
      problems.filter(
        (problem) => problem.startsWith('sfdx-project.json') || problem.includes('scratch')
      ),
      []
    );
  });
});
