/**
 * (d) Cross-references a deploy would reject or a user would hit at run time: every field,
 * object, tab, app, label and component named anywhere exists, and every GraphQL query in a
 * component is valid against the UI API schema generated from the same object metadata the
 * preview uses.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parse, validate, type DocumentNode, type GraphQLSchema } from 'graphql';
import ts from 'typescript';
import { list, text } from '../guards';
import {
  type ObjectModel,
  loadLabels,
  loadObjectModel,
  loadValidationRules,
  relationshipField
} from '../metadata/objectModel';
import { SAMPLE_CURRENCY_SETTINGS } from '../../data/currency';
import { withMultiCurrency } from '../../preview/org/currency';
import { withoutHiddenOptionalFields } from '../../preview/org/org';
import { buildSchema } from '../../preview/org/schema';
import { orgModelFrom } from '../../preview/org/fromMetadata';
import type { OrgModel, PermissionProfile } from '../../preview/org/model';
import {
  FACET_PROPERTIES,
  PAGE_TARGETS,
  FLEXIPAGE_TEMPLATES,
  STANDARD_COMPONENTS,
  templateRegion
} from './flexipageTemplates';
import { LWC_DIR, lwcBundles } from './lwc';
import { type CheckResult, type Problem, lineOf, metadataFiles, rel, walk } from './problems';

type Xml = Record<string, unknown>;
type Model = Record<string, ObjectModel>;

const parser = new XMLParser({ ignoreAttributes: false, parseTagValue: false, trimValues: true });

/** An element's text, '' when absent or empty. */
function str(value: unknown): string {
  return text(value) ?? '';
}

function rootOf(path: string): Xml {
  const doc = parser.parse(readFileSync(path, 'utf8')) as Xml;
  const key = Object.keys(doc).find((k) => k !== '?xml');
  const value = key ? doc[key] : undefined;
  return typeof value === 'object' && value !== null ? (value as Xml) : {};
}

/** All values of `key` anywhere under `node`. */
function deepValues(node: unknown, key: string, out: unknown[] = []): unknown[] {
  if (Array.isArray(node)) node.forEach((n) => deepValues(n, key, out));
  else if (typeof node === 'object' && node !== null) {
    for (const [k, v] of Object.entries(node as Xml)) {
      if (k === key) out.push(...list(v));
      deepValues(v, key, out);
    }
  }
  return out;
}

/** Resolves `Field`, `Rel__r.Field` or `Owner.Manager.Name` on an object; returns an error or undefined. */
export function resolvePath(model: Model, objectName: string, path: string): string | undefined {
  let object = model[objectName];
  if (!object) return `object ${objectName} does not exist`;
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i];
    if (i === parts.length - 1) {
      return object.fields[part] ? undefined : `${object.name}.${part} does not exist`;
    }
    const viaRelationship = relationshipField(object, part);
    const target = viaRelationship?.referenceTo ? model[viaRelationship.referenceTo] : undefined;
    if (!target) return `${object.name} has no relationship ${part}`;
    object = target;
  }
  return undefined;
}

/** Standard column tokens list views use instead of API names. */
const LIST_VIEW_TOKENS = new Set([
  'NAME',
  'OWNER.ALIAS',
  'OWNER.FIRST_NAME',
  'OWNER.LAST_NAME',
  'CREATED_DATE',
  'CREATEDBY_USER.ALIAS',
  'LAST_UPDATE',
  'UPDATEDBY_USER.ALIAS',
  'LAST_ACTIVITY',
  'RECORDTYPE'
]);

const FORMULA_WORDS = new Set([
  'NULL',
  'TRUE',
  'FALSE',
  'AND',
  'OR',
  'NOT',
  'null',
  'true',
  'false'
]);

