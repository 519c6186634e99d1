/**
 * A compact object model for the org engine's own unit tests: enough objects, fields, rules
 * and permissions to exercise every feature without depending on the package metadata
 * (which has its own integration test in metadataOrg.test.ts).
 */
import { keyPrefixOf } from '../../../data/ids';
import type {
  ChildRelationship,
  OrgField,
  OrgModel,
  OrgObject,
  PermissionProfile,
  UiDataType
} from '../model';

type FieldOptions = Partial<Omit<OrgField, 'apiName' | 'dataType'>>;

function field(apiName: string, dataType: UiDataType, options: FieldOptions = {}): OrgField {
  return {
    apiName,
    label: options.label ?? apiName.replace(/__c$/, '').replace(/_/g, ' '),
    dataType,
    custom: apiName.endsWith('__c'),
    required: false,
    createable: true,
    updateable: true,
    referenceTo: [],
    relationshipName: null,
    childRelationshipName: null,
    masterDetail: false,
    picklistValues: [],
    restrictedPicklist: false,
    formula: null,
    trackHistory: false,
    scale: dataType === 'Currency' ? 2 : null,
    precision: null,
    length: null,
    defaultValue: undefined,
    unique: false,
    autoNumberFormat: null,
    inlineHelpText: null,
    ...options
  };
}

function lookup(
  apiName: string,
  target: string,
  relationshipName: string,
  options: FieldOptions = {}
): OrgField {
  return field(apiName, 'Reference', { referenceTo: [target], relationshipName, ...options });
}

function picklist(apiName: string, values: string[], options: FieldOptions = {}): OrgField {
  return field(apiName, 'Picklist', {
    picklistValues: values.map((value) => ({ value, label: value })),
    restrictedPicklist: true,
    ...options
  });
}

function object(
  apiName: string,
  fields: OrgField[],
  options: Partial<Pick<OrgObject, 'ownership' | 'historyObject' | 'nameField'>> = {}
): OrgObject {
  const system = [
    field('Id', 'Id', { createable: false, updateable: false }),
    field('CreatedDate', 'DateTime', { createable: false, updateable: false }),
    field('LastModifiedDate', 'DateTime', { createable: false, updateable: false })
  ];
  return {
    apiName,
    label: apiName.replace(/__c$/, '').replace(/_/g, ' '),
    labelPlural: `${apiName.replace(/__c$/, '').replace(/_/g, ' ')}s`,
    custom: apiName.endsWith('__c'),
    keyPrefix: keyPrefixOf(apiName),
    nameField: options.nameField ?? 'Name',
    fields: Object.fromEntries([...system, ...fields].map((entry) => [entry.apiName, entry])),
    childRelationships: [],
    historyObject: options.historyObject ?? null,
    ownership: options.ownership ?? 'owned'
  };
}

const FOCUS = ['Discovery', 'Qualification', 'Negotiation', 'Closing'];

