/**
 * What `npm run org:verify` checks against an org where the package is deployed, as data: the
 * lookups that find the org's own records, then one check per contract — the check-only deploy
 * of force-app, one GraphQL request per `gql` document of the components, one page check per
 * FlexiPage. Nothing here spawns a process or opens a browser, so the plan for any project is
 * unit-tested and `--dry-run` prints exactly what a real run executes.
 *
 * GraphQL requests go through `sf api request rest` (POST `/services/data/v<api>/graphql` with
 * `{ query, variables, operationName }`): `sf api request graphql` posts `{"query": <body>}`
 * only (@salesforce/plugin-api, lib/commands/api/request/graphql.js), so variables would have to
 * be pasted into the document, and the document under test would no longer be the component's.
 * Sent as the component sends it, a variable the org types differently, or one the document
 * declares without a default and we leave out, fails here as it fails in the component.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { isRecord as isObject, list as listOf } from '../guards';
import {
  Kind,
  parse,
  visit,
  type ASTNode,
  type DocumentNode,
  type FieldNode,
  type ObjectFieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode
} from 'graphql';
import { gqlTemplates } from '../validate/references';
import { APP_PATH, SOURCE_DIR } from './steps';

export const LWC_DIR = 'force-app/main/default/lwc';
export const FLEXIPAGE_DIR = 'force-app/main/default/flexipages';
export const TAB_DIR = 'force-app/main/default/tabs';

/** How long a page may take to show its placed components, in seconds. */
export const PAGE_TIMEOUT_SECONDS = 90;

// ---- The org's own records ------------------------------------------------------------------

/** One record the checks take their variables and record pages from. */
export interface Lookup {
  id: string;
  title: string;
  /** Object whose record page this record opens, if any. */
  object?: string;
  argv: string[];
}

/** What the lookups found: the running user's Id and one record (its fields) per lookup. */
export interface OrgData {
  userId?: string;
  records: Record<string, Record<string, unknown> | undefined>;
}

/** Records the GraphQL variables need; record pages of other objects add their own lookup. */
const RECORD_LOOKUPS: { id: string; object: string; fields: string[]; where?: string }[] = [
  { id: 'opportunity', object: 'Opportunity', fields: ['Id', 'OwnerId'] },
  { id: 'plan', object: 'Territory_Plan__c', fields: ['Id', 'Plan_Owner__c'] },
  { id: 'goal', object: 'Development_Goal__c', fields: ['Id', 'Rep__c'] },
  { id: 'session', object: 'Coaching_Session__c', fields: ['Id', 'Rep__c'] },
  // A rep with a manager: the team the scorecard queries read.
  {
    id: 'team',
    object: 'User',
    fields: ['Id', 'ManagerId'],
    where: 'IsActive = true AND ManagerId != null'
  }
];

function soql(object: string, fields: string[], where?: string): string {
  return `SELECT ${fields.join(', ')} FROM ${object}${where ? ` WHERE ${where}` : ''} ORDER BY LastModifiedDate DESC LIMIT 1`;
}

export function planLookups(targetOrg: string, recordPageObjects: readonly string[]): Lookup[] {
  const org = ['--target-org', targetOrg];
  const lookups: Lookup[] = [
    {
      id: 'user',
      title: 'The running user',
      argv: ['sf', 'org', 'display', 'user', ...org, '--json']
    }
  ];
  const known = new Set<string>();
  for (const lookup of RECORD_LOOKUPS) {
    known.add(lookup.object);
    lookups.push({
      id: lookup.id,
      title: lookup.object === 'User' ? 'A rep with a manager' : `One ${lookup.object} record`,
      object: lookup.object === 'User' ? undefined : lookup.object,
      argv: [
        'sf',
        'data',
        'query',
        '--query',
        soql(lookup.object, lookup.fields, lookup.where),
        ...org,
        '--json'
      ]
    });
  }
  for (const object of recordPageObjects) {
    if (known.has(object)) continue;
    known.add(object);
    lookups.push({
      id: `record:${object}`,
      title: `One ${object} record`,
      object,
      argv: ['sf', 'data', 'query', '--query', soql(object, ['Id']), ...org, '--json']
    });
  }
  return lookups;
}

// ---- GraphQL documents ------------------------------------------------------------------------

export interface GqlDocument {
  /** `<bundle>/<operation name>`, unique, used by --only. */
  id: string;
  /** Where the document is, for people: force-app/…/file.ts:line. */
  source: string;
  operationName: string;
  text: string;
  document: DocumentNode;
}

