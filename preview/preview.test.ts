import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import {
  FLEXIPAGE_TEMPLATES,
  type RegionColumn,
  flexiPageColumns
} from '../scripts/validate/flexipageTemplates';
import {
  APP_PAGE_API_NAME,
  formatRoute,
  pageReferenceForRoute,
  parseRoute,
  routeForPageReference
} from './runtime/routes';
import { fileFor } from './server';
import { STATIC_ROUTES } from './build';
import { PAGES, placedComponents } from './shell/pages';

void describe('preview routes', () => {
  void it('round-trips page, record and persona through the URL hash', () => {
    const route = parseRoute('#/opportunity/006Dp0000000001AAA?as=rep&tab=x');
    assert.deepEqual(route, {
      page: 'opportunity',
      recordId: '006Dp0000000001AAA',
      persona: 'rep',
      state: { tab: 'x' }
    });
    assert.equal(formatRoute(route), '#/opportunity/006Dp0000000001AAA?tab=x&as=rep');
    assert.deepEqual(parseRoute(''), { page: 'home', state: {} });
    assert.equal(parseRoute('#/home?as=ceo').persona, undefined);
  });

  void it('maps page references to preview pages and back', () => {
    const record = routeForPageReference(
      {
        type: 'standard__recordPage',
        attributes: { recordId: 'a03x', objectApiName: 'Territory_Plan__c', actionName: 'view' }
      },
      'home'
    );
    assert.deepEqual(record, { page: 'territory-plan', recordId: 'a03x', state: {} });
    assert.equal(
      routeForPageReference(
        {
          type: 'standard__recordPage',
          attributes: { recordId: '001x', objectApiName: 'Account' }
        },
        'home'
      )?.page,
      'record'
    );
    assert.equal(
      routeForPageReference(
        { type: 'standard__namedPage', attributes: { pageName: 'home' } },
        'rep-home'
      )?.page,
      'rep-home'
    );
    assert.equal(
      routeForPageReference(
        { type: 'standard__navItemPage', attributes: { apiName: 'Coaching' } },
        'home'
      )?.page,
      'coaching'
    );
    assert.equal(
      routeForPageReference(
        { type: 'standard__webPage', attributes: { url: 'https://x' } },
        'home'
      ),
      null
    );
    const reference = pageReferenceForRoute(
      { page: 'opportunity', recordId: '006x', state: {} },
      'Opportunity'
    );
    assert.deepEqual(reference.attributes, {
      recordId: '006x',
      objectApiName: 'Opportunity',
      actionName: 'view'
    });
  });
});

void describe('preview server', () => {
  void it('serves the build, the sample data and SLDS, and nothing outside them', () => {
    assert.equal(fileFor('/'), join(STATIC_ROUTES.outDir, 'index.html'));
    assert.equal(fileFor('/preview/sample-data.json'), STATIC_ROUTES.sampleData);
    assert.equal(
      fileFor('/assets/styles/salesforce-lightning-design-system.min.css'),
      join(STATIC_ROUTES.assets, 'styles/salesforce-lightning-design-system.min.css')
    );
    assert.equal(fileFor('/preview/../../package.json'), null);
    assert.equal(fileFor('/assets/%2e%2e/%2e%2e/package.json'), null);
    assert.equal(fileFor('/etc/passwd'), null);
  });
});

void describe('page registry', () => {
  void it('places every product component on a page, record components on record pages', () => {
    // The six components of PRODUCT.md are placed; other bundles may be placed too.
    const placed = placedComponents();
    for (const component of [
      'coachingSessionForm',
      'coachingTimeline',
      'dealCoach',
      'managerScorecard',
      'myDevelopmentGoals',
      'territoryPlanProgress'
    ]) {
      assert.ok(placed.includes(component), component);
    }
    for (const page of PAGES) {
      const usesRecord = Object.values(page.regions)
        .flat()
        .some((placement) => Object.values(placement.properties ?? {}).includes('$recordId'));
      if (usesRecord) assert.equal(page.kind, 'record', `${page.id} passes $recordId`);
    }
    assert.equal(new Set(PAGES.map((page) => page.id)).size, PAGES.length);
    assert.ok(!placed.some((name) => name.includes(':')), 'standard components are not bundles');
  });

  void it('lays out each page as the FlexiPage it copies', () => {
    const flexipages = fileURLToPath(
      new URL('../force-app/main/default/flexipages/', import.meta.url)
    );
    const parser = new XMLParser({ parseTagValue: false });
    for (const page of PAGES) {
      const xml = readFileSync(join(flexipages, `${page.flexipage}.flexipage-meta.xml`), 'utf8');
      const root = (parser.parse(xml) as { FlexiPage: Record<string, unknown> }).FlexiPage;
      const columns = flexiPageColumns(root);
      // Our bundles by bundle name, standard components as named; the record header stands in
      // for the highlights panel.
      const placed = (name: string): string | undefined =>
        name.startsWith('c:')
          ? name.slice(2)
          : name === 'force:highlightsPanel' && page.kind === 'record'
            ? undefined
            : name;
      const expected = Object.fromEntries(
        (['header', 'main', 'sidebar'] as RegionColumn[]).map((column) => [
          column,
          columns[column].map(placed).filter((name) => name !== undefined)
        ])
      );
      const actual = Object.fromEntries(
        Object.entries(page.regions).map(([column, placements]) => [
          column,
          placements.map((placement) => placement.component)
        ])
      );
      assert.deepEqual(actual, expected, `${page.id} and ${page.flexipage}`);
      const template = (root.template as { name: string }).name;
      assert.equal(
        page.sidebarSide ?? 'right',
        FLEXIPAGE_TEMPLATES[template].sidebarSide,
        `${page.id}: the sidebar side of ${template}`
      );
    }
  });

  void it('opens the App page through the Lightning Page tab the app shows', () => {
    // NavigationMixin's standard__navItemPage names the tab; the preview maps it to its App page.
    const tab = readFileSync(
      new URL(`../force-app/main/default/tabs/${APP_PAGE_API_NAME}.tab-meta.xml`, import.meta.url),
      'utf8'
    );
    const app = PAGES.find((page) => page.kind === 'app');
    assert.match(tab, new RegExp(`<flexiPage>${app?.flexipage}</flexiPage>`));
  });
});
