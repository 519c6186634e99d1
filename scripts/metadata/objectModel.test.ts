import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { loadLabels, loadObjectModel, loadValidationRules, relationshipField } from './objectModel';

const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const OBJECTS = 'force-app/main/default/objects';

const FILES: Record<string, string> = {
  [`${OBJECTS}/Plan__c/Plan__c.object-meta.xml`]: `<CustomObject ${NS}><enableHistory>true</enableHistory><label>Plan</label><nameField><label>Plan Name</label><type>Text</type></nameField></CustomObject>`,
  [`${OBJECTS}/Plan__c/fields/Status__c.field-meta.xml`]: `<CustomField ${NS}><fullName>Status__c</fullName><label>Status</label><trackHistory>true</trackHistory><type>Picklist</type><valueSet><restricted>true</restricted><valueSetDefinition><sorted>false</sorted><value><fullName>Draft</fullName><default>true</default><label>Draft</label></value><value><fullName>Active</fullName><default>false</default><label>Active</label></value></valueSetDefinition></valueSet></CustomField>`,
  [`${OBJECTS}/Plan__c/fields/Rep__c.field-meta.xml`]: `<CustomField ${NS}><fullName>Rep__c</fullName><label>Rep</label><referenceTo>User</referenceTo><relationshipName>Plans</relationshipName><type>Lookup</type></CustomField>`,
  [`${OBJECTS}/Plan__c/validationRules/Rep_Required.validationRule-meta.xml`]: `<ValidationRule ${NS}><fullName>Rep_Required</fullName><active>true</active><errorConditionFormula>ISBLANK(Rep__c)</errorConditionFormula><errorDisplayField>Rep__c</errorDisplayField><errorMessage>Choose a rep.</errorMessage></ValidationRule>`,
  [`${OBJECTS}/Line__c/Line__c.object-meta.xml`]: `<CustomObject ${NS}><label>Line</label><nameField><displayFormat>L-{0000}</displayFormat><label>Line Number</label><type>AutoNumber</type></nameField></CustomObject>`,
  [`${OBJECTS}/Line__c/fields/Plan__c.field-meta.xml`]: `<CustomField ${NS}><fullName>Plan__c</fullName><label>Plan</label><referenceTo>Plan__c</referenceTo><relationshipName>Lines</relationshipName><type>MasterDetail</type></CustomField>`,
  [`${OBJECTS}/Opportunity/fields/Cycle__c.field-meta.xml`]: `<CustomField ${NS}><fullName>Cycle__c</fullName><formula>CloseDate - DATEVALUE(CreatedDate)</formula><label>Cycle</label><precision>18</precision><scale>0</scale><type>Number</type></CustomField>`,
  'force-app/main/default/labels/CustomLabels.labels-meta.xml': `<CustomLabels ${NS}><labels><fullName>SC_Hi</fullName><language>en_US</language><protected>false</protected><shortDescription>Hi</shortDescription><value>Hi there</value></labels></CustomLabels>`
};

const root = mkdtempSync(join(tmpdir(), 'sc-model-'));
for (const [path, text] of Object.entries(FILES)) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), `<?xml version="1.0" encoding="UTF-8"?>\n${text}\n`);
}
after(() => rmSync(root, { recursive: true, force: true }));
const model = loadObjectModel(root);

describe('loadObjectModel', () => {
  it('adds system fields and an owner to top-level custom objects', () => {
    const plan = model.Plan__c;
    for (const name of [
      'Id',
      'Name',
      'OwnerId',
      'CreatedDate',
      'CreatedById',
      'LastModifiedDate',
      'SystemModstamp'
    ]) {
      assert.ok(plan.fields[name], name);
    }
    assert.equal(plan.fields.Name.type, 'Text');
    assert.equal(relationshipField(plan, 'Owner')?.referenceTo, 'User');
  });
  it('gives master-detail children no owner and a read-only auto-number name', () => {
    const line = model.Line__c;
    assert.equal(line.fields.OwnerId, undefined);
    assert.equal(line.fields.Name.type, 'AutoNumber');
    assert.equal(line.fields.Name.updateable, false);
    assert.equal(line.fields.Plan__c.required, true);
    assert.equal(line.fields.Plan__c.relationshipName, 'Plan__r');
    assert.equal(line.fields.Plan__c.childRelationshipName, 'Lines__r');
  });
  it('reads picklist values, defaults, lookups and history tracking', () => {
    const status = model.Plan__c.fields.Status__c;
    assert.deepEqual(status.picklistValues, ['Draft', 'Active']);
    assert.equal(status.defaultValue, 'Draft');
    assert.equal(status.trackHistory, true);
    assert.equal(relationshipField(model.Plan__c, 'Rep__r')?.name, 'Rep__c');
  });
  it('adds a history object for objects with history enabled', () => {
    const history = model.Plan__History;
    assert.ok(history);
    assert.equal(history.fields.ParentId.referenceTo, 'Plan__c');
    assert.deepEqual(Object.keys(history.fields).sort(), [
      'CreatedById',
      'CreatedDate',
      'Field',
      'Id',
      'NewValue',
      'OldValue',
      'ParentId'
    ]);
    assert.equal(model.Line__History, undefined);
  });
  it('merges custom fields into standard objects and types formulas', () => {
    const cycle = model.Opportunity.fields.Cycle__c;
    assert.equal(cycle.type, 'Formula');
    assert.equal(cycle.formulaResultType, 'Number');
    assert.equal(cycle.updateable, false);
    assert.ok(model.Opportunity.fields.CloseDate, 'standard fields stay');
    assert.equal(relationshipField(model.User, 'Manager')?.referenceTo, 'User');
  });
});

describe('loadValidationRules and loadLabels', () => {
  it('reads rules with their formula, message and display field', () => {
    assert.deepEqual(loadValidationRules(root), [
      {
        object: 'Plan__c',
        name: 'Rep_Required',
        active: true,
        formula: 'ISBLANK(Rep__c)',
        errorMessage: 'Choose a rep.',
        errorDisplayField: 'Rep__c'
      }
    ]);
  });
  it('reads label values by name', () => {
    assert.deepEqual(loadLabels(root), { SC_Hi: 'Hi there' });
  });
});
