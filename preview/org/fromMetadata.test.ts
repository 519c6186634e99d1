import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fieldAccess, objectAccess } from './model';
import {
  labelsFrom,
  objectsFrom,
  orgModelFrom,
  recordFlowFrom,
  recordFlowsFrom,
  validationRulesFrom
} from './fromMetadata';

/** The object model's shape as the shared module describes it (one object per API name). */
const RAW_OBJECTS = {
  Opportunity: {
    name: 'Opportunity',
    label: 'Opportunity',
    custom: false,
    fields: {
      Name: {
        name: 'Name',
        label: 'Name',
        type: 'Text',
        custom: false,
        required: true,
        updateable: true
      },
      Amount: {
        name: 'Amount',
        label: 'Amount',
        type: 'Currency',
        custom: false,
        required: false,
        updateable: true
      },
      OwnerId: {
        name: 'OwnerId',
        label: 'Owner ID',
        type: 'Lookup',
        custom: false,
        required: false,
        updateable: true,
        referenceTo: ['User'],
        relationshipName: 'Owner'
      },
      Sales_Cycle_Days__c: {
        name: 'Sales_Cycle_Days__c',
        label: 'Sales Cycle (Days)',
        type: 'Number',
        custom: true,
        required: false,
        updateable: false,
        formula: 'IF(IsClosed, CloseDate - DATEVALUE(CreatedDate), NULL)'
      }
    }
  },
  User: {
    name: 'User',
    label: 'User',
    custom: false,
    fields: { Name: { name: 'Name', label: 'Full Name', type: 'Text' } }
  },
  Coaching_Session__c: {
    name: 'Coaching_Session__c',
    label: 'Coaching Session',
    custom: true,
    fields: {
      Rep__c: {
        name: 'Rep__c',
        label: 'Rep',
        type: 'Lookup',
        custom: true,
        required: true,
        updateable: true,
        referenceTo: ['User'],
        relationshipName: 'Coaching_Sessions_As_Rep'
      },
      Opportunity__c: {
        name: 'Opportunity__c',
        label: 'Opportunity',
        type: 'Lookup',
        custom: true,
        required: false,
        updateable: true,
        referenceTo: ['Opportunity'],
        relationshipName: 'Coaching_Sessions'
      },
      Status__c: {
        name: 'Status__c',
        label: 'Status',
        type: 'Picklist',
        custom: true,
        required: false,
        updateable: true,
        picklistValues: [
          { value: 'Planned', label: 'Planned', default: true },
          { value: 'Completed', label: 'Completed' }
        ]
      },
      Rep_Acknowledged__c: {
        name: 'Rep_Acknowledged__c',
        label: 'Acknowledged',
        type: 'Checkbox',
        defaultValue: 'false'
      }
    }
  },
  Territory_Plan__c: {
    name: 'Territory_Plan__c',
    label: 'Territory Plan',
    custom: true,
    fields: {
      Target_Amount__c: {
        name: 'Target_Amount__c',
        label: 'Target',
        type: 'Currency',
        trackHistory: true,
        scale: 0
      }
    }
  },
  Coaching_Private_Note__c: {
    name: 'Coaching_Private_Note__c',
    label: 'Coaching Private Note',
    custom: true,
    fields: {
      OwnerId: {
        name: 'OwnerId',
        label: 'Owner ID',
        type: 'Lookup',
        custom: false,
        required: true,
        referenceTo: ['User'],
        relationshipName: 'Owner'
      },
      Coaching_Session__c: {
        name: 'Coaching_Session__c',
        label: 'Coaching Session',
        type: 'Lookup',
        custom: true,
        referenceTo: ['Coaching_Session__c'],
        relationshipName: 'Private_Notes'
      },
      Body__c: { name: 'Body__c', label: 'Note', type: 'LongTextArea', custom: true }
    }
  },
  Territory_Plan_Account__c: {
    name: 'Territory_Plan_Account__c',
    label: 'Territory Plan Account',
    custom: true,
    fields: {
      Territory_Plan__c: {
        name: 'Territory_Plan__c',
        label: 'Territory Plan',
        type: 'MasterDetail',
        referenceTo: ['Territory_Plan__c'],
        relationshipName: 'Territory_Plan_Accounts'
      }
    }
  },
  Territory_Plan__History: {
    name: 'Territory_Plan__History',
    label: 'Territory Plan History',
    custom: false,
    fields: {
      ParentId: {
        name: 'ParentId',
        label: 'Parent ID',
        type: 'Reference',
        referenceTo: ['Territory_Plan__c']
      },
      Field: { name: 'Field', label: 'Changed Field', type: 'Picklist' }
    }
  }
};