/** Field references in a formula: identifiers not followed by '(', outside string literals. */
export function formulaFields(formula: string): string[] {
  const withoutStrings = formula.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const refs: string[] = [];
  const pattern = /(\$?[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*)\s*(\()?/g;
  for (const match of withoutStrings.matchAll(pattern)) {
    const [, name, call] = match;
    if (call || name.startsWith('$') || FORMULA_WORDS.has(name)) continue;
    refs.push(name);
  }
  return refs;
}

/**
 * Syntax slips the org rejects at deploy: unbalanced parentheses, and comparison operators
 * split by whitespace (Prettier's XML plugin turns `&lt;=` into `&lt; =` when it rewraps text).
 */
export function formulaSyntaxProblems(formula: string): string[] {
  const code = formula.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  const problems: string[] = [];
  const split = /(<|>|!|=)\s+(=|>)/.exec(code);
  if (split)
    problems.push(`formula has a split operator '${split[0]}'; write it without the space`);
  let depth = 0;
  for (const char of code) {
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth < 0) break;
  }
  if (depth !== 0) problems.push('formula has unbalanced parentheses');
  return problems;
}

function objectOfChild(path: string): string {
  // force-app/main/default/objects/<Object>/<kind>/<file>
  const parts = path.split(/[\\/]/);
  return parts[parts.indexOf('objects') + 1] ?? '';
}

function checkObjectChildren(root: string, model: Model, problems: Problem[]): void {
  for (const path of metadataFiles(root).filter((p) => p.includes('/objects/'))) {
    const file = rel(root, path);
    const object = objectOfChild(path);
    const report = (error: string | undefined): void => {
      if (error) problems.push({ file, message: error });
    };
    const xml = rootOf(path);
    if (path.endsWith('.validationRule-meta.xml')) {
      formulaSyntaxProblems(str(xml.errorConditionFormula)).forEach(report);
      for (const ref of formulaFields(str(xml.errorConditionFormula)))
        report(resolvePath(model, object, ref));
      const display = str(xml.errorDisplayField);
      if (display) report(resolvePath(model, object, display));
    } else if (path.endsWith('.field-meta.xml') && str(xml.formula)) {
      formulaSyntaxProblems(str(xml.formula)).forEach(report);
      for (const ref of formulaFields(str(xml.formula))) report(resolvePath(model, object, ref));
    } else if (path.endsWith('.listView-meta.xml')) {
      for (const column of [...list(xml.columns), ...deepValues(xml.filters, 'field')].map(str)) {
        if (!LIST_VIEW_TOKENS.has(column)) report(resolvePath(model, object, column));
      }
    } else if (path.endsWith('.compactLayout-meta.xml')) {
      for (const f of list(xml.fields).map(str)) report(resolvePath(model, object, f));
    } else if (path.endsWith('.field-meta.xml')) {
      const reference = str(xml.referenceTo);
      if (reference && !model[reference])
        report(`${str(xml.fullName)} refers to ${reference}, which does not exist`);
    }
  }
}

function checkLayouts(root: string, model: Model, problems: Problem[]): void {
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.layout-meta.xml'))) {
    const object = basename(path).split('-')[0];
    for (const f of deepValues(rootOf(path), 'field').map(str)) {
      const error = resolvePath(model, object, f);
      if (error)
        problems.push({
          file: rel(root, path),
          message: `layout names ${error.replace(/ does not exist$/, '')}, which does not exist`
        });
    }
  }
}

function names(root: string, dir: string, suffix: string): Set<string> {
  const full = join(root, 'force-app/main/default', dir);
  if (!existsSync(full)) return new Set();
  return new Set(
    readdirSync(full)
      .filter((f) => f.endsWith(suffix))
      .map((f) => f.slice(0, -suffix.length))
  );
}