export class VerifyPlanError extends Error {}

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__tests__' && entry.name !== 'node_modules')
        files.push(...sourceFiles(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
      files.push(path);
    }
  }
  return files.sort();
}

/** Every `gql` document of the components, parsed. */
export function gqlDocuments(root: string): GqlDocument[] {
  const documents: GqlDocument[] = [];
  for (const path of sourceFiles(join(root, LWC_DIR))) {
    const bundle = relative(join(root, LWC_DIR), path).split(/[\\/]/)[0];
    for (const { text, line } of gqlTemplates(readFileSync(path, 'utf8'))) {
      const source = `${relative(root, path)}:${line}`;
      let document: DocumentNode;
      try {
        document = parse(text);
      } catch (error) {
        throw new VerifyPlanError(
          `${source}: the gql document does not parse: ${error instanceof Error ? error.message : String(error)}`
        );
      }
      const operations = document.definitions.filter(
        (definition): definition is OperationDefinitionNode =>
          definition.kind === Kind.OPERATION_DEFINITION
      );
      if (operations.length !== 1 || !operations[0].name) {
        throw new VerifyPlanError(`${source}: a gql document must hold one named operation`);
      }
      const operationName = operations[0].name.value;
      documents.push({ id: `${bundle}/${operationName}`, source, operationName, text, document });
    }
  }
  const seen = new Set<string>();
  for (const { id, source } of documents) {
    if (seen.has(id)) throw new VerifyPlanError(`${source}: a second operation named ${id}`);
    seen.add(id);
  }
  return documents;
}

/** Calendar helpers on ISO dates (UTC, no time zone drift). */
function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function quarter(iso: string, offset: number): { start: string; end: string } {
  const year = Number(iso.slice(0, 4));
  const index = Math.floor((Number(iso.slice(5, 7)) - 1) / 3) + offset;
  const y = year + Math.floor(index / 4);
  const q = ((index % 4) + 4) % 4;
  const start = new Date(Date.UTC(y, q * 3, 1));
  const end = new Date(Date.UTC(y, q * 3 + 3, 0));
  return { start: start.toISOString().slice(0, 10), end: end.toISOString().slice(0, 10) };
}

/** Where a variable is used: the object queried and the filter path (e.g. `Id`, `Owner.ManagerId`). */
interface VariableUse {
  object: string;
  filter: string;
}

/** Filter operators, left out of a variable's filter path. */
const OPERATORS = new Set([
  'eq',
  'ne',
  'in',
  'nin',
  'lt',
  'gt',
  'lte',
  'gte',
  'and',
  'or',
  'not',
  'value'
]);

function variableUses(document: DocumentNode): Map<string, VariableUse[]> {
  const uses = new Map<string, VariableUse[]>();
  visit(document, {
    Variable(node, _key, _parent, _path, ancestors) {
      const nodes = ancestors.filter((ancestor): ancestor is ASTNode => !Array.isArray(ancestor));
      const field = nodes
        .filter((ancestor): ancestor is FieldNode => ancestor.kind === Kind.FIELD)
        .pop();
      if (!field) return; // the variable's definition
      const filter = nodes
        .filter((ancestor): ancestor is ObjectFieldNode => ancestor.kind === Kind.OBJECT_FIELD)
        .map((ancestor) => ancestor.name.value)
        .filter((key) => !OPERATORS.has(key))
        .join('.');
      uses.set(node.name.value, [
        ...(uses.get(node.name.value) ?? []),
        { object: field.name.value, filter }
      ]);
    }
  });
  return uses;
}

export interface VariableContext {
  today: string;
  data: OrgData;
}

type Resolver = (context: VariableContext, uses: VariableUse[]) => unknown;

/** The lookup whose record stands for an object's Id. */
const RECORD_OF: Record<string, string> = {
  Opportunity: 'opportunity',
  Territory_Plan__c: 'plan',
  Development_Goal__c: 'goal',
  Coaching_Session__c: 'session'
};

function field(context: VariableContext, lookup: string, name: string): unknown {
  const record = context.data.records[lookup];
  if (!record) throw new VerifyPlanError(`the org has no record for "${lookup}" (see the lookups)`);
  const value = record[name];
  if (value === undefined || value === null) {
    throw new VerifyPlanError(`the ${lookup} record found has no ${name}`);
  }
  return value;
}