const root = mkdtempSync(join(tmpdir(), 'preview-metadata-'));
const permissionSets = join(root, 'force-app/main/default/permissionsets');
mkdirSync(permissionSets, { recursive: true });
writeFileSync(
  join(permissionSets, 'Sales_Coaching_Rep.permissionset-meta.xml'),
  `<?xml version="1.0" encoding="UTF-8"?>
<PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
  <label>Sales Coaching Rep</label>
  <fieldPermissions><editable>true</editable><field>Coaching_Session__c.Rep_Acknowledged__c</field><readable>true</readable></fieldPermissions>
  <fieldPermissions><editable>false</editable><field>Coaching_Session__c.Status__c</field><readable>true</readable></fieldPermissions>
  <objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Coaching_Session__c</object><viewAllRecords>false</viewAllRecords></objectPermissions>
  <objectPermissions><allowCreate>false</allowCreate><allowDelete>false</allowDelete><allowEdit>false</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords><object>Territory_Plan__c</object><viewAllRecords>false</viewAllRecords></objectPermissions>
</PermissionSet>
`
);

after(() => rmSync(root, { recursive: true, force: true }));

void describe('org model from metadata', () => {
  const objects = objectsFrom(RAW_OBJECTS);

  void it('maps metadata field types to UI API data types', () => {
    const session = objects.Coaching_Session__c.fields;
    assert.equal(session.Rep__c.dataType, 'Reference');
    assert.equal(session.Status__c.dataType, 'Picklist');
    assert.equal(objects.Coaching_Private_Note__c.fields.Body__c.dataType, 'LongTextArea');
    assert.equal(session.Rep_Acknowledged__c.dataType, 'Boolean');
    assert.equal(session.Rep_Acknowledged__c.defaultValue, false);
    assert.equal(objects.Opportunity.fields.Sales_Cycle_Days__c.dataType, 'Double');
    assert.ok(objects.Opportunity.fields.Sales_Cycle_Days__c.formula);
    assert.equal(objects.Territory_Plan__c.fields.Target_Amount__c.scale, 0);
  });

  void it('names parent and child relationships the way the UI API does', () => {
    const rep = objects.Coaching_Session__c.fields.Rep__c;
    assert.equal(rep.relationshipName, 'Rep__r');
    assert.equal(rep.childRelationshipName, 'Coaching_Sessions_As_Rep__r');
    assert.equal(objects.Opportunity.fields.OwnerId.relationshipName, 'Owner');
    assert.deepEqual(
      objects.Opportunity.childRelationships.map((child) => child.relationshipName),
      ['Coaching_Sessions__r']
    );
    assert.deepEqual(
      objects.Territory_Plan__c.childRelationships.map((child) => child.relationshipName).sort(),
      ['Histories', 'Territory_Plan_Accounts__r']
    );
  });

  void it('takes fields from the model as they are, and ownership from the relationships', () => {
    const session = objects.Coaching_Session__c;
    assert.ok(session.fields.Id, 'every record has an Id');
    assert.equal(session.fields.OwnerId, undefined, 'the preview adds no field the model lacks');
    assert.equal(session.ownership, 'owned');
    assert.equal(objects.Territory_Plan_Account__c.ownership, 'master');
    // A lookup child keeps its own owner: private notes follow their author, not the session.
    assert.equal(objects.Coaching_Private_Note__c.ownership, 'owned');
    assert.deepEqual(
      session.childRelationships.find((child) => child.relationshipName === 'Private_Notes__r'),
      {
        relationshipName: 'Private_Notes__r',
        childObjectApiName: 'Coaching_Private_Note__c',
        fieldName: 'Coaching_Session__c'
      }
    );
    assert.equal(objects.Territory_Plan__History.ownership, 'master');
    assert.equal(objects.User.ownership, 'public');
    assert.equal(objects.Territory_Plan__c.historyObject, 'Territory_Plan__History');
    assert.equal(session.fields.Status__c.defaultValue, undefined);
    const withDefault = objectsFrom({
      X__c: {
        name: 'X__c',
        fields: { S__c: { type: 'Picklist', picklistValues: ['A', 'B'], defaultValue: 'B' } }
      }
    });
    assert.equal(withDefault.X__c.fields.S__c.defaultValue, 'B');
  });

  void it('grants per persona what the permission sets grant', () => {
    const model = orgModelFrom(root, RAW_OBJECTS, []);
    const rep = model.profiles.rep;
    const session = model.objects.Coaching_Session__c;
    assert.deepEqual(objectAccess(rep, session), {
      read: true,
      create: false,
      edit: true,
      delete: false
    });
    assert.deepEqual(fieldAccess(rep, session, session.fields.Rep_Acknowledged__c), {
      read: true,
      edit: true
    });
    assert.deepEqual(fieldAccess(rep, session, session.fields.Status__c), {
      read: true,
      edit: false
    });
    const note = model.objects.Coaching_Private_Note__c;
    assert.equal(objectAccess(rep, note).read, false, 'a permission set that does not grant it');
    assert.deepEqual(fieldAccess(rep, note, note.fields.Body__c), { read: false, edit: false });
    assert.equal(
      objectAccess(rep, model.objects.Territory_Plan__History).read,
      true,
      'history follows its parent'
    );
    // No manager permission set in this fixture: the grants README.md describes apply.
    assert.deepEqual(objectAccess(model.profiles.manager, session), {
      read: true,
      create: true,
      edit: true,
      delete: true
    });
    assert.deepEqual(objectAccess(model.profiles.manager, note), {
      read: true,
      create: true,
      edit: true,
      delete: true
    });
    assert.deepEqual(fieldAccess(model.profiles.manager, note, note.fields.Body__c), {
      read: true,
      edit: true
    });
  });

  void it('reads validation rules and labels in either shape', () => {
    const rule = {
      fullName: 'Coaching_Session__c.Rating_1_To_5',
      active: 'true',
      errorConditionFormula: 'Rep_Rating__c > 5',
      errorMessage: 'Rate from 1 to 5.',
      errorDisplayField: 'Rep_Rating__c'
    };
    const expected = {
      objectApiName: 'Coaching_Session__c',
      name: 'Rating_1_To_5',
      active: true,
      formula: 'Rep_Rating__c > 5',
      message: 'Rate from 1 to 5.',
      displayField: 'Rep_Rating__c'
    };
    assert.deepEqual(validationRulesFrom([rule]), [expected]);
    assert.deepEqual(
      validationRulesFrom({ Coaching_Session__c: [{ ...rule, fullName: 'Rating_1_To_5' }] }),
      [expected]
    );
    assert.deepEqual(labelsFrom([{ fullName: 'Save', value: 'Save' }]), { Save: 'Save' });
    assert.deepEqual(labelsFrom({ Save: { value: 'Save it' }, Cancel: 'Cancel' }), {
      Save: 'Save it',
      Cancel: 'Cancel'
    });
  });
});

