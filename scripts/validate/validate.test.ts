/**
 * Each check passes a small correct SFDX project and fails, naming the file and the problem,
 * on the broken metadata a deploy (or a user) would trip over.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkApiVersions } from './apiVersions';
import { checkConvert, sfBinary } from './convert';
import { checkLabels } from './labels';
import { checkLwc } from './lwc';
import type { CheckResult } from './problems';
import { checkReferences, formulaFields, gqlTemplates } from './references';
import { checkSchema } from './schema';
import { checkTabs, motifProblem, tabStyles } from './tabs';
import { checkWires } from './wires';
import { checkXml } from './xml';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const D = 'force-app/main/default';

const QUERY = `query things {
  uiapi {
    query {
      Thing__c(first: 10) {
        edges { node { Id Amount__c { value } Owner { ... on User { Name { value } } } } }
      }
    }
  }
}`;

/** A tiny, correct project: one object, a permission set, a FlexiPage, two bundles, a label. */
const FIXTURE: Record<string, string> = {
  'sfdx-project.json': JSON.stringify({
    packageDirectories: [{ path: 'force-app', default: true }],
    sourceApiVersion: '62.0'
  }),
  [`${D}/objects/Thing__c/Thing__c.object-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject ${NS}>
  <deploymentStatus>Deployed</deploymentStatus>
  <label>Thing</label>
  <nameField><label>Thing Name</label><type>Text</type></nameField>
  <pluralLabel>Things</pluralLabel>
  <sharingModel>Private</sharingModel>
</CustomObject>
`,
  [`${D}/objects/Thing__c/fields/Amount__c.field-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomField ${NS}>
  <fullName>Amount__c</fullName>
  <label>Amount</label>
  <precision>18</precision>
  <scale>2</scale>
  <type>Currency</type>
</CustomField>
`,
  [`${D}/objects/Thing__c/validationRules/Amount_Positive.validationRule-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<ValidationRule ${NS}>
  <fullName>Amount_Positive</fullName>
  <active>true</active>
  <errorConditionFormula>AND(NOT(ISBLANK(Amount__c)), Amount__c &lt;= 0, Owner.Name != "x")</errorConditionFormula>
  <errorDisplayField>Amount__c</errorDisplayField>
  <errorMessage>Amount must be positive.</errorMessage>
</ValidationRule>
`,
  [`${D}/tabs/Thing__c.tab-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomTab ${NS}>
  <customObject>true</customObject>
  <motif>Custom55: Books</motif>
</CustomTab>
`,
  [`${D}/permissionsets/Thing_User.permissionset-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet ${NS}>
  <fieldPermissions><editable>true</editable><field>Thing__c.Amount__c</field><readable>true</readable></fieldPermissions>
  <label>Thing User</label>
  <objectPermissions><allowCreate>true</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Thing__c</object><viewAllRecords>false</viewAllRecords></objectPermissions>
</PermissionSet>
`,
  [`${D}/labels/CustomLabels.labels-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomLabels ${NS}>
  <labels><fullName>SC_Hello</fullName><language>en_US</language><protected>false</protected><shortDescription>Hello</shortDescription><value>Hello</value></labels>
</CustomLabels>
`,
  [`${D}/flexipages/Thing_Home.flexipage-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<FlexiPage ${NS}>
  <flexiPageRegions>
    <itemInstances><componentInstance><componentName>c:widget</componentName><identifier>c_widget</identifier></componentInstance></itemInstances>
    <name>main</name>
    <type>Region</type>
  </flexiPageRegions>
  <masterLabel>Thing Home</masterLabel>
  <template><name>flexipage:defaultAppHomeTemplate</name></template>
  <type>AppPage</type>
</FlexiPage>
`,
  [`${D}/lwc/widget/widget.js-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle ${NS}>
  <apiVersion>62.0</apiVersion>
  <isExposed>true</isExposed>
  <targets><target>lightning__AppPage</target></targets>
</LightningComponentBundle>
`,
  [`${D}/lwc/widget/widget.js`]: `import { LightningElement } from 'lwc';
import HELLO from '@salesforce/label/c.SC_Hello';
export default class Widget extends LightningElement {
  hello = HELLO;
}
`,
  [`${D}/lwc/widget/widget.ts`]: `import { LightningElement } from 'lwc';
import HELLO from '@salesforce/label/c.SC_Hello';
export default class Widget extends LightningElement {
  hello = HELLO;
}
`,
  [`${D}/lwc/widget/widget.html`]: `<template><p>{hello}</p></template>\n`,
  [`${D}/lwc/thingData/thingData.js-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<LightningComponentBundle ${NS}>
  <apiVersion>62.0</apiVersion>
  <isExposed>false</isExposed>
</LightningComponentBundle>
`,
  [`${D}/lwc/thingData/thingData.ts`]: `import { gql } from 'lightning/graphql';\nexport const THINGS = gql\`${QUERY}\`;\n`,
  [`${D}/lwc/thingData/thingData.js`]: `import { gql } from 'lightning/graphql';\nexport const THINGS = gql\`${QUERY}\`;\n`
};

/** A tab set in the fixture's main region, with its tab and the Facets that hold them. */
function withTabs(page: string, edit: (tabs: string) => string = (tabs) => tabs): string {
  const facets = `<flexiPageRegions>
    <itemInstances><componentInstance><componentName>force:detailPanel</componentName><identifier>detail</identifier></componentInstance></itemInstances>
    <name>detailTab</name>
    <type>Facet</type>
  </flexiPageRegions>
  <flexiPageRegions>
    <itemInstances><componentInstance><componentInstanceProperties><name>body</name><value>detailTab</value></componentInstanceProperties><componentName>flexipage:tab</componentName><identifier>details</identifier></componentInstance></itemInstances>
    <name>tabs</name>
    <type>Facet</type>
  </flexiPageRegions>
  <masterLabel>`;
  const tabset = `<itemInstances><componentInstance><componentInstanceProperties><name>tabs</name><value>tabs</value></componentInstanceProperties><componentName>flexipage:tabset</componentName><identifier>tabset</identifier></componentInstance></itemInstances>
    <name>main</name>`;
  return page.replace('<masterLabel>', edit(facets)).replace('<name>main</name>', tabset);
}

const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function project(changes: Record<string, string | ((text: string) => string)> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'sc-validate-'));
  dirs.push(root);
  const files = { ...FIXTURE };
  for (const [path, change] of Object.entries(changes)) {
    files[path] = typeof change === 'function' ? change(files[path] ?? '') : change;
  }
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function messages(result: CheckResult): string[] {
  return result.problems.map((p) => `${p.file}: ${p.message}`);
}

function assertOneProblem(result: CheckResult, file: string, pattern: RegExp): void {
  const found = messages(result);
  assert.equal(found.length, 1, `expected one problem, got:\n${found.join('\n')}`);
  assert.ok(found[0].startsWith(`${file}: `), found[0]);
  assert.match(found[0], pattern);
}

describe('the checks on a correct project', () => {
  const root = project();
  it('find nothing wrong', async () => {
    assert.deepEqual(messages(checkXml(root)), []);
    assert.deepEqual(messages(checkSchema(root)), []);
    assert.deepEqual(messages(checkApiVersions(root)), []);
    assert.deepEqual(messages(checkLabels(root)), []);
    assert.deepEqual(messages(checkTabs(root)), []);
    assert.deepEqual(messages(checkReferences(root)), []);
    assert.deepEqual(messages(await checkLwc(root)), []);
  });
  it('converts with the Salesforce CLI', () => {
    assert.deepEqual(messages(checkConvert(root, sfBinary(REPO))), []);
  });
});

describe('xml', () => {
  it('reports malformed XML with the file and line', () => {
    const file = `${D}/objects/Thing__c/fields/Amount__c.field-meta.xml`;
    const root = project({ [file]: (t) => t.replace('</label>', '</lable>') });
    assertOneProblem(checkXml(root), file, /malformed XML: .*line 4/);
  });
});

describe('schema', () => {
  const file = `${D}/objects/Thing__c/fields/Amount__c.field-meta.xml`;
  it('reports an element the Metadata API does not define', () => {
    const root = project({
      [file]: (t) => t.replace('<label>Amount</label>', '<lable>Amount</lable>')
    });
    assertOneProblem(checkSchema(root), file, /<CustomField> has no element <lable> \(line 4\)/);
  });
  it('reports a bad enumeration value', () => {
    const root = project({ [file]: (t) => t.replace('<type>Currency</type>', '<type>Dat</type>') });
    assertOneProblem(checkSchema(root), file, /<type> value 'Dat' is not a FieldType/);
  });
  it('checks nested elements and booleans', () => {
    const ps = `${D}/permissionsets/Thing_User.permissionset-meta.xml`;
    const root = project({
      [ps]: (t) =>
        t.replace(
          '<allowRead>true</allowRead>',
          '<allowRead>yes</allowRead><allowView>true</allowView>'
        )
    });
    const found = messages(checkSchema(root));
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(found[0], /<allowRead> must be true or false, not 'yes'/);
    assert.match(found[1], /<PermissionSetObjectPermissions> has no element <allowView>/);
  });
  it('checks the targetConfigs of a bundle against the documented shape', () => {
    const meta = `${D}/lwc/widget/widget.js-meta.xml`;
    const root = project({
      [meta]: (t) =>
        t.replace(
          '</targets>',
          '</targets><targetConfigs><targetConfig targets="lightning__AppPage"><propertee name="x" type="String"/></targetConfig></targetConfigs>'
        )
    });
    assertOneProblem(checkSchema(root), meta, /<targetConfig> has no element <propertee>/);
  });
});

describe('api versions', () => {
  const ps = `${D}/permissionsets/Thing_User.permissionset-meta.xml`;
  const withViewAllFields = (t: string): string =>
    t.replace('<viewAllRecords>', '<viewAllFields>false</viewAllFields><viewAllRecords>');
  const atVersion =
    (version: string) =>
    (t: string): string =>
      t.replace(/62\.0/g, version);
  it('reports an element newer than sourceApiVersion, with the release it appeared in', () => {
    const root = project({ [ps]: withViewAllFields });
    assertOneProblem(
      checkApiVersions(root),
      ps,
      /<viewAllFields> exists from API 63\.0 \(Spring '25\); sourceApiVersion is 62\.0 \(line 5\)/
    );
  });
  it('accepts the element from the version that introduced it', () => {
    const root = project({
      [ps]: withViewAllFields,
      'sfdx-project.json': atVersion('63.0'),
      [`${D}/lwc/widget/widget.js-meta.xml`]: atVersion('63.0'),
      [`${D}/lwc/thingData/thingData.js-meta.xml`]: atVersion('63.0')
    });
    assert.deepEqual(messages(checkApiVersions(root)), []);
  });
  it('reports a bundle whose apiVersion is not sourceApiVersion', () => {
    const meta = `${D}/lwc/widget/widget.js-meta.xml`;
    const root = project({ [meta]: atVersion('61.0') });
    assertOneProblem(
      checkApiVersions(root),
      meta,
      /apiVersion 61\.0 is not sourceApiVersion 62\.0 of sfdx-project\.json: keep one API version \(line 3\)/
    );
  });
  it('reports a project without sourceApiVersion', () => {
    const root = project({ 'sfdx-project.json': (t) => t.replace('"sourceApiVersion"', '"api"') });
    assertOneProblem(checkApiVersions(root), 'sfdx-project.json', /sourceApiVersion must be/);
  });
});

describe('labels', () => {
  const labels = `${D}/labels/CustomLabels.labels-meta.xml`;
  it('reports a shortDescription over 80 characters', () => {
    const long = `Greeting shown on the widget card when a manager opens it${'.'.repeat(30)}`;
    const root = project({
      [labels]: (t) => t.replace('<shortDescription>Hello<', `<shortDescription>${long}<`)
    });
    assertOneProblem(
      checkLabels(root),
      labels,
      /shortDescription of SC_Hello is 87 characters, over the limit of 80 \(line 3\)/
    );
  });
  it('reports a shortDescription wrapped over lines, as Prettier wraps long ones', () => {
    const root = project({
      [labels]: (t) =>
        t.replace(
          '<shortDescription>Hello</shortDescription>',
          '<shortDescription>\n      Hello\n    </shortDescription>'
        )
    });
    assertOneProblem(
      checkLabels(root),
      labels,
      /shortDescription of SC_Hello spans 3 lines; the platform keeps the line breaks/
    );
  });
  it('counts the characters the platform stores: entities decoded, spaces kept', () => {
    const root = project({
      [labels]: (t) =>
        t.replace('<shortDescription>Hello<', `<shortDescription>${'&amp;'.repeat(80)}<`)
    });
    assert.deepEqual(messages(checkLabels(root)), []);
    const padded = project({
      [labels]: (t) => t.replace('<shortDescription>Hello<', '<shortDescription>Hello <')
    });
    assertOneProblem(checkLabels(padded), labels, /starts or ends with spaces/);
  });
  it('reports a value over 1,000 characters', () => {
    const root = project({
      [labels]: (t) => t.replace('<value>Hello<', `<value>${'Hello '.repeat(170)}Hi<`)
    });
    assertOneProblem(
      checkLabels(root),
      labels,
      /value of SC_Hello is 1022 characters, over the limit of 1000/
    );
  });
});

describe('tabs', () => {
  const tab = `${D}/tabs/Thing__c.tab-meta.xml`;
  it('reads the tab styles of the Salesforce CLI', () => {
    const styles = tabStyles();
    assert.equal(styles.size, 100);
    assert.equal(styles.get(17), 'Sack');
    assert.equal(styles.get(20), 'Airplane');
    assert.equal(styles.get(55), 'Books');
    assert.equal(styles.get(78), 'Map');
  });
  it('reports a motif whose number is another style', () => {
    const root = project({ [tab]: (t) => t.replace('Custom55: Books', 'Custom55: Sack') });
    assertOneProblem(
      checkTabs(root),
      tab,
      /motif 'Custom55: Sack': Custom55 is Books, not Sack \(Sack is Custom17\) \(line 4\)/
    );
  });
  it('reports a motif that is no tab style', () => {
    const root = project({ [tab]: (t) => t.replace('Custom55: Books', 'Custom101: Rocket') });
    assertOneProblem(checkTabs(root), tab, /there is no tab style Custom101/);
    assert.match(motifProblem('Books', tabStyles()) ?? '', /is not a tab style/);
  });
});

describe('references', () => {
  it('reports an unknown field in a permission set', () => {
    const ps = `${D}/permissionsets/Thing_User.permissionset-meta.xml`;
    const root = project({ [ps]: (t) => t.replace('Thing__c.Amount__c', 'Thing__c.Amont__c') });
    assertOneProblem(checkReferences(root), ps, /Thing__c\.Amont__c does not exist/);
  });
  it('reports a misspelled field in a GraphQL query in a component', () => {
    const src = `${D}/lwc/thingData/thingData.ts`;
    const root = project({ [src]: (t) => t.replace('Amount__c { value }', 'Amont__c { value }') });
    assertOneProblem(
      checkReferences(root),
      src,
      /GraphQL query at line 2: Cannot query field "Amont__c" on type "Thing__c"/
    );
  });
  it('reports a custom object Owner read as a User (it is polymorphic)', () => {
    const src = `${D}/lwc/thingData/thingData.ts`;
    const root = project({
      [src]: (t) =>
        t.replace('Owner { ... on User { Name { value } } }', 'Owner { Name { value } }')
    });
    assertOneProblem(
      checkReferences(root),
      src,
      /Cannot query field "Name" on type "Thing__c_Owner"/
    );
  });
  it('reports like on an ID filter', () => {
    const src = `${D}/lwc/thingData/thingData.ts`;
    const root = project({
      [src]: (t) => t.replace('first: 10', 'first: 10, where: { Id: { like: "a0%" } }')
    });
    assertOneProblem(
      checkReferences(root),
      src,
      /Field "like" is not defined by type "IDOperators"/
    );
  });
  it('reports value selected directly on an anyType history field', () => {
    const src = `${D}/lwc/thingData/thingData.ts`;
    const object = `${D}/objects/Thing__c/Thing__c.object-meta.xml`;
    const field = `${D}/objects/Thing__c/fields/Amount__c.field-meta.xml`;
    const history = `query history { uiapi { query { Thing__History(first: 5) { edges { node { OldValue { value } } } } } } }`;
    const root = project({
      [object]: (t) =>
        t.replace(
          '<label>Thing</label>',
          '<enableHistory>true</enableHistory>\n  <label>Thing</label>'
        ),
      [field]: (t) =>
        t.replace(
          '<type>Currency</type>',
          '<trackHistory>true</trackHistory>\n  <type>Currency</type>'
        ),
      [src]: (t) => `${t}export const HISTORY = gql\`${history}\`;\n`
    });
    assertOneProblem(checkReferences(root), src, /Cannot query field "value" on type "AnyType"/);
  });
  it('reports a multi-currency field a query reads without @optional', () => {
    const src = `${D}/lwc/thingData/thingData.ts`;
    const root = project({
      [src]: (t) =>
        t.replace('Amount__c { value }', 'Amount__c { value } CurrencyIsoCode { value }')
    });
    assertOneProblem(
      checkReferences(root),
      src,
      /GraphQL query at line 2: in a single-currency org .*Cannot query field "CurrencyIsoCode"/
    );
  });
  it('accepts multi-currency fields marked @optional and convertCurrency', () => {
    const src = `${D}/lwc/thingData/thingData.ts`;
    const root = project({
      [src]: (t) =>
        t.replace(
          'Amount__c { value }',
          'Amount__c { value convertCurrency } CurrencyIsoCode @optional { value }'
        )
    });
    assert.deepEqual(messages(checkReferences(root)), []);
  });
  it('still reports a misspelled field marked @optional', () => {
    const src = `${D}/lwc/thingData/thingData.ts`;
    const root = project({
      [src]: (t) =>
        t.replace('Amount__c { value }', 'Amount__c { value } CurrencyIsoCod @optional { value }')
    });
    assertOneProblem(checkReferences(root), src, /Cannot query field "CurrencyIsoCod"/);
  });
  it('reports a GraphQL query that interpolates values', () => {
    const src = `${D}/lwc/thingData/thingData.ts`;
    const root = project({ [src]: (t) => t.replace('first: 10', 'first: ${limit}') });
    assertOneProblem(checkReferences(root), src, /interpolates values/);
  });
  it('reports a FlexiPage placing a missing component', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({ [page]: (t) => t.replace('c:widget', 'c:gadget') });
    assertOneProblem(
      checkReferences(root),
      page,
      /places c:gadget, but there is no LWC bundle gadget/
    );
  });
  it('reports a FlexiPage placing a component on a page type it does not target', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({
      [page]: (t) =>
        t
          .replace('<type>AppPage</type>', '<type>HomePage</type>')
          .replace('flexipage:defaultAppHomeTemplate', 'home:desktopTemplate')
          .replace('<name>main</name>', '<name>top</name>')
    });
    assertOneProblem(checkReferences(root), page, /does not list lightning__HomePage/);
  });
  it('reports a FlexiPage region its template lacks', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({ [page]: (t) => t.replace('<name>main</name>', '<name>sidebar</name>') });
    assertOneProblem(
      checkReferences(root),
      page,
      /region 'sidebar' does not exist in template flexipage:defaultAppHomeTemplate \(its regions: main\)/
    );
  });
  it('reports a FlexiPage whose template serves another page type', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({
      [page]: (t) =>
        t
          .replace('flexipage:defaultAppHomeTemplate', 'home:desktopTemplate')
          .replace('<name>main</name>', '<name>top</name>')
    });
    assertOneProblem(
      checkReferences(root),
      page,
      /template home:desktopTemplate is for HomePage pages, not AppPage/
    );
  });
  it('reports a FlexiPage template missing from the table of templates', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({
      [page]: (t) =>
        t.replace('flexipage:defaultAppHomeTemplate', 'flexipage:appHomeTemplateDesktop')
    });
    assertOneProblem(
      checkReferences(root),
      page,
      /template flexipage:appHomeTemplateDesktop is not in scripts\/validate\/flexipageTemplates\.ts/
    );
  });
  it("accepts Facets under any name: they are the page's own containers", () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({
      [page]: (t) =>
        t.replace(
          '<masterLabel>',
          '<flexiPageRegions><name>Facet-1</name><type>Facet</type></flexiPageRegions>\n  <masterLabel>'
        )
    });
    assert.deepEqual(messages(checkReferences(root)), []);
  });
  it('accepts the standard components Salesforce pages place, in tabs held by Facets', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({ [page]: (t) => withTabs(t) });
    assert.deepEqual(messages(checkReferences(root)), []);
  });
  it('reports a region that appears twice', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const region = /  <flexiPageRegions>[\s\S]*<\/flexiPageRegions>\n/;
    const root = project({
      [page]: (t) => t.replace(region, (match) => `${match}${match}`)
    });
    assertOneProblem(checkReferences(root), page, /region 'main' appears twice/);
  });
  it('reports a misspelt standard component', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({
      [page]: (t) => withTabs(t, (tabs) => tabs.replace('force:detailPanel', 'force:detailPanle'))
    });
    assertOneProblem(
      checkReferences(root),
      page,
      /places force:detailPanle, which is not a standard component of scripts\/validate\/flexipageTemplates\.ts/
    );
  });
  it('reports a tab whose body names a Facet the page does not have', () => {
    const page = `${D}/flexipages/Thing_Home.flexipage-meta.xml`;
    const root = project({
      [page]: (t) =>
        withTabs(t, (tabs) => tabs.replace('<value>detailTab</value>', '<value>detailsTab</value>'))
    });
    assertOneProblem(
      checkReferences(root),
      page,
      /flexipage:tab details: body names Facet 'detailsTab', which the page does not have/
    );
  });
  it('reports a missing label', () => {
    const src = `${D}/lwc/widget/widget.ts`;
    const root = project({ [src]: (t) => t.replace('c.SC_Hello', 'c.SC_Goodbye') });
    assertOneProblem(
      checkReferences(root),
      src,
      /imports label c\.SC_Goodbye, which is not in CustomLabels/
    );
  });
  it('reports an unknown field in a validation rule formula', () => {
    const rule = `${D}/objects/Thing__c/validationRules/Amount_Positive.validationRule-meta.xml`;
    const root = project({ [rule]: (t) => t.replace('Amount__c &lt;= 0', 'Amout__c &lt;= 0') });
    assertOneProblem(checkReferences(root), rule, /Thing__c\.Amout__c does not exist/);
  });
  it('reports a comparison operator split by whitespace in a formula', () => {
    const rule = `${D}/objects/Thing__c/validationRules/Amount_Positive.validationRule-meta.xml`;
    const root = project({ [rule]: (t) => t.replace('Amount__c &lt;= 0', 'Amount__c &lt; = 0') });
    assertOneProblem(checkReferences(root), rule, /split operator '< ='/);
  });
  it('reads field references out of formulas, not functions or strings', () => {
    assert.deepEqual(
      formulaFields(
        'AND(ISBLANK(Rep__c), TEXT(Status__c) = "Done", Owner.Name != NULL, $User.Id = OwnerId)'
      ),
      ['Rep__c', 'Status__c', 'Owner.Name', 'OwnerId']
    );
  });
  it('finds gql templates and their lines', () => {
    assert.deepEqual(gqlTemplates('const a = 1;\nconst q = gql`query { x }`;\nconst s = css`y`;'), [
      { text: 'query { x }', line: 2 }
    ]);
  });
});

