/**
 * Each check passes a small correct SFDX project and fails, naming the file and the problem,
 * on the broken metadata a deploy (or a user) would trip over.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkConvert, sfBinary } from './convert';
import { checkLwc } from './lwc';
import type { CheckResult } from './problems';
import { checkReferences, formulaFields, gqlTemplates } from './references';
import { checkSchema } from './schema';
import { checkXml } from './xml';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const D = 'force-app/main/default';

const QUERY = `query things {
  uiapi {
    query {
      Thing__c(first: 10) {
        edges { node { Id Amount__c { value } Owner { Name { value } } } }
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
      [page]: (t) => t.replace('<type>AppPage</type>', '<type>HomePage</type>')
    });
    assertOneProblem(checkReferences(root), page, /does not list lightning__HomePage/);
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