function checkPermissionSetsAndApps(root: string, model: Model, problems: Problem[]): void {
  const tabs = names(root, 'tabs', '.tab-meta.xml');
  const apps = names(root, 'applications', '.app-meta.xml');
  const tabExists = (tab: string): boolean => tab.startsWith('standard-') || tabs.has(tab);
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.permissionset-meta.xml'))) {
    const file = rel(root, path);
    const xml = rootOf(path);
    for (const fp of list(xml.fieldPermissions) as Xml[]) {
      const [object, ...rest] = str(fp.field).split('.');
      const error = resolvePath(model, object, rest.join('.'));
      if (error)
        problems.push({ file, message: `field permission for ${str(fp.field)}: ${error}` });
      const field = model[object]?.fields[rest.join('.')];
      if (field && (field.required || field.type === 'MasterDetail')) {
        problems.push({
          file,
          message: `field permission for ${str(fp.field)}: required and master-detail fields cannot have field permissions`
        });
      }
    }
    for (const op of list(xml.objectPermissions) as Xml[]) {
      if (!model[str(op.object)])
        problems.push({
          file,
          message: `object permission for ${str(op.object)}, which does not exist`
        });
    }
    for (const tab of list(xml.tabSettings) as Xml[]) {
      if (!tabExists(str(tab.tab)))
        problems.push({ file, message: `tab setting for ${str(tab.tab)}, which does not exist` });
    }
    for (const app of list(xml.applicationVisibilities) as Xml[]) {
      if (!apps.has(str(app.application)))
        problems.push({ file, message: `application ${str(app.application)} does not exist` });
    }
  }
  const pages = flexiPages(root);
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.tab-meta.xml'))) {
    const file = rel(root, path);
    const xml = rootOf(path);
    const object = basename(path, '.tab-meta.xml');
    if (str(xml.customObject) === 'true' && !model[object]) {
      problems.push({ file, message: `tab for ${object}, which does not exist` });
    }
    const flexiPage = str(xml.flexiPage);
    if (flexiPage && pages.get(flexiPage)?.type !== 'AppPage') {
      problems.push({
        file,
        message: pages.has(flexiPage)
          ? `Lightning Page tab opens ${flexiPage}, a ${pages.get(flexiPage)?.type}: a tab opens an AppPage`
          : `Lightning Page tab opens FlexiPage ${flexiPage}, which does not exist`
      });
    }
  }
  const appTabs = new Map<string, string[]>();
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.app-meta.xml'))) {
    const file = rel(root, path);
    const xml = rootOf(path);
    appTabs.set(basename(path, '.app-meta.xml'), list(xml.tabs).map(str));
    for (const tab of list(xml.tabs).map(str)) {
      if (!tabExists(tab)) problems.push({ file, message: `app tab ${tab} does not exist` });
    }
    if (list(xml.profileActionOverrides).length > 0) {
      // "ProfileActionOverrides aren't supported in packaging" (Metadata API Developer Guide,
      // ProfileActionOverride): an admin assigns pages per profile by hand.
      problems.push({
        file,
        message: 'profileActionOverrides cannot be packaged: assign pages per profile by hand'
      });
    }
    for (const override of list(xml.actionOverrides) as Xml[]) {
      const problem = appOverrideProblem(override, pages, model);
      if (problem) problems.push({ file, message: problem });
    }
  }
  // A permission set that shows an app shows the app's own tabs: without a tab setting the
  // tab stays hidden from its users.
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.permissionset-meta.xml'))) {
    const xml = rootOf(path);
    const granted = new Set(
      (list(xml.tabSettings) as Xml[])
        .filter((setting) => ['Visible', 'Available'].includes(str(setting.visibility)))
        .map((setting) => str(setting.tab))
    );
    for (const app of list(xml.applicationVisibilities) as Xml[]) {
      if (str(app.visible) !== 'true') continue;
      for (const tab of appTabs.get(str(app.application)) ?? []) {
        if (tab.startsWith('standard-') || granted.has(tab)) continue;
        problems.push({
          file: rel(root, path),
          message: `shows app ${str(app.application)} but not its tab ${tab}: add a tabSettings entry (Visible)`
        });
      }
    }
  }
}

interface FlexiPageInfo {
  type: string;
  sobjectType: string;
}

function flexiPages(root: string): Map<string, FlexiPageInfo> {
  const pages = new Map<string, FlexiPageInfo>();
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.flexipage-meta.xml'))) {
    const xml = rootOf(path);
    pages.set(basename(path, '.flexipage-meta.xml'), {
      type: str(xml.type),
      sobjectType: str(xml.sobjectType)
    });
  }
  return pages;
}