const rep: Resolver = (context) => field(context, 'team', 'Id');
const manager: Resolver = (context) => field(context, 'team', 'ManagerId');
const dateRange =
  (pick: (today: string) => string): Resolver =>
  (context) =>
    pick(context.today);
const quarterBound =
  (offset: number, bound: 'start' | 'end'): Resolver =>
  (context) =>
    quarter(context.today, offset)[bound];

/** start0/end0 … : the current quarter and the ones before it (the scorecard's history). */
function quarterHistory(count: number): Record<string, Resolver> {
  const resolvers: Record<string, Resolver> = {};
  for (let n = 0; n < count; n++) {
    resolvers[`start${n}`] = quarterBound(-n, 'start');
    resolvers[`end${n}`] = quarterBound(-n, 'end');
  }
  return resolvers;
}

/**
 * A value from the org's own data for every variable name the components use. Names are the
 * components' contract: a new name fails planning, so a new query cannot slip through unchecked.
 * Dates follow the components' periods around today (current, previous and last year's quarter).
 */
export const VARIABLES: Readonly<Record<string, Resolver>> = {
  userId: (context) => {
    if (!context.data.userId) throw new VerifyPlanError('the running user was not found');
    return context.data.userId;
  },
  repId: rep,
  ownerId: rep,
  ownerIds: (context) => [rep(context, [])],
  repIds: (context) => [rep(context, [])],
  managerId: manager,
  scorecardManagerId: manager,
  opportunityId: (context) => field(context, 'opportunity', 'Id'),
  goalId: (context) => field(context, 'goal', 'Id'),
  planId: (context) => field(context, 'plan', 'Id'),
  reviewPlanId: (context) => field(context, 'plan', 'Id'),
  // Manager_Scorecard__c.Period_Key__c as the scorecard writes it: '<ManagerId>:<start>:<end>'.
  periodKey: (context, uses) => {
    const { start, end } = quarter(context.today, 0);
    return `${String(VARIABLES.userId(context, uses))}:${start}:${end}`;
  },
  recordId: (context, uses) => {
    const byId = uses.find((use) => use.filter === 'Id');
    const lookup = byId ? RECORD_OF[byId.object] : undefined;
    if (!lookup) {
      throw new VerifyPlanError(
        `$recordId is not an Id filter of a known object (${uses.map((use) => use.object).join(', ')})`
      );
    }
    return field(context, lookup, 'Id');
  },
  where: (context) => ({ Rep__c: { eq: rep(context, []) } }),
  sessionsWhere: (context) => ({ Rep__c: { eq: rep(context, []) } }),
  first: () => 50,
  after: () => null,
  corporateAfter: () => null,
  sessionsAfter: () => null,
  goalsAfter: () => null,
  today: dateRange((today) => today),
  since: dateRange((today) => addDays(today, -365)),
  from: dateRange((today) => quarter(today, -7).start),
  to: dateRange((today) => today),
  start: quarterBound(0, 'start'),
  end: quarterBound(0, 'end'),
  periodStart: quarterBound(0, 'start'),
  periodEnd: quarterBound(0, 'end'),
  previousStart: quarterBound(-1, 'start'),
  previousEnd: quarterBound(-1, 'end'),
  lastYearStart: quarterBound(-4, 'start'),
  lastYearEnd: quarterBound(-4, 'end'),
  ...quarterHistory(8),
  stageChangedBefore: dateRange((today) => `${addDays(today, -30)}T00:00:00.000Z`),
  activityBefore: dateRange((today) => addDays(today, -14))
};

/** Names of the variables a document declares without a default: each one is sent. */
export function requiredVariables(document: DocumentNode): string[] {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION
  );
  return (operation?.variableDefinitions ?? [])
    .filter((definition) => !definition.defaultValue)
    .map((definition) => definition.variable.name.value);
}

/** Variables with no value in VARIABLES, per document: planning fails on any. */
export function unknownVariables(documents: readonly GqlDocument[]): string[] {
  return documents.flatMap((document) =>
    requiredVariables(document.document)
      .filter((name) => !(name in VARIABLES))
      .map((name) => `${document.source}: no value for $${name} of ${document.operationName}`)
  );
}

export function resolveVariables(
  document: GqlDocument,
  context: VariableContext
): Record<string, unknown> {
  const uses = variableUses(document.document);
  const variables: Record<string, unknown> = {};
  for (const name of requiredVariables(document.document)) {
    const resolver = VARIABLES[name];
    if (!resolver) throw new VerifyPlanError(`no value for $${name}`);
    variables[name] = resolver(context, uses.get(name) ?? []);
  }
  return variables;
}

