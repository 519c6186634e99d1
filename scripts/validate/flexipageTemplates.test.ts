/**
 * The table of templates agrees with the FlexiPages Salesforce's own CLI generates
 * (`sf template generate flexipage`, from @salesforce/templates): same template name per page
 * type, same regions.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import {
  FACET_PROPERTIES,
  FLEXIPAGE_TEMPLATES,
  STANDARD_COMPONENTS,
  flexiPageColumns
} from './flexipageTemplates';

const require = createRequire(import.meta.url);
const TEMPLATES_DIR = join(
  dirname(require.resolve('@salesforce/templates')),
  'templates',
  'flexipage'
);

/** Template name and Region names of one CLI FlexiPage template (an EJS file). */
function cliTemplate(pageType: string): { template: string; regions: string[] } {
  const text = readFileSync(join(TEMPLATES_DIR, pageType, '_flexipage.flexipage-meta.xml'), 'utf8');
  const template = /<template>\s*<name>([^<]+)<\/name>/.exec(text)?.[1] ?? '';
  const regions = [...text.matchAll(/<name>([^<]+)<\/name>\s*<type>Region<\/type>/g)].map(
    (match) => match[1]
  );
  return { template, regions };
}

void describe('FlexiPage templates', () => {
  for (const pageType of ['AppPage', 'HomePage', 'RecordPage']) {
    void it(`has the ${pageType} template of the Salesforce CLI with its regions`, () => {
      const { template, regions } = cliTemplate(pageType);
      const entry = FLEXIPAGE_TEMPLATES[template];
      assert.ok(entry, `${template} is in the table`);
      assert.equal(entry.pageType, pageType);
      assert.deepEqual(entry.regions.map((region) => region.name).sort(), [...regions].sort());
      assert.match(entry.source, new RegExp(`${pageType}/_flexipage`));
    });
  }

  void it('knows every standard component the CLI templates place', () => {
    for (const pageType of ['AppPage', 'HomePage', 'RecordPage']) {
      const text = readFileSync(
        join(TEMPLATES_DIR, pageType, '_flexipage.flexipage-meta.xml'),
        'utf8'
      );
      for (const [, name] of text.matchAll(/<componentName>([^<]+)<\/componentName>/g)) {
        assert.ok(STANDARD_COMPONENTS[name], `${name} of the ${pageType} template`);
      }
    }
    for (const container of Object.keys(FACET_PROPERTIES)) {
      assert.ok(STANDARD_COMPONENTS[container], container);
    }
  });

  void it('reads the components of each column with their properties, through tab sets', () => {
    const component = (name: string, properties: Record<string, string> = {}) => ({
      componentInstance: {
        componentName: name,
        componentInstanceProperties: Object.entries(properties).map(([n, value]) => ({
          name: n,
          value
        }))
      }
    });
    const columns = flexiPageColumns({
      template: { name: 'flexipage:recordHomeTemplateDesktop' },
      flexiPageRegions: [
        { name: 'sidebar', type: 'Region', itemInstances: [component('c:coach')] },
        { name: 'header', type: 'Region', itemInstances: component('force:highlightsPanel') },
        { name: 'detailTab', type: 'Facet', itemInstances: component('force:detailPanel') },
        {
          name: 'tabs',
          type: 'Facet',
          itemInstances: [
            component('flexipage:tab', { body: 'detailTab', title: 'Standard.Tab.detail' })
          ]
        },
        {
          name: 'main',
          type: 'Region',
          itemInstances: [
            component('c:deal', { staleStageDays: '30' }),
            component('flexipage:tabset', { tabs: 'tabs' })
          ]
        }
      ]
    });
    assert.deepEqual(columns, {
      header: [{ component: 'force:highlightsPanel', properties: {} }],
      main: [
        { component: 'c:deal', properties: { staleStageDays: '30' } },
        { component: 'force:detailPanel', properties: {}, tab: 'Standard.Tab.detail' }
      ],
      sidebar: [{ component: 'c:coach', properties: {} }]
    });
  });
});