describe('pages that open', () => {
  const tab = `${D}/tabs/Thing_Page.tab-meta.xml`;
  const app = `${D}/applications/Things.app-meta.xml`;
  const ps = `${D}/permissionsets/Thing_User.permissionset-meta.xml`;
  /** A Lightning Page tab for Thing_Home, an app showing it with a Home page, and their grants. */
  const APP: Record<string, string | ((text: string) => string)> = {
    [tab]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomTab ${NS}>
  <flexiPage>Thing_Home</flexiPage>
  <label>Things</label>
  <motif>Custom55: Books</motif>
</CustomTab>
`,
    [`${D}/flexipages/Thing_Start.flexipage-meta.xml`]: `<?xml version="1.0" encoding="UTF-8"?>
<FlexiPage ${NS}>
  <flexiPageRegions><name>top</name><type>Region</type></flexiPageRegions>
  <masterLabel>Thing Start</masterLabel>
  <template><name>home:desktopTemplate</name></template>
  <type>HomePage</type>
</FlexiPage>
`,
    [app]: `<?xml version="1.0" encoding="UTF-8"?>
<CustomApplication ${NS}>
  <actionOverrides>
    <actionName>Tab</actionName>
    <content>Thing_Start</content>
    <formFactor>Large</formFactor>
    <skipRecordTypeSelect>false</skipRecordTypeSelect>
    <type>Flexipage</type>
    <pageOrSobjectType>standard-home</pageOrSobjectType>
  </actionOverrides>
  <label>Things</label>
  <navType>Standard</navType>
  <tabs>standard-home</tabs>
  <tabs>Thing_Page</tabs>
  <uiType>Lightning</uiType>
</CustomApplication>
`,
    [ps]: (t) =>
      t
        .replace(
          '<fieldPermissions>',
          '<applicationVisibilities><application>Things</application><visible>true</visible></applicationVisibilities>\n  <fieldPermissions>'
        )
        .replace(
          '</PermissionSet>',
          '  <tabSettings><tab>Thing_Page</tab><visibility>Visible</visibility></tabSettings>\n</PermissionSet>'
        )
  };
  const withApp = (changes: Record<string, (text: string) => string>): string => {
    const root = project(APP);
    for (const [path, change] of Object.entries(changes)) {
      writeFileSync(join(root, path), change(readFileSync(join(root, path), 'utf8')));
    }
    return root;
  };
  it('accept a Lightning Page tab in an app, its Home page and the grants', () => {
    assert.deepEqual(messages(checkReferences(withApp({}))), []);
  });
  it('report a Lightning Page tab that opens a page other than an App page', () => {
    const root = withApp({ [tab]: (t) => t.replace('Thing_Home', 'Thing_Start') });
    assertOneProblem(
      checkReferences(root),
      tab,
      /Lightning Page tab opens Thing_Start, a HomePage: a tab opens an AppPage/
    );
  });
  it('report a permission set that shows the app but not its tab', () => {
    const root = withApp({ [ps]: (t) => t.replace(/<tabSettings>.*<\/tabSettings>/, '') });
    assertOneProblem(
      checkReferences(root),
      ps,
      /shows app Things but not its tab Thing_Page: add a tabSettings entry/
    );
  });
  it('report a Home page override that assigns another kind of page', () => {
    const root = withApp({
      [app]: (t) => t.replace('<content>Thing_Start', '<content>Thing_Home')
    });
    assertOneProblem(
      checkReferences(root),
      app,
      /the Home page override must be actionName Tab with a HomePage, not Tab with Thing_Home \(AppPage\)/
    );
  });
  it('report page assignments per profile, which cannot be packaged', () => {
    const root = withApp({
      [app]: (t) =>
        t.replace(
          '<label>',
          '<profileActionOverrides><actionName>Tab</actionName><content>Thing_Start</content><formFactor>Large</formFactor><pageOrSobjectType>standard-home</pageOrSobjectType><type>Flexipage</type><profile>Standard</profile></profileActionOverrides>\n  <label>'
        )
    });
    assertOneProblem(checkReferences(root), app, /profileActionOverrides cannot be packaged/);
  });
});

describe('lwc', () => {
  it('reports a template the LWC compiler rejects', async () => {
    const html = `${D}/lwc/widget/widget.html`;
    const root = project({ [html]: '<template><p>{hello}</template>\n' });
    const result = await checkLwc(root);
    assert.equal(result.problems.length, 1, messages(result).join('\n'));
    assert.equal(result.problems[0].file, html);
    assert.match(result.problems[0].message, /<p> has no matching closing tag/);
  });
  it('reports a bundle folder with only its .js-meta.xml', async () => {
    const meta = `${D}/lwc/gadget/gadget.js-meta.xml`;
    const root = project({ [meta]: FIXTURE[`${D}/lwc/thingData/thingData.js-meta.xml`] });
    assertOneProblem(
      await checkLwc(root),
      `${D}/lwc/gadget`,
      /bundle gadget has no gadget\.ts or gadget\.js/
    );
  });
  it('asks for a build when a .ts has no emitted .js', async () => {
    const root = project();
    rmSync(join(root, `${D}/lwc/widget/widget.js`));
    assertOneProblem(await checkLwc(root), `${D}/lwc/widget/widget.ts`, /run npm run build/);
  });
});

describe('convert', () => {
  it('reports what the Salesforce CLI says when conversion fails', () => {
    // A child file the CLI cannot place under its object: conversion stops with a type error.
    const root = project({
      [`${D}/objects/Thing__c/fields/Amount__c.fild-meta.xml`]:
        FIXTURE[`${D}/objects/Thing__c/fields/Amount__c.field-meta.xml`]
    });
    const found = messages(checkConvert(root, sfBinary(REPO)));
    assert.equal(found.length, 1, found.join('\n'));
    assert.match(
      found[0],
      /sf project convert source failed: TypeInferenceError: Unexpected child metadata/
    );
  });
});

describe('wires', () => {
  const list = `${D}/lwc/thingList/thingList.ts`;
  const component = (variables: string) => `import { LightningElement, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
const THINGS_PAGE = gql\`query thingsPage($first: Int = 10, $after: String) {
  uiapi { query { Thing__c(first: $first, after: $after) { edges { node { Id } } } } }
}\`;
export default class ThingList extends LightningElement {
  recordId: string | undefined;
  get variables() {
    return this.recordId ? ${variables} : undefined;
  }
  @wire(graphql, { query: THINGS_PAGE, variables: '$variables' })
  wiredThings(): void {}
}
`;
  it('passes a wire that supplies every variable without a default', () => {
    const root = project({ [list]: component('{ first: 20, after: null }') });
    assert.deepEqual(messages(checkWires(root)), []);
  });
  it('reports a wire that omits a variable declared without a default', () => {
    const root = project({ [list]: component('{ first: 20 }') });
    assertOneProblem(
      checkWires(root),
      list,
      /\$variables does not pass "after", which query thingsPage declares without a default/
    );
  });
  it('reports a getter whose keys cannot be known', () => {
    const root = project({
      [list]: component('({ first: 20, after: null } as Record<string, unknown>)')
    });
    assertOneProblem(checkWires(root), list, /must return a typed object/);
  });
});
