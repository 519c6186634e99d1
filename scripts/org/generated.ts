/**
 * The files setup generates before it runs: the role hierarchy as Metadata API source (deployed
 * with `--metadata-dir`, so parents are named by developer name and no role Id is needed), the
 * setup-only permission set that lets the import set audit fields (see auditFields.ts), one
 * `sf org create user` definition file per demo user, and the data plan. Builders return
 * file contents; `clearGenerated` and `writeFiles` are the only places that touch the disk.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  AUDIT_PERMISSION_SET,
  AUDIT_PERMISSION_SET_LABEL,
  AUDIT_USER_PERMISSION
} from './auditFields';
import type { PlannedRole, PlannedUser, UserPlan } from './users';
import { DEMO_PROFILE, generatedPaths, userDefinitionFile } from './steps';
import { serializeDataPlan, type DataPlan } from './dataPlan';

const XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>';
const MD_NAMESPACE = 'http://soap.sforce.com/2006/04/metadata';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Metadata API format: package.xml plus roles/<DeveloperName>.role. */
export function roleFiles(roles: readonly PlannedRole[], apiVersion: string): Map<string, string> {
  const files = new Map<string, string>();
  const members = roles.map(
    (role) => `        <members>${escapeXml(role.developerName)}</members>`
  );
  files.set(
    'package.xml',
    [
      XML_HEADER,
      `<Package xmlns="${MD_NAMESPACE}">`,
      '    <types>',
      ...members,
      '        <name>Role</name>',
      '    </types>',
      `    <version>${escapeXml(apiVersion)}</version>`,
      '</Package>',
      ''
    ].join('\n')
  );
  for (const role of roles) {
    files.set(
      `roles/${role.developerName}.role`,
      [
        XML_HEADER,
        `<Role xmlns="${MD_NAMESPACE}">`,
        '    <description>Sales Coaching demo hierarchy (created by npm run org:setup)</description>',
        `    <name>${escapeXml(role.name)}</name>`,
        ...(role.parentRole ? [`    <parentRole>${escapeXml(role.parentRole)}</parentRole>`] : []),
        '</Role>',
        ''
      ].join('\n')
    );
  }
  return files;
}

/** Metadata API format: package.xml plus the permission set granting CreateAuditFields. */
export function auditPermissionSetFiles(apiVersion: string): Map<string, string> {
  return new Map([
    [
      'package.xml',
      [
        XML_HEADER,
        `<Package xmlns="${MD_NAMESPACE}">`,
        '    <types>',
        `        <members>${AUDIT_PERMISSION_SET}</members>`,
        '        <name>PermissionSet</name>',
        '    </types>',
        `    <version>${escapeXml(apiVersion)}</version>`,
        '</Package>',
        ''
      ].join('\n')
    ],
    [
      `permissionsets/${AUDIT_PERMISSION_SET}.permissionset`,
      [
        XML_HEADER,
        `<PermissionSet xmlns="${MD_NAMESPACE}">`,
        '    <description>Lets the scratch org admin keep the sample data history (CreatedDate and the other audit fields) when npm run org:setup imports it. Not part of the package.</description>',
        '    <hasActivationRequired>false</hasActivationRequired>',
        `    <label>${escapeXml(AUDIT_PERMISSION_SET_LABEL)}</label>`,
        '    <userPermissions>',
        '        <enabled>true</enabled>',
        `        <name>${AUDIT_USER_PERMISSION}</name>`,
        '    </userPermissions>',
        '</PermissionSet>',
        ''
      ].join('\n')
    ]
  ]);
}

/**
 * A user definition for `sf org create user`. `roleDeveloperName` and `profileName` are resolved
 * by the CLI; the manager is set afterwards, once the manager's org Id exists.
 */
export function userDefinition(user: PlannedUser): Record<string, unknown> {
  return {
    Username: user.username,
    FirstName: user.firstName,
    LastName: user.lastName,
    Email: user.email,
    Alias: user.alias,
    Title: user.title,
    Department: user.department,
    profileName: DEMO_PROFILE,
    roleDeveloperName: user.roleDeveloperName,
    permsets: user.permissionSets,
    generatePassword: true
  };
}

/** Every generated file before the run, keyed by absolute path. */
export function setupFiles(
  workDir: string,
  users: UserPlan,
  apiVersion: string,
  options: { importHistory: boolean }
): Map<string, string> {
  const paths = generatedPaths(workDir);
  const files = new Map<string, string>();
  for (const [name, text] of roleFiles(users.roles, apiVersion)) {
    files.set(join(paths.rolesDir, name), text);
  }
  if (options.importHistory) {
    for (const [name, text] of auditPermissionSetFiles(apiVersion)) {
      files.set(join(paths.auditDir, name), text);
    }
  }
  for (const user of users.created) {
    files.set(
      userDefinitionFile(workDir, user.cliAlias),
      `${JSON.stringify(userDefinition(user), null, 2)}\n`
    );
  }
  return files;
}

export function dataPlanFiles(workDir: string, dataPlan: DataPlan): Map<string, string> {
  const { dataDir } = generatedPaths(workDir);
  const files = new Map<string, string>();
  for (const [name, text] of serializeDataPlan(dataPlan)) files.set(join(dataDir, name), text);
  return files;
}

export function writeFiles(files: ReadonlyMap<string, string>): string[] {
  for (const [path, text] of files) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
  }
  return [...files.keys()];
}

/**
 * Removes what an earlier run generated (a plan for more users, roles since renamed), and only
 * that: the roles, users and data folders inside the work folder.
 */
export function clearGenerated(workDir: string): void {
  const { rolesDir, auditDir, usersDir, dataDir } = generatedPaths(workDir);
  for (const dir of [rolesDir, auditDir, usersDir, dataDir])
    rmSync(dir, { recursive: true, force: true });
}
