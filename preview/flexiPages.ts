/**
 * The preview's pages, read from the package's FlexiPages at build time: each page of
 * shell/pages.ts renders its FlexiPage — the FlexiPage's type gives the kind of page and its
 * object, its template the columns (scripts/validate/flexipageTemplates.ts), its regions the
 * components in page order with their properties. So the preview shows what an org would, and
 * a component placed on a FlexiPage appears here without any change to the preview.
 *
 * As on a Lightning page, a component's properties arrive typed as its js-meta.xml declares
 * them for the page's target (Integer → number, Boolean → boolean), and a record page gives a
 * component the record it shows when the component declares `@api recordId` /
 * `@api objectApiName` ("Make a Component Aware of Its Record Context", LWC Developer Guide).
 * A record page's highlights panel is the preview's record header; other standard components
 * are cards saying what the org shows there.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import ts from 'typescript';
import { list, text } from '../scripts/guards';
import {
  FLEXIPAGE_TEMPLATES,
  PAGE_TARGETS,
  flexiPageColumns,
  type RegionColumn,
  type ShownComponent
} from '../scripts/validate/flexipageTemplates';
import {
  PAGE_SETTINGS,
  type PageDefinition,
  type PageSettings,
  type Placement
} from './shell/pages';

export const FLEXIPAGES_DIR = 'force-app/main/default/flexipages';
const LWC_DIR = 'force-app/main/default/lwc';

type Xml = Record<string, unknown>;

/** What a page needs to know about a bundle it places. */
export interface BundleFacts {
  /** The record context it declares as `@api` properties. */
  recordContext: ('recordId' | 'objectApiName')[];
  /** Its design properties' types by target, from js-meta.xml (`<property name type>`). */
  propertyTypes: Record<string, Record<string, string>>;
}

const KINDS: Record<string, PageDefinition['kind']> = {
  HomePage: 'home',
  AppPage: 'app',
  RecordPage: 'record'
};

/** Standard components the record header stands in for on a record page. */
const HIGHLIGHTS = new Set(['force:highlightsPanel', 'record_flexipage:dynamicHighlights']);

/** What the org shows for a standard component, for the card standing in for it. */
const STANDARD_SHOWS: Readonly<Record<string, string>> = {
  'force:detailPanel': 'record details',
  'force:relatedListContainer': 'related lists',
  'runtime_sales_activities:activityPanel': 'activity timeline',
  'forceChatter:recordFeedContainer': 'Chatter feed',
  'flexipage:recentItems': 'recent items',
  'flexipage:filterListCard': 'a list view',
  'flexipage:richText': 'rich text'
};

/**
 * The standard tabs' titles as the Lightning App Builder names them; the keys are what the
 * Salesforce CLI's RecordPage template (@salesforce/templates) and our FlexiPages write.
 */
const TAB_TITLES: Readonly<Record<string, string>> = {
  'Standard.Tab.detail': 'Details',
  'Standard.Tab.relatedLists': 'Related',
  'Standard.Tab.activity': 'Activity',
  'Standard.Tab.collaborate': 'Chatter'
};

function standardLabel(shown: ShownComponent): string {
  const shows = STANDARD_SHOWS[shown.component] ?? shown.component;
  if (!shown.tab) return shows.charAt(0).toUpperCase() + shows.slice(1);
  return `${TAB_TITLES[shown.tab] ?? shown.tab} tab: ${shows}`;
}

function typed(value: string, type: string | undefined): string | number | boolean {
  if (type === 'Integer') return Number(value);
  if (type === 'Boolean') return value === 'true';
  return value;
}