/**
 * An app's page assignment (AppActionOverride, Metadata API Developer Guide, CustomApplication):
 * the Home page is actionName Tab on pageOrSobjectType standard-home with a HomePage; a record
 * page is actionName View on the object with a RecordPage of that object.
 */
function appOverrideProblem(
  override: Xml,
  pages: Map<string, FlexiPageInfo>,
  model: Model
): string | undefined {
  if (str(override.type) !== 'Flexipage') return undefined;
  const content = str(override.content);
  const page = pages.get(content);
  if (!page) return `action override uses FlexiPage ${content}, which does not exist`;
  const target = str(override.pageOrSobjectType);
  const action = str(override.actionName);
  if (target === 'standard-home') {
    if (action !== 'Tab' || page.type !== 'HomePage')
      return `the Home page override must be actionName Tab with a HomePage, not ${action} with ${content} (${page.type})`;
    return undefined;
  }
  if (!model[target]) return `action override for ${target}, which does not exist`;
  if (action !== 'View' || page.type !== 'RecordPage' || page.sobjectType !== target)
    return `the ${target} record page override must be actionName View with a RecordPage of ${target}, not ${action} with ${content} (${page.type} of ${page.sobjectType || 'no object'})`;
  return undefined;
}

function checkFlows(root: string, model: Model, problems: Problem[]): void {
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.flow-meta.xml'))) {
    const file = rel(root, path);
    const xml = rootOf(path);
    const start = (xml.start ?? {}) as Xml;
    const object = str(start.object);
    if (!object) continue;
    if (!model[object]) {
      problems.push({ file, message: `the Flow starts on ${object}, which does not exist` });
      continue;
    }
    for (const f of deepValues(start.filters, 'field').map(str)) {
      const error = resolvePath(model, object, f);
      if (error) problems.push({ file, message: `start filter: ${error}` });
    }
    const text = readFileSync(path, 'utf8');
    for (const match of text.matchAll(/\$Record\.([A-Za-z0-9_.]+)/g)) {
      const error = resolvePath(model, object, match[1]);
      if (error) problems.push({ file, message: `$Record.${match[1]}: ${error}` });
    }
  }
}

interface BundleInfo {
  exposed: boolean;
  targets: Set<string>;
  objectsByTarget: Map<string, Set<string>>;
}

function bundleInfo(root: string, name: string): BundleInfo {
  const xml = rootOf(join(root, LWC_DIR, name, `${name}.js-meta.xml`));
  const targets = new Set(deepValues(xml.targets, 'target').map(str));
  const objectsByTarget = new Map<string, Set<string>>();
  for (const config of deepValues(xml.targetConfigs, 'targetConfig') as Xml[]) {
    const objects = deepValues(config.objects, 'object').map(str);
    if (objects.length === 0) continue;
    for (const target of str(config['@_targets'])
      .split(',')
      .map((t) => t.trim())) {
      objectsByTarget.set(target, new Set(objects));
    }
  }
  return { exposed: str(xml.isExposed) === 'true', targets, objectsByTarget };
}

/**
 * Every region of type Region is one the page's template has (Facets are the page's own
 * containers, named freely), and the template serves the page's type.
 */
