/**
 * What setup can check without an org: the project and scratch definition parse (the edition and
 * the settings names against Salesforce's published scratch definition schema), the package
 * directory and the permission sets and app it assigns and opens exist, the local CLI is
 * installed. Each check returns problems as sentences; an empty list means ready.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditFieldsEnabled } from './auditFields';
import { SCRATCH_DEF, SOURCE_DIR } from './steps';
import { PERMISSION_SETS } from './users';

/** The repository root, where every command runs. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const PACKAGE_NAME = 'Sales Coaching';
export const APP_NAME = 'Sales_Coaching';
export const SF_BIN = 'node_modules/.bin/sf';

export interface ProjectInfo {
  apiVersion: string;
  packageName?: string;
  /** The scratch definition's edition (it decides how many users fit, see edition.ts). */
  edition?: string;
  /** Whether the scratch definition turns on setting audit fields (see auditFields.ts). */
  auditFields: boolean;
  problems: string[];
}

interface ScratchDefinitionSchema {
  definitions?: {
    edition?: { enum?: unknown };
    settings?: { properties?: Record<string, unknown> };
  };
}

/** Salesforce's JSON schema of the scratch definition (the `@salesforce/schemas` package). */
function scratchDefinitionSchema(): ScratchDefinitionSchema {
  const require = createRequire(import.meta.url);
  return require('@salesforce/schemas/project-scratch-def.schema.json') as ScratchDefinitionSchema;
}

interface PackageDirectory {
  path?: unknown;
  package?: unknown;
  default?: unknown;
  versionNumber?: unknown;
}

export function checkProject(root: string): ProjectInfo {
  const problems: string[] = [];
  let apiVersion = '62.0';
  let packageName: string | undefined;

  const project = readJson(root, 'sfdx-project.json', problems);
  if (project !== undefined) {
    const record = project as { packageDirectories?: unknown; sourceApiVersion?: unknown };
    if (typeof record.sourceApiVersion === 'string') apiVersion = record.sourceApiVersion;
    else problems.push('sfdx-project.json: sourceApiVersion is missing');
    const directories = Array.isArray(record.packageDirectories)
      ? (record.packageDirectories as PackageDirectory[])
      : [];
    const main = directories.find((directory) => directory.path === SOURCE_DIR);
    if (!main) {
      problems.push(`sfdx-project.json: no package directory "${SOURCE_DIR}"`);
    } else {
      if (typeof main.package === 'string') packageName = main.package;
      if (main.package !== PACKAGE_NAME) {
        problems.push(
          `sfdx-project.json: package directory ${SOURCE_DIR} is not "${PACKAGE_NAME}"`
        );
      }
      // `sf package version create` needs major.minor.patch.build, the build a number or NEXT.
      const version = main.versionNumber;
      if (typeof version !== 'string' || !/^\d+\.\d+\.\d+\.(\d+|NEXT)$/.test(version)) {
        problems.push(
          `sfdx-project.json: versionNumber of ${SOURCE_DIR} must look like 1.0.0.NEXT`
        );
      }
    }
  }
  if (!isDirectory(join(root, SOURCE_DIR))) problems.push(`${SOURCE_DIR}/ does not exist`);

  const definition = readJson(root, SCRATCH_DEF, problems);
  let edition: string | undefined;
  if (definition !== undefined) {
    const shape = definition as { edition?: unknown; settings?: unknown };
    const published = scratchDefinitionSchema().definitions;
    const editions = Array.isArray(published?.edition?.enum)
      ? (published.edition.enum as string[])
      : [];
    if (typeof shape.edition !== 'string') {
      problems.push(`${SCRATCH_DEF}: "edition" is missing`);
    } else if (!editions.includes(shape.edition)) {
      problems.push(
        `${SCRATCH_DEF}: edition "${shape.edition}" is not one of ${editions.join(', ')}`
      );
    } else {
      edition = shape.edition;
    }
    const known = published?.settings?.properties ?? {};
    if (typeof shape.settings === 'object' && shape.settings !== null) {
      for (const name of Object.keys(shape.settings)) {
        if (!(name in known)) {
          problems.push(`${SCRATCH_DEF}: settings.${name} is not a scratch org setting`);
        }
      }
    }
  }

  const metadataFiles = listFiles(join(root, SOURCE_DIR));
  for (const name of Object.values(PERMISSION_SETS)) {
    if (!metadataFiles.has(`${name}.permissionset-meta.xml`)) {
      problems.push(
        `permission set ${name} (${name}.permissionset-meta.xml) is not in ${SOURCE_DIR}`
      );
    }
  }
  if (!metadataFiles.has(`${APP_NAME}.app-meta.xml`)) {
    problems.push(`the app ${APP_NAME} (${APP_NAME}.app-meta.xml) is not in ${SOURCE_DIR}`);
  }
  if (!existsSync(join(root, SF_BIN))) {
    problems.push(`the Salesforce CLI is not installed at ${SF_BIN}: run npm ci`);
  }
  return {
    apiVersion,
    packageName,
    edition,
    auditFields: auditFieldsEnabled(definition),
    problems
  };
}

function readJson(root: string, name: string, problems: string[]): unknown {
  const path = join(root, name);
  if (!existsSync(path)) {
    problems.push(`${name} does not exist`);
    return undefined;
  }
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as unknown;
  } catch (error) {
    problems.push(
      `${name} does not parse: ${error instanceof Error ? error.message : String(error)}`
    );
    return undefined;
  }
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

/** File names (not paths) anywhere under a folder. */
function listFiles(dir: string): Set<string> {
  const names = new Set<string>();
  if (!isDirectory(dir)) return names;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) names.add(entry.name);
  }
  return names;
}