/** One page of the preview from its settings and its FlexiPage (the root element, parsed). */
export function pageFromFlexiPage(
  settings: PageSettings,
  flexiPage: Xml,
  bundleFacts: (bundle: string) => BundleFacts | null
): PageDefinition {
  const pageType = text(flexiPage.type) ?? '';
  const kind = KINDS[pageType];
  if (!kind) throw new Error(`${settings.flexipage}: the preview has no page kind for ${pageType}`);
  const templateName = text((flexiPage.template as Xml | undefined)?.name) ?? '';
  const template = FLEXIPAGE_TEMPLATES[templateName];
  if (!template) throw new Error(`${settings.flexipage}: unknown template ${templateName}`);
  const target = PAGE_TARGETS[pageType];
  const placement = (shown: ShownComponent): Placement[] => {
    if (!shown.component.startsWith('c:')) {
      if (kind === 'record' && HIGHLIGHTS.has(shown.component)) return [];
      return [{ component: shown.component, label: standardLabel(shown) }];
    }
    const bundle = shown.component.slice(2);
    const facts = bundleFacts(bundle);
    const types = facts?.propertyTypes[target] ?? {};
    const properties: Record<string, string | number | boolean> = Object.fromEntries(
      Object.entries(shown.properties).map(([name, value]) => [name, typed(value, types[name])])
    );
    if (kind === 'record') {
      for (const name of facts?.recordContext ?? []) properties[name] = `$${name}`;
    }
    return [{ component: bundle, ...(Object.keys(properties).length > 0 ? { properties } : {}) }];
  };
  const columns = flexiPageColumns(flexiPage);
  const region = (column: RegionColumn): Placement[] => columns[column].flatMap(placement);
  const objectApiName = text(flexiPage.sobjectType);
  return {
    ...settings,
    kind,
    ...(kind === 'record' && objectApiName ? { objectApiName } : {}),
    sidebarSide: template.sidebarSide,
    regions: { header: region('header'), main: region('main'), sidebar: region('sidebar') }
  };
}

const flexiPageParser = new XMLParser({ parseTagValue: false, trimValues: true });
const metaParser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  trimValues: true
});

function apiProperties(source: string, fileName: string): Set<string> {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.ESNext, false);
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isClassDeclaration(node)) {
      for (const member of node.members) {
        const isApi = (ts.canHaveDecorators(member) ? (ts.getDecorators(member) ?? []) : []).some(
          (decorator) =>
            ts.isIdentifier(decorator.expression) && decorator.expression.text === 'api'
        );
        if (isApi && member.name && ts.isIdentifier(member.name)) names.add(member.name.text);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return names;
}

/** What the bundle's source and js-meta.xml say; null when there is no such bundle. */
export function readBundleFacts(root: string, bundle: string): BundleFacts | null {
  const dir = join(root, LWC_DIR, bundle);
  const source = join(dir, `${bundle}.ts`);
  const meta = join(dir, `${bundle}.js-meta.xml`);
  if (!existsSync(source) || !existsSync(meta)) return null;
  const api = apiProperties(readFileSync(source, 'utf8'), source);
  const recordContext = (['recordId', 'objectApiName'] as const).filter((name) => api.has(name));
  const parsed = metaParser.parse(readFileSync(meta, 'utf8')) as Xml;
  const configs = (parsed.LightningComponentBundle as Xml | undefined)?.targetConfigs as
    Xml | undefined;
  const propertyTypes: Record<string, Record<string, string>> = {};
  for (const config of list(configs?.targetConfig) as Xml[]) {
    const types = Object.fromEntries(
      (list(config.property) as Xml[]).map((property) => [
        text(property['@_name']) ?? '',
        text(property['@_type']) ?? 'String'
      ])
    );
    for (const target of (text(config['@_targets']) ?? '').split(',')) {
      propertyTypes[target.trim()] = { ...propertyTypes[target.trim()], ...types };
    }
  }
  return { recordContext, propertyTypes };
}

export function flexiPagePath(root: string, name: string): string {
  return join(root, FLEXIPAGES_DIR, `${name}.flexipage-meta.xml`);
}

/** The preview's pages as the package's FlexiPages lay them out. */
export function loadPages(
  root: string,
  settings: readonly PageSettings[] = PAGE_SETTINGS
): PageDefinition[] {
  return settings.map((setting) => {
    const parsed = flexiPageParser.parse(
      readFileSync(flexiPagePath(root, setting.flexipage), 'utf8')
    ) as Xml;
    return pageFromFlexiPage(setting, (parsed.FlexiPage as Xml | undefined) ?? {}, (bundle) =>
      readBundleFacts(root, bundle)
    );
  });
}