function checkRegions(xml: Xml, file: string, problems: Problem[]): void {
  const templateName = str((xml.template as Xml | undefined)?.name);
  const template = FLEXIPAGE_TEMPLATES[templateName];
  if (!template) {
    problems.push({
      file,
      message: `template ${templateName || '(none)'} is not in scripts/validate/flexipageTemplates.ts: add it with its regions and where they come from`
    });
    return;
  }
  if (template.pageType !== str(xml.type)) {
    problems.push({
      file,
      message: `template ${templateName} is for ${template.pageType} pages, not ${str(xml.type)}`
    });
  }
  const facets = new Set(
    (list(xml.flexiPageRegions) as Xml[])
      .filter((region) => str(region.type) === 'Facet')
      .map((region) => str(region.name))
  );
  for (const instance of deepValues(xml, 'componentInstance') as Xml[]) {
    const component = str(instance.componentName);
    for (const property of list(instance.componentInstanceProperties) as Xml[]) {
      const facet = str(property.value);
      if (!FACET_PROPERTIES[component]?.includes(str(property.name)) || facets.has(facet)) continue;
      problems.push({
        file,
        message: `${component} ${str(instance.identifier)}: ${str(property.name)} names Facet '${facet}', which the page does not have`
      });
    }
  }
  const seen = new Set<string>();
  for (const region of list(xml.flexiPageRegions) as Xml[]) {
    const name = str(region.name);
    if (seen.has(name)) problems.push({ file, message: `region '${name}' appears twice` });
    seen.add(name);
    if (str(region.type) === 'Facet') continue;
    if (!templateRegion(templateName, name)) {
      const known = template.regions.map((r) => r.name).join(', ');
      problems.push({
        file,
        message: `region '${name}' does not exist in template ${templateName} (its regions: ${known}); the deploy would fail`
      });
    }
  }
}

function checkFlexiPages(root: string, model: Model, problems: Problem[]): void {
  const bundles = new Set(lwcBundles(root));
  for (const path of metadataFiles(root).filter((p) => p.endsWith('.flexipage-meta.xml'))) {
    const file = rel(root, path);
    const xml = rootOf(path);
    const pageType = str(xml.type);
    const sobject = str(xml.sobjectType);
    checkRegions(xml, file, problems);
    for (const component of deepValues(xml, 'componentName').map(str)) {
      const [namespace, name] = component.includes(':')
        ? component.split(':')
        : component.split('__');
      if (namespace !== 'c') {
        if (!STANDARD_COMPONENTS[component]) {
          problems.push({
            file,
            message: `places ${component}, which is not a standard component of scripts/validate/flexipageTemplates.ts: a misspelling, or add it with the page that shows its name`
          });
        }
        continue;
      }
      if (!bundles.has(name)) {
        problems.push({ file, message: `places c:${name}, but there is no LWC bundle ${name}` });
        continue;
      }
      const info = bundleInfo(root, name);
      const target = PAGE_TARGETS[pageType];
      if (!info.exposed)
        problems.push({
          file,
          message: `places c:${name}, which is not exposed (isExposed false)`
        });
      if (target && !info.targets.has(target)) {
        problems.push({
          file,
          message: `places c:${name} on a ${pageType}, but the bundle does not list ${target}`
        });
      }
      const objects = target ? info.objectsByTarget.get(target) : undefined;
      if (objects && sobject && !objects.has(sobject)) {
        problems.push({
          file,
          message: `places c:${name} on a ${sobject} page, but the bundle is limited to ${[...objects].join(', ')}`
        });
      }
    }
    for (const item of deepValues(xml, 'fieldItem').map(str)) {
      const path = item.replace(/^Record\./, '');
      const error = sobject ? resolvePath(model, sobject, path) : undefined;
      if (error) problems.push({ file, message: `field ${item}: ${error}` });
    }
  }
}

