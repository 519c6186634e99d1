/**
 * The Lightning page templates our FlexiPages use, with the regions each one has. Salesforce
 * publishes no list of template regions, and a region the template lacks fails the whole deploy
 * ("The 'sidebar' region (type Region) doesn't exist"), so every entry names where its regions
 * come from: a FlexiPage Salesforce itself ships or deploys with that template.
 *
 * The main source is @salesforce/templates (pinned through @salesforce/cli): the FlexiPages that
 * `sf template generate flexipage` writes for AppPage, HomePage and RecordPage, in
 * lib/templates/flexipage/<PageType>/_flexipage.flexipage-meta.xml ("template generate flexipage",
 * Salesforce CLI Command Reference). flexipageTemplates.test.ts reads those files and fails when
 * this table disagrees with them.
 *
 * `column` says where a region sits on a desktop page, so the preview can lay out the same page:
 * 'header' spans the page above the columns, 'main' is the wide column, 'sidebar' the narrow one.
 */

export type RegionColumn = 'header' | 'main' | 'sidebar';

export interface TemplateRegion {
  name: string;
  column: RegionColumn;
}

export interface PageTemplate {
  /** The FlexiPage `type` the template serves. */
  pageType: 'AppPage' | 'HomePage' | 'RecordPage';
  regions: TemplateRegion[];
  /** Which side the narrow column is on (for the preview's layout). */
  sidebarSide: 'left' | 'right';
  /** Where the region names come from. */
  source: string;
}

const CLI_TEMPLATES = '@salesforce/templates lib/templates/flexipage';

export const FLEXIPAGE_TEMPLATES: Record<string, PageTemplate> = {
  // One region, `main`. Salesforce's lwc-recipes deploys it with only `main`
  // (trailheadapps/lwc-recipes force-app/main/default/flexipages/Datatable.flexipage-meta.xml
  // and State_Managers.flexipage-meta.xml).
  'flexipage:defaultAppHomeTemplate': {
    pageType: 'AppPage',
    regions: [{ name: 'main', column: 'main' }],
    sidebarSide: 'right',
    source: 'trailheadapps/lwc-recipes flexipages/Datatable.flexipage-meta.xml'
  },
  // "Header and Left Sidebar": the template `sf template generate flexipage --template AppPage`
  // writes. region1 is the full-width header (the CLI puts the Launchpad there), region2 the left
  // sidebar (Recent Items), region3 the main column (a list view).
  'flexipage:appHomeTemplateHeaderTwoColumnsLeftSidebar': {
    pageType: 'AppPage',
    regions: [
      { name: 'region1', column: 'header' },
      { name: 'region2', column: 'sidebar' },
      { name: 'region3', column: 'main' }
    ],
    sidebarSide: 'left',
    source: `${CLI_TEMPLATES}/AppPage/_flexipage.flexipage-meta.xml`
  },
  // The standard Home page: top, bottomLeft and bottomRight share the wide column, sidebar is the
  // narrow right column (the CLI puts Recent Items there).
  'home:desktopTemplate': {
    pageType: 'HomePage',
    regions: [
      { name: 'top', column: 'main' },
      { name: 'bottomLeft', column: 'main' },
      { name: 'bottomRight', column: 'main' },
      { name: 'sidebar', column: 'sidebar' }
    ],
    sidebarSide: 'right',
    source: `${CLI_TEMPLATES}/HomePage/_flexipage.flexipage-meta.xml`
  },
  // "Header and Right Sidebar" record page (also Salesforce's ebikes-lwc, dreamhouse-lwc and
  // easy-spaces-lwc record pages).
  'flexipage:recordHomeTemplateDesktop': {
    pageType: 'RecordPage',
    regions: [
      { name: 'header', column: 'header' },
      { name: 'main', column: 'main' },
      { name: 'sidebar', column: 'sidebar' }
    ],
    sidebarSide: 'right',
    source: `${CLI_TEMPLATES}/RecordPage/_flexipage.flexipage-meta.xml`
  }
};

export function templateRegion(template: string, region: string): TemplateRegion | undefined {
  return FLEXIPAGE_TEMPLATES[template]?.regions.find((entry) => entry.name === region);
}

type Xml = Record<string, unknown>;

function list(value: unknown): Xml[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]) as Xml[];
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * The components a FlexiPage shows in each column of its template, in page order. Containers
 * (a tab set, a tab) are replaced by what their Facets hold, so a related list inside a tab
 * counts as shown in the column of the tab set. `page` is the FlexiPage root element as
 * fast-xml-parser reads it (parseTagValue off).
 */
export function flexiPageColumns(page: Xml): Record<RegionColumn, string[]> {
  const templateName = text((page.template as Xml | undefined)?.name);
  const regions = list(page.flexiPageRegions);
  const facets = new Map(
    regions.filter((r) => text(r.type) === 'Facet').map((r) => [text(r.name), r] as const)
  );
  const leaves = (region: Xml, seen: Set<string>): string[] =>
    list(region.itemInstances).flatMap((item) => {
      const component = item.componentInstance as Xml | undefined;
      if (!component) return [];
      const inner = list(component.componentInstanceProperties)
        .map((property) => text(property.value))
        .filter((value) => facets.has(value) && !seen.has(value));
      if (inner.length === 0) return [text(component.componentName)];
      return inner.flatMap((facet) => leaves(facets.get(facet) as Xml, new Set([...seen, facet])));
    });
  const columns: Record<RegionColumn, string[]> = { header: [], main: [], sidebar: [] };
  const template = FLEXIPAGE_TEMPLATES[templateName];
  for (const entry of template?.regions ?? []) {
    const region = regions.find((r) => text(r.type) !== 'Facet' && text(r.name) === entry.name);
    if (region) columns[entry.column].push(...leaves(region, new Set()));
  }
  return columns;
}
