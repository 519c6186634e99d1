/**
 * (f) One deliberate API version. sfdx-project.json's sourceApiVersion is the version every
 * deploy speaks; every LWC bundle and Flow declares the same one, and no file uses an element the
 * Metadata API only accepts from a later version. @salesforce/types (our element schema) follows
 * the newest WSDL and knows no versions, so the versions of the recent elements we use are kept
 * here, each with the release that introduced it and where that is documented.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type CheckResult, type Problem, lineOf, metadataFiles, rel } from './problems';

export interface VersionedElement {
  /** Root element of the metadata file (the metadata type). */
  type: string;
  /** The element, at any depth under the root. */
  element: string;
  /** The first API version that accepts it. */
  version: number;
  release: string;
  source: string;
}

export const VERSIONED_ELEMENTS: VersionedElement[] = [
  {
    // PermissionSetObjectPermissions.viewAllFields ("View All Fields" object permission).
    type: 'PermissionSet',
    element: 'viewAllFields',
    version: 63.0,
    release: "Spring '25",
    source:
      'Metadata API Developer Guide, PermissionSet (PermissionSetObjectPermissions): https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm'
  },
  {
    // Where a flow can run (Default, Slack).
    type: 'Flow',
    element: 'environments',
    version: 55.0,
    release: "Summer '22",
    source:
      'Tooling API Developer Guide, Flow ("Environments … Available in API version 55.0 and later"): https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_flow.htm'
  },
  {
    type: 'CustomApplication',
    element: 'isNavAutoTempTabsDisabled',
    version: 43.0,
    release: "Spring '18",
    source:
      'Tooling API Developer Guide, CustomApplication ("IsNavAutoTempTabsDisabled … Available in API version 43.0 and later"): https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customapplication.htm'
  },
  {
    type: 'CustomApplication',
    element: 'isNavPersonalizationDisabled',
    version: 43.0,
    release: "Spring '18",
    source:
      'Tooling API Developer Guide, CustomApplication ("IsNavPersonalizationDisabled … Available in API version 43.0 and later"): https://developer.salesforce.com/docs/atlas.en-us.api_tooling.meta/api_tooling/tooling_api_objects_customapplication.htm'
  }
];

export const PROJECT_FILE = 'sfdx-project.json';

/** sourceApiVersion of sfdx-project.json, or undefined when the file or the key is missing. */
export function sourceApiVersion(root: string): string | undefined {
  const path = join(root, PROJECT_FILE);
  if (!existsSync(path)) return undefined;
  const project = JSON.parse(readFileSync(path, 'utf8')) as { sourceApiVersion?: unknown };
  return typeof project.sourceApiVersion === 'string' ? project.sourceApiVersion : undefined;
}

function rootElement(xml: string): string {
  return /<([A-Za-z]+)[\s>]/.exec(xml.replace(/<\?xml[^>]*\?>/, ''))?.[1] ?? '';
}

/** Files whose own <apiVersion> decides how the platform compiles or runs them. */
function declaresApiVersion(file: string): boolean {
  const name = basename(file);
  return name.endsWith('.js-meta.xml') || name.endsWith('.flow-meta.xml');
}

export function checkApiVersions(root: string): CheckResult {
  const problems: Problem[] = [];
  const declared = sourceApiVersion(root);
  if (!declared || !/^\d+\.0$/.test(declared)) {
    problems.push({
      file: PROJECT_FILE,
      message: `sourceApiVersion must be a version such as "67.0", not ${JSON.stringify(declared ?? null)}`
    });
    return { name: 'api versions', summary: '', problems, warnings: [] };
  }
  const version = Number(declared);
  const files = metadataFiles(root);
  for (const path of files) {
    const file = rel(root, path);
    const xml = readFileSync(path, 'utf8');
    if (declaresApiVersion(path)) {
      const own = /<apiVersion>\s*([^<\s]+)\s*<\/apiVersion>/.exec(xml)?.[1];
      if (own !== declared) {
        problems.push({
          file,
          message: `apiVersion ${own ?? '(none)'} is not sourceApiVersion ${declared} of ${PROJECT_FILE}: keep one API version (line ${lineOf(xml, '<apiVersion>') ?? 1})`
        });
      }
    }
    const type = rootElement(xml);
    for (const entry of VERSIONED_ELEMENTS) {
      if (entry.type !== type || entry.version <= version) continue;
      const line = lineOf(xml, `<${entry.element}>`) ?? lineOf(xml, `<${entry.element} `);
      if (line === undefined) continue;
      problems.push({
        file,
        message: `<${entry.element}> exists from API ${entry.version.toFixed(1)} (${entry.release}); sourceApiVersion is ${declared} (line ${line})`
      });
    }
  }
  return {
    name: 'api versions',
    summary: `${files.length} files within API ${declared}, one version for bundles and Flows`,
    problems,
    warnings: []
  };
}