/** The text of every `gql` tagged template in a TypeScript source, with its line. */
export function gqlTemplates(source: string): { text: string; line: number }[] {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && node.tag.getText(file) === 'gql') {
      const template = node.template;
      const text = ts.isNoSubstitutionTemplateLiteral(template)
        ? template.text
        : [template.head.text, ...template.templateSpans.map((s) => `\${…}${s.literal.text}`)].join(
            ''
          );
      found.push({ text, line: file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** A profile that sees every object and field, so the schema is the whole metadata. */
function fullAccess(model: OrgModel): PermissionProfile {
  const profile: PermissionProfile = { name: 'validator', objects: {}, fields: {} };
  for (const object of Object.values(model.objects)) {
    // History objects are written by the platform only.
    const writable = !object.apiName.endsWith('__History');
    profile.objects[object.apiName] = {
      read: true,
      create: writable,
      edit: writable,
      delete: writable
    };
    for (const field of Object.values(object.fields)) {
      profile.fields[`${object.apiName}.${field.apiName}`] = { read: true, edit: true };
    }
  }
  return profile;
}

/**
 * The UI API schemas the preview executes queries against, built from the same metadata: the
 * org as the metadata describes it (single-currency), and the same org with multiple
 * currencies enabled, where CurrencyIsoCode and CurrencyType exist.
 */
function graphQLSchemas(
  root: string,
  objects: Model
): { single: GraphQLSchema; multi: GraphQLSchema } {
  const model = orgModelFrom(root, objects, loadValidationRules(root));
  const multi = withMultiCurrency(model, SAMPLE_CURRENCY_SETTINGS);
  return {
    single: buildSchema(model, fullAccess(model)),
    multi: buildSchema(multi, fullAccess(multi))
  };
}

/**
 * A query must run in both kinds of org: it is checked against the multi-currency schema (every
 * field must exist there), then against the single-currency one after dropping what `@optional`
 * drops — so a multi-currency field such as CurrencyIsoCode must be marked `@optional`.
 */
export function queryErrors(
  schemas: { single: GraphQLSchema; multi: GraphQLSchema },
  document: DocumentNode
): string[] {
  const multi = validate(schemas.multi, document).map((error) => error.message);
  if (multi.length > 0) return multi;
  const single = withoutHiddenOptionalFields(schemas.single, document);
  return validate(schemas.single, single).map(
    (error) => `in a single-currency org (mark multi-currency fields @optional): ${error.message}`
  );
}

function lwcSources(root: string): string[] {
  return walk(join(root, LWC_DIR), (name) => name === '__tests__').filter(
    (f) => f.endsWith('.ts') && !f.endsWith('.d.ts')
  );
}

function checkComponentSources(root: string, model: Model, problems: Problem[]): number {
  const sources = lwcSources(root);
  const labels = loadLabels(root);
  let queries = 0;
  let schemas: { single: GraphQLSchema; multi: GraphQLSchema } | undefined;
  for (const path of sources) {
    const file = rel(root, path);
    const source = readFileSync(path, 'utf8');
    for (const match of source.matchAll(/['"]@salesforce\/label\/c\.([A-Za-z0-9_]+)['"]/g)) {
      if (!(match[1] in labels)) {
        problems.push({
          file,
          message: `imports label c.${match[1]}, which is not in CustomLabels (line ${lineOf(source, match[0])})`
        });
      }
    }
    for (const match of source.matchAll(
      /['"]@salesforce\/schema\/([A-Za-z0-9_]+)(?:\.([A-Za-z0-9_.]+))?['"]/g
    )) {
      const error = match[2]
        ? resolvePath(model, match[1], match[2])
        : model[match[1]]
          ? undefined
          : `object ${match[1]} does not exist`;
      if (error)
        problems.push({
          file,
          message: `imports @salesforce/schema/${match[1]}${match[2] ? `.${match[2]}` : ''}: ${error}`
        });
    }
    for (const { text, line } of gqlTemplates(source)) {
      queries += 1;
      if (text.includes('${')) {
        problems.push({
          file,
          message: `GraphQL query at line ${line} interpolates values: keep queries static and pass variables`
        });
        continue;
      }
      schemas ??= graphQLSchemas(root, model);
      let errors: string[];
      try {
        errors = queryErrors(schemas, parse(text));
      } catch (error) {
        errors = [(error as Error).message];
      }
      for (const error of errors) {
        problems.push({ file, message: `GraphQL query at line ${line}: ${error}` });
      }
    }
  }
  return queries;
}

export function checkReferences(root: string): CheckResult {
  const model = loadObjectModel(root);
  const problems: Problem[] = [];
  checkObjectChildren(root, model, problems);
  checkLayouts(root, model, problems);
  checkPermissionSetsAndApps(root, model, problems);
  checkFlows(root, model, problems);
  checkFlexiPages(root, model, problems);
  const queries = checkComponentSources(root, model, problems);
  return {
    name: 'references',
    summary: `fields, objects, tabs, apps, labels, components and ${queries} GraphQL queries resolve`,
    problems,
    warnings: []
  };
}