export function fixtureModel(): OrgModel {
  const objects: Record<string, OrgObject> = {
    User: object(
      'User',
      [
        field('Name', 'String', { createable: false }),
        field('FirstName', 'String'),
        field('LastName', 'String'),
        field('Title', 'String'),
        lookup('ManagerId', 'User', 'Manager')
      ],
      { ownership: 'public' }
    ),
    Account: object(
      'Account',
      [field('Name', 'String', { required: true }), field('Industry', 'String')],
      {
        ownership: 'public'
      }
    ),
    Opportunity: object('Opportunity', [
      field('Name', 'String', { required: true }),
      lookup('AccountId', 'Account', 'Account'),
      lookup('OwnerId', 'User', 'Owner'),
      field('Amount', 'Currency'),
      field('Probability', 'Percent'),
      field('ExpectedRevenue', 'Currency', { createable: false, updateable: false }),
      field('CloseDate', 'Date', { required: true }),
      picklist('StageName', ['Prospecting', 'Negotiation/Review', 'Closed Won', 'Closed Lost'], {
        required: true
      }),
      field('IsClosed', 'Boolean', { createable: false, updateable: false }),
      field('IsWon', 'Boolean', { createable: false, updateable: false }),
      field('PushCount', 'Int', { createable: false, updateable: false }),
      field('Sales_Cycle_Days__c', 'Double', {
        createable: false,
        updateable: false,
        formula: 'IF(IsClosed, CloseDate - DATEVALUE(CreatedDate), NULL)'
      })
    ]),
    Coaching_Session__c: object('Coaching_Session__c', [
      field('Name', 'String'),
      lookup('OwnerId', 'User', 'Owner'),
      lookup('Rep__c', 'User', 'Rep__r', { required: true }),
      lookup('Coach__c', 'User', 'Coach__r'),
      lookup('Opportunity__c', 'Opportunity', 'Opportunity__r', {
        childRelationshipName: 'Coaching_Sessions__r'
      }),
      field('Session_Date__c', 'Date', { required: true }),
      picklist('Session_Type__c', ['One-on-One', 'Deal Review']),
      picklist('Status__c', ['Planned', 'Completed', 'Cancelled'], { defaultValue: 'Planned' }),
      field('Focus_Areas__c', 'MultiPicklist', {
        picklistValues: FOCUS.map((value) => ({ value, label: value })),
        restrictedPicklist: true
      }),
      field('Follow_Up_Date__c', 'Date'),
      // Not granted to reps: exercises field-level security (the real private notes are their
      // own object, Coaching_Private_Note__c, tested on the package metadata).
      field('Internal_Notes__c', 'LongTextArea'),
      field('Rep_Acknowledged__c', 'Boolean'),
      field('Rep_Rating__c', 'Double')
    ]),
    Territory_Plan__c: object(
      'Territory_Plan__c',
      [
        field('Name', 'String'),
        lookup('OwnerId', 'User', 'Owner'),
        lookup('Plan_Owner__c', 'User', 'Plan_Owner__r', { required: true }),
        field('Period_Start__c', 'Date'),
        field('Period_End__c', 'Date'),
        field('Target_Amount__c', 'Currency', { trackHistory: true }),
        picklist('Status__c', ['Draft', 'Active', 'Closed'], { trackHistory: true })
      ],
      { historyObject: 'Territory_Plan__History' }
    ),
    Territory_Plan_Account__c: object(
      'Territory_Plan_Account__c',
      [
        field('Name', 'String'),
        lookup('Territory_Plan__c', 'Territory_Plan__c', 'Territory_Plan__r', {
          required: true,
          masterDetail: true,
          childRelationshipName: 'Territory_Plan_Accounts__r'
        }),
        lookup('Account__c', 'Account', 'Account__r'),
        field('Planned_Amount__c', 'Currency')
      ],
      { ownership: 'master' }
    ),
    Territory_Plan__History: object(
      'Territory_Plan__History',
      [
        lookup('ParentId', 'Territory_Plan__c', 'Parent', {
          createable: false,
          updateable: false,
          childRelationshipName: 'Histories'
        }),
        field('Field', 'Picklist', { createable: false, updateable: false }),
        field('DataType', 'Picklist', { createable: false, updateable: false }),
        field('OldValue', 'String', { createable: false, updateable: false }),
        field('NewValue', 'String', { createable: false, updateable: false }),
        lookup('CreatedById', 'User', 'CreatedBy', { createable: false, updateable: false })
      ],
      { ownership: 'master', nameField: 'Id' }
    )
  };
  for (const parent of Object.values(objects)) {
    const children: ChildRelationship[] = [];
    for (const child of Object.values(objects)) {
      for (const entry of Object.values(child.fields)) {
        if (entry.childRelationshipName && entry.referenceTo.includes(parent.apiName)) {
          children.push({
            relationshipName: entry.childRelationshipName,
            childObjectApiName: child.apiName,
            fieldName: entry.apiName
          });
        }
      }
    }
    parent.childRelationships = children;
  }

  const all = { read: true, create: true, edit: true, delete: true };
  const readOnly = { read: true, create: false, edit: false, delete: false };
  const managerFields: PermissionProfile['fields'] = {};
  const repFields: PermissionProfile['fields'] = {};
  for (const entry of Object.values(objects)) {
    for (const fieldEntry of Object.values(entry.fields)) {
      if (!fieldEntry.custom) continue;
      const key = `${entry.apiName}.${fieldEntry.apiName}`;
      managerFields[key] = { read: true, edit: true };
      repFields[key] = { read: true, edit: false };
    }
  }
  delete repFields['Coaching_Session__c.Internal_Notes__c'];
  repFields['Coaching_Session__c.Rep_Acknowledged__c'] = { read: true, edit: true };
  repFields['Coaching_Session__c.Rep_Rating__c'] = { read: true, edit: true };

  const customObjects = ['Coaching_Session__c', 'Territory_Plan__c', 'Territory_Plan_Account__c'];
  return {
    objects,
    validationRules: [
      {
        objectApiName: 'Coaching_Session__c',
        name: 'Follow_Up_Not_Before_Session',
        active: true,
        formula: 'AND(NOT(ISBLANK(Follow_Up_Date__c)), Follow_Up_Date__c < Session_Date__c)',
        message: 'The follow-up date cannot be before the session date.',
        displayField: 'Follow_Up_Date__c'
      },
      {
        objectApiName: 'Coaching_Session__c',
        name: 'Rating_Between_1_And_5',
        active: true,
        formula: 'AND(NOT(ISBLANK(Rep_Rating__c)), OR(Rep_Rating__c < 1, Rep_Rating__c > 5))',
        message: 'Rate the session from 1 to 5.',
        displayField: 'Rep_Rating__c'
      },
      {
        objectApiName: 'Territory_Plan__c',
        name: 'Target_Positive',
        active: true,
        formula: 'NOT(Target_Amount__c > 0)',
        message: 'The target must be greater than zero.',
        displayField: null
      }
    ],
    // As the package's Flows define them (Coaching_Session_Set_Owner, Territory_Plan_Set_Owner).
    recordFlows: [
      {
        name: 'Coaching_Session_Set_Owner',
        objectApiName: 'Coaching_Session__c',
        recordTriggerType: 'CreateAndUpdate',
        conditions: [{ field: 'Rep__c', operator: 'IsNull', value: false }],
        assignments: [{ field: 'OwnerId', fromField: 'Rep__c' }]
      },
      {
        name: 'Territory_Plan_Set_Owner',
        objectApiName: 'Territory_Plan__c',
        recordTriggerType: 'CreateAndUpdate',
        conditions: [{ field: 'Plan_Owner__c', operator: 'IsNull', value: false }],
        assignments: [{ field: 'OwnerId', fromField: 'Plan_Owner__c' }]
      }
    ],
    profiles: {
      manager: {
        name: 'Sales_Coaching_Manager',
        objects: {
          ...Object.fromEntries(customObjects.map((name) => [name, all])),
          Territory_Plan__History: readOnly,
          Opportunity: { read: true, create: true, edit: true, delete: false }
        },
        fields: managerFields
      },
      rep: {
        name: 'Sales_Coaching_Rep',
        objects: {
          Coaching_Session__c: { read: true, create: false, edit: true, delete: false },
          Territory_Plan__c: readOnly,
          Territory_Plan_Account__c: readOnly,
          Territory_Plan__History: readOnly
        },
        fields: repFields
      }
    }
  };
}