/** The request body, as `lightning/graphql` sends it. */
export function requestBody(document: GqlDocument, variables: Record<string, unknown>): string {
  return `${JSON.stringify({ query: document.text, variables, operationName: document.operationName }, null, 2)}\n`;
}

// ---- The response has every field the document selects ---------------------------------------

export interface ResponseShape {
  problems: string[];
  /** Fields found in the response. */
  checked: number;
  /** Lists that came back empty: the fields below them were not seen. */
  emptyLists: string[];
}

/**
 * Walks the document's selection set over the response: every selected field (by alias) is in
 * the response unless the document marks it `@optional` (the UI API leaves such a field out
 * when the user cannot see it). Inline fragments apply where `__typename` names their type.
 */
export function checkResponseShape(document: DocumentNode, data: unknown): ResponseShape {
  const shape: ResponseShape = { problems: [], checked: 0, emptyLists: [] };
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode =>
      definition.kind === Kind.OPERATION_DEFINITION
  );
  if (!operation) return shape;
  if (!isObject(data)) {
    shape.problems.push('the response has no data');
    return shape;
  }
  walk(operation.selectionSet, data, 'data');
  return shape;

  function walk(selectionSet: SelectionSetNode, value: unknown, path: string): void {
    if (value === null || value === undefined) return;
    if (Array.isArray(value)) {
      if (value.length === 0) shape.emptyLists.push(path);
      value.forEach((item, index) => walk(selectionSet, item, `${path}[${index}]`));
      return;
    }
    if (!isObject(value)) {
      shape.problems.push(`${path} is a ${typeof value}, but the document selects fields in it`);
      return;
    }
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition?.name.value;
        if (!type || value.__typename === type) walk(selection.selectionSet, value, path);
        continue;
      }
      if (selection.kind !== Kind.FIELD) continue;
      const key = selection.alias?.value ?? selection.name.value;
      const optional = selection.directives?.some(
        (directive) => directive.name.value === 'optional'
      );
      if (!(key in value)) {
        if (!optional) shape.problems.push(`${path}.${key} is missing from the response`);
        continue;
      }
      shape.checked += 1;
      if (selection.selectionSet) walk(selection.selectionSet, value[key], `${path}.${key}`);
    }
  }
}

// ---- FlexiPages -------------------------------------------------------------------------------

export interface PagePlan {
  /** The FlexiPage's API name. */
  name: string;
  type: string;
  sobjectType?: string;
  /** Custom elements of the placed components (c:dealCoach → c-deal-coach). */
  components: string[];
  /** The Lightning path to open once inside the app, or why the page cannot be opened. */
  path: string | { problem: string };
  /** The CLI user (alias or username) who opens it. */
  targetOrg: string;
}

const xml = new XMLParser({ ignoreAttributes: true, parseTagValue: false });