void describe('before-save Flows from metadata', () => {
  const ROOT = join(import.meta.dirname, '..', '..');

  void it('reads the package’s owner Flows: the rep owns sessions and goals, the plan owner the plan', () => {
    assert.deepEqual(
      recordFlowsFrom(ROOT).map((flow) => ({
        name: flow.name,
        object: flow.objectApiName,
        trigger: flow.recordTriggerType,
        when: flow.conditions,
        assign: flow.assignments
      })),
      [
        {
          name: 'Coaching_Session_Set_Owner',
          object: 'Coaching_Session__c',
          trigger: 'CreateAndUpdate',
          when: [{ field: 'Rep__c', operator: 'IsNull', value: false }],
          assign: [{ field: 'OwnerId', fromField: 'Rep__c' }]
        },
        {
          name: 'Development_Goal_Set_Owner',
          object: 'Development_Goal__c',
          trigger: 'CreateAndUpdate',
          when: [{ field: 'Rep__c', operator: 'IsNull', value: false }],
          assign: [{ field: 'OwnerId', fromField: 'Rep__c' }]
        },
        {
          name: 'Territory_Plan_Set_Owner',
          object: 'Territory_Plan__c',
          trigger: 'CreateAndUpdate',
          when: [{ field: 'Plan_Owner__c', operator: 'IsNull', value: false }],
          assign: [{ field: 'OwnerId', fromField: 'Plan_Owner__c' }]
        }
      ]
    );
  });

  const BASE = {
    status: 'Active',
    assignments: [
      {
        name: 'Set',
        assignmentItems: [
          {
            assignToReference: '$Record.OwnerId',
            operator: 'Assign',
            value: { elementReference: '$Record.Rep__c' }
          }
        ]
      }
    ],
    start: {
      object: 'Coaching_Session__c',
      recordTriggerType: 'Create',
      triggerType: 'RecordBeforeSave',
      connector: { targetReference: 'Set' },
      filters: [{ field: 'Rep__c', operator: 'IsNull', value: { booleanValue: 'false' } }]
    }
  };

  void it('ignores Flows that do not run on save, and inactive ones', () => {
    assert.equal(recordFlowFrom('Screen', { status: 'Active', start: {} }), null);
    assert.equal(recordFlowFrom('Off', { ...BASE, status: 'Draft' }), null);
    assert.deepEqual(recordFlowFrom('On', BASE)?.assignments, [
      { field: 'OwnerId', fromField: 'Rep__c' }
    ]);
  });

  void it('refuses what it does not model, instead of saving records unlike the org would', () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      [
        'after save',
        { ...BASE, start: { ...BASE.start, triggerType: 'RecordAfterSave' } },
        /trigger type RecordAfterSave/
      ],
      [
        'or logic',
        {
          ...BASE,
          start: {
            ...BASE.start,
            filterLogic: 'or',
            filters: [BASE.start.filters[0], BASE.start.filters[0]]
          }
        },
        /filter logic or/
      ],
      [
        'equals filter',
        {
          ...BASE,
          start: {
            ...BASE.start,
            filters: [{ field: 'Status__c', operator: 'EqualTo', value: { stringValue: 'x' } }]
          }
        },
        /start filter Status__c EqualTo/
      ],
      [
        'decision element',
        { ...BASE, start: { ...BASE.start, connector: { targetReference: 'Decide' } } },
        /element Decide is not an assignment/
      ],
      [
        'literal value',
        {
          ...BASE,
          assignments: [
            {
              name: 'Set',
              assignmentItems: [
                {
                  assignToReference: '$Record.Status__c',
                  operator: 'Assign',
                  value: { stringValue: 'Planned' }
                }
              ]
            }
          ]
        },
        /assignment \$Record\.Status__c in Set/
      ]
    ];
    for (const [name, flow, message] of cases) {
      assert.throws(() => recordFlowFrom(name, flow), message, name);
    }
  });
});
