import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import {
  APP_PAGE_API_NAME,
  formatRoute,
  pageReferenceForRoute,
  parseRoute,
  routeForPageReference
} from './runtime/routes';
import { fileFor } from './server';
import { ROOT, STATIC_ROUTES } from './build';
import { flexiPagePath, loadPages, pageFromFlexiPage, readBundleFacts } from './flexiPages';
import { PAGE_SETTINGS, placedComponents, type PageSettings } from './shell/pages';

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

void describe('pages from the FlexiPages', () => {
  const PAGES = loadPages(ROOT);
  const parser = new XMLParser({ parseTagValue: false, trimValues: true });
  const flexiPage = (xml: string): Record<string, unknown> =>
    (parser.parse(xml) as { FlexiPage: Record<string, unknown> }).FlexiPage;
  const settings = (id: string): PageSettings => {
    const found = PAGE_SETTINGS.find((page) => page.id === id);
    assert.ok(found, id);
    return found;
  };

  void it('places every product component on a page, record components on record pages', () => {
    // The six components the product is made of are placed; other bundles may be placed too.
    const placed = placedComponents(PAGES);
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

  void it('shows a component added to a FlexiPage, with no change to the preview', () => {
    const xml = readFileSync(flexiPagePath(ROOT, 'Opportunity_Record_Page'), 'utf8');
    const added = xml.replace(
      '<name>main</name>',
      `<itemInstances>
        <componentInstance>
          <componentInstanceProperties>
            <name>note</name>
            <value>added in a test</value>
          </componentInstanceProperties>
          <componentName>c:territoryPlanProgress</componentName>
          <identifier>c_territoryPlanProgress</identifier>
        </componentInstance>
      </itemInstances>
      <name>main</name>`
    );
    assert.notEqual(added, xml);
    const before = pageFromFlexiPage(settings('opportunity'), flexiPage(xml), (bundle) =>
      readBundleFacts(ROOT, bundle)
    );
    const after = pageFromFlexiPage(settings('opportunity'), flexiPage(added), (bundle) =>
      readBundleFacts(ROOT, bundle)
    );
    assert.deepEqual(after.regions.main.slice(0, -1), before.regions.main);
    assert.deepEqual(after.regions.main.at(-1), {
      component: 'territoryPlanProgress',
      properties: {
        note: 'added in a test',
        recordId: '$recordId',
        objectApiName: '$objectApiName'
      }
    });
    assert.ok(placedComponents([after]).includes('territoryPlanProgress'));
  });

  void it('lays a page out as its template and regions say, standard components as cards', () => {
    const page = pageFromFlexiPage(
      settings('coaching'),
      {
        type: 'RecordPage',
        sobjectType: 'Account',
        template: { name: 'flexipage:recordHomeTemplateDesktop' },
        flexiPageRegions: [
          {
            name: 'header',
            type: 'Region',
            itemInstances: { componentInstance: { componentName: 'force:highlightsPanel' } }
          },
          {
            name: 'tab',
            type: 'Facet',
            itemInstances: { componentInstance: { componentName: 'force:relatedListContainer' } }
          },
          {
            name: 'tabs',
            type: 'Facet',
            itemInstances: {
              componentInstance: {
                componentName: 'flexipage:tab',
                componentInstanceProperties: [
                  { name: 'body', value: 'tab' },
                  { name: 'title', value: 'Standard.Tab.relatedLists' }
                ]
              }
            }
          },
          {
            name: 'sidebar',
            type: 'Region',
            itemInstances: [
              {
                componentInstance: {
                  componentName: 'c:widget',
                  componentInstanceProperties: [
                    { name: 'rows', value: '5' },
                    { name: 'compact', value: 'true' },
                    { name: 'title', value: 'Top' }
                  ]
                }
              },
              {
                componentInstance: {
                  componentName: 'flexipage:tabset',
                  componentInstanceProperties: { name: 'tabs', value: 'tabs' }
                }
              }
            ]
          }
        ]
      },
      (bundle) =>
        bundle === 'widget'
          ? {
              recordContext: ['recordId'],
              propertyTypes: { lightning__RecordPage: { rows: 'Integer', compact: 'Boolean' } }
            }
          : null
    );
    assert.equal(page.kind, 'record');
    assert.equal(page.objectApiName, 'Account');
    assert.equal(page.sidebarSide, 'right');
    // The record header stands in for the highlights panel.
    assert.deepEqual(page.regions.header, []);
    assert.deepEqual(page.regions.main, []);
    assert.deepEqual(page.regions.sidebar, [
      {
        component: 'widget',
        properties: { rows: 5, compact: true, title: 'Top', recordId: '$recordId' }
      },
      { component: 'force:relatedListContainer', label: 'Related tab: related lists' }
    ]);
  });

  void it("puts each page's sidebar where its template does and gives record context only on record pages", () => {
    const byId = new Map(PAGES.map((page) => [page.id, page]));
    assert.equal(byId.get('coaching')?.sidebarSide, 'left');
    assert.equal(byId.get('opportunity')?.sidebarSide, 'right');
    assert.equal(byId.get('opportunity')?.objectApiName, 'Opportunity');
    const scorecard = byId
      .get('home')
      ?.regions.main.find((p) => p.component === 'managerScorecard');
    assert.equal(scorecard?.properties?.daysWithoutOneOnOne, 14);
    assert.equal(scorecard?.properties?.recordId, undefined);
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