/** c:dealCoach → c-deal-coach, the element the platform renders. */
export function elementName(componentName: string): string {
  const [namespace, name] = componentName.split(':');
  return `${namespace}-${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
}

function readXml(path: string, rootName: string): Record<string, unknown> {
  const document = xml.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  const value = document[rootName];
  return isObject(value) ? value : {};
}

/** Lightning Page tabs: FlexiPage → tab API name. */
function pageTabs(root: string): Map<string, string> {
  const tabs = new Map<string, string>();
  const dir = join(root, TAB_DIR);
  if (!existsSync(dir)) return tabs;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.tab-meta.xml')) continue;
    const flexiPage = readXml(join(dir, file), 'CustomTab').flexiPage;
    if (typeof flexiPage === 'string') tabs.set(flexiPage, file.replace('.tab-meta.xml', ''));
  }
  return tabs;
}

export function planPages(
  root: string,
  targetOrg: string,
  pageUsers: ReadonlyMap<string, string>,
  recordIds: (object: string) => string
): PagePlan[] {
  const dir = join(root, FLEXIPAGE_DIR);
  if (!existsSync(dir)) return [];
  const tabs = pageTabs(root);
  const pages: PagePlan[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.flexipage-meta.xml')) continue;
    const name = file.replace('.flexipage-meta.xml', '');
    const page = readXml(join(dir, file), 'FlexiPage');
    const type = typeof page.type === 'string' ? page.type : '';
    const sobjectType = typeof page.sobjectType === 'string' ? page.sobjectType : undefined;
    const components = [
      ...new Set(
        listOf(page.flexiPageRegions)
          .flatMap((region) => listOf(isObject(region) ? region.itemInstances : undefined))
          .map((item) =>
            isObject(item) && isObject(item.componentInstance)
              ? item.componentInstance.componentName
              : undefined
          )
          .filter(
            (component): component is string =>
              typeof component === 'string' && component.startsWith('c:')
          )
          .map(elementName)
      )
    ];
    let path: PagePlan['path'];
    if (type === 'RecordPage' && sobjectType) {
      path = `lightning/r/${sobjectType}/${recordIds(sobjectType)}/view`;
    } else if (type === 'AppPage') {
      const tab = tabs.get(name);
      path = tab
        ? `lightning/n/${tab}`
        : {
            problem: `no Lightning Page tab (${TAB_DIR}) opens ${name}, so the app cannot show it`
          };
    } else if (type === 'HomePage') {
      path = 'lightning/page/home';
    } else {
      path = { problem: `a ${type || 'page without a type'} is not checked` };
    }
    pages.push({
      name,
      type,
      sobjectType,
      components,
      path,
      targetOrg: pageUsers.get(name) ?? targetOrg
    });
  }
  return pages;
}

/** Record page objects, for the lookups that find a record to open. */
export function recordPageObjects(root: string): string[] {
  const dir = join(root, FLEXIPAGE_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith('.flexipage-meta.xml'))
    .map((file) => readXml(join(dir, file), 'FlexiPage'))
    .filter((page) => page.type === 'RecordPage' && typeof page.sobjectType === 'string')
    .map((page) => String(page.sobjectType))
    .sort();
}

/**
 * The frontdoor URL into the app: app default pages (the CustomApplication's action overrides)
 * apply inside the app, so every page is opened from there.
 */
export function frontdoorArgv(targetOrg: string): string[] {
  return [
    'sf',
    'org',
    'open',
    '--url-only',
    '--path',
    APP_PATH,
    '--target-org',
    targetOrg,
    '--json'
  ];
}

// ---- The whole plan ---------------------------------------------------------------------------

export interface VerifyConfig {
  root: string;
  targetOrg: string;
  apiVersion: string;
  /** FlexiPage → CLI user who opens it (e.g. the Rep Home as a rep). */
  pageUsers: ReadonlyMap<string, string>;
  /** Where request bodies are written. */
  workDir: string;
}

export type Check =
  | { kind: 'deploy'; id: 'deploy'; title: string; argv: string[] }
  | {
      kind: 'graphql';
      id: string;
      title: string;
      document: GqlDocument;
      bodyFile: string;
      argv: string[];
    }
  | { kind: 'page'; id: string; title: string; page: PagePlan; argv: string[] };

export function deployArgv(targetOrg: string): string[] {
  return [
    'sf',
    'project',
    'deploy',
    'validate',
    '--source-dir',
    SOURCE_DIR,
    '--target-org',
    targetOrg,
    '--wait',
    '30',
    '--json'
  ];
}

export function graphqlArgv(config: VerifyConfig, bodyFile: string): string[] {
  return [
    'sf',
    'api',
    'request',
    'rest',
    `services/data/v${config.apiVersion}/graphql`,
    '--method',
    'POST',
    '--body',
    `@${bodyFile}`,
    '--target-org',
    config.targetOrg
  ];
}

export function planChecks(
  config: VerifyConfig,
  documents: readonly GqlDocument[],
  pages: readonly PagePlan[]
): Check[] {
  return [
    {
      kind: 'deploy',
      id: 'deploy',
      title: `Check-only deploy of ${SOURCE_DIR}`,
      argv: deployArgv(config.targetOrg)
    },
    ...documents.map((document): Check => {
      const bodyFile = join(config.workDir, 'graphql', `${document.id.replace('/', '.')}.json`);
      return {
        kind: 'graphql',
        id: `graphql:${document.id}`,
        title: `GraphQL ${document.operationName} (${document.source})`,
        document,
        bodyFile,
        argv: graphqlArgv(config, bodyFile)
      };
    }),
    ...pages.map((page): Check => ({
      kind: 'page',
      id: `page:${page.name}`,
      title: `Page ${page.name} (${page.type}${page.sobjectType ? ` of ${page.sobjectType}` : ''}${page.targetOrg === config.targetOrg ? '' : `, as ${page.targetOrg}`}) ${page.components.length > 0 ? `shows ${page.components.join(', ')}` : 'opens (it places no component of the package)'}`,
      page,
      argv: frontdoorArgv(page.targetOrg)
    }))
  ];
}
