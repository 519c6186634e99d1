/**
 * A small sample org in the shape of data/sample-data.json (VP → two managers → five reps, with
 * one record of every imported object) and a schema for its custom objects as the metadata
 * defines them, so the planning tests state exact expectations.
 */
import type { Dataset, DatasetRecord } from '../../../data/dataset';
import { recordId } from '../../../data/ids';
import { join } from 'node:path';
import { loadObjectModel } from '../../metadata/objectModel';
import { schemaFromObjectModel, type Schema, type SchemaField, type SchemaObject } from '../schema';

export const ids = {
  vp: recordId('User', 1),
  m1: recordId('User', 2),
  m2: recordId('User', 3),
  r1a: recordId('User', 4),
  r1b: recordId('User', 5),
  r1c: recordId('User', 6),
  r2a: recordId('User', 7),
  r2b: recordId('User', 8),
  account1: recordId('Account', 1),
  account2: recordId('Account', 2),
  opportunity1: recordId('Opportunity', 1),
  opportunity2: recordId('Opportunity', 2),
  plan1: recordId('Territory_Plan__c', 1),
  planAccount1: recordId('Territory_Plan_Account__c', 1),
  goal1: recordId('Development_Goal__c', 1),
  session1: recordId('Coaching_Session__c', 1),
  session2: recordId('Coaching_Session__c', 2),
  note1: recordId('Coaching_Private_Note__c', 1),
  note2: recordId('Coaching_Private_Note__c', 2),
  scorecard1: recordId('Manager_Scorecard__c', 1),
  scorecard2: recordId('Manager_Scorecard__c', 2),
  entry1: recordId('Scorecard_Entry__c', 1),
  entry2: recordId('Scorecard_Entry__c', 2)
};

function user(
  id: string,
  first: string,
  last: string,
  title: string,
  managerId: string | null
): DatasetRecord {
  const handle = `${first}.${last}`.toLowerCase();
  return {
    Id: id,
    FirstName: first,
    LastName: last,
    Name: `${first} ${last}`,
    Alias: `${first.slice(0, 1)}${last.slice(0, 4)}`.toLowerCase(),
    Username: `${handle}@salescoaching.example`,
    Email: `${handle}@example.com`,
    Title: title,
    Department: 'Sales',
    ManagerId: managerId,
    IsActive: true
  };
}

export function fixtureDataset(): Dataset {
  return {
    meta: {
      description: 'fixture',
      seed: 1,
      today: '2026-11-23',
      personas: { vp: ids.vp, manager: ids.m1, rep: ids.r1b }
    },
    records: {
      User: [
        user(ids.vp, 'Vera', 'Park', 'VP of Sales', null),
        user(ids.m1, 'Mona', 'East', 'Sales Manager, North America East', ids.vp),
        user(ids.m2, 'Milo', 'West', 'Sales Manager, North America West', ids.vp),
        user(ids.r1a, 'Ann', 'Able', 'Account Executive', ids.m1),
        user(ids.r1b, 'Ben', 'Baker', 'Account Executive', ids.m1),
        user(ids.r1c, 'Cy', 'Cole', 'Account Executive', ids.m1),
        user(ids.r2a, 'Dee', 'Dunn', 'Account Executive', ids.m2),
        user(ids.r2b, 'Eve', 'Eton', 'Account Executive', ids.m2)
      ],
      Account: [
        { Id: ids.account1, Name: 'Summit Labs', Industry: 'Biotechnology', OwnerId: ids.r1a },
        { Id: ids.account2, Name: 'Harbor Foods', Industry: null, OwnerId: ids.r2a }
      ],
      Opportunity: [
        {
          Id: ids.opportunity1,
          Name: 'Summit Labs - Pilot',
          AccountId: ids.account1,
          OwnerId: ids.r1a,
          StageName: 'Closed Won',
          Probability: 100,
          Amount: 25000,
          CloseDate: '2026-10-02',
          IsClosed: true,
          IsWon: true,
          PushCount: 1,
          CreatedDate: '2026-08-01T09:00:00.000Z',
          LastStageChangeDate: '2026-10-02T09:00:00.000Z',
          LastActivityDate: '2026-10-01',
          LastModifiedDate: '2026-10-02T17:00:00.000Z'
        },
        {
          Id: ids.opportunity2,
          Name: 'Harbor Foods - Renewal',
          AccountId: ids.account2,
          OwnerId: ids.r2b,
          StageName: 'Prospecting',
          Probability: 10,
          Amount: null,
          CloseDate: '2027-01-15',
          IsClosed: false,
          IsWon: false,
          PushCount: 0,
          CreatedDate: '2026-11-01T09:00:00.000Z',
          LastStageChangeDate: '2026-11-01T09:00:00.000Z',
          LastActivityDate: '2026-11-20',
          LastModifiedDate: '2026-11-20T17:00:00.000Z'
        }
      ],
      Territory_Plan__c: [
        {
          Id: ids.plan1,
          Name: 'Ann Able - Q4 2026',
          Plan_Owner__c: ids.r1a,
          Manager__c: ids.m1,
          OwnerId: ids.r1a,
          Period_Start__c: '2026-10-01',
          Period_End__c: '2026-12-31',
          Target_Amount__c: 120000,
          Status__c: 'Active',
          CreatedDate: '2026-09-25T09:00:00.000Z'
        }
      ],
      Territory_Plan_Account__c: [
        {
          Id: ids.planAccount1,
          Territory_Plan__c: ids.plan1,
          Account__c: ids.account1,
          Planned_Amount__c: 50000,
          Notes__c: null
        }
      ],
      Territory_Plan__History: [
        {
          Id: recordId('Territory_Plan__History', 1),
          ParentId: ids.plan1,
          Field: 'Status__c',
          OldValue: 'Draft',
          NewValue: 'Active',
          CreatedById: ids.m1,
          CreatedDate: '2026-10-01T09:00:00.000Z'
        }
      ],
      Development_Goal__c: [
        {
          Id: ids.goal1,
          Name: 'Win Rate: 20% → 28%',
          Rep__c: ids.r2a,
          Coach__c: ids.m2,
          OwnerId: ids.r2a,
          Skill_Area__c: 'Qualification',
          Start_Date__c: '2026-10-01',
          Target_Date__c: '2027-03-31',
          Status__c: 'In Progress',
          Progress__c: null,
          Metric__c: 'Win Rate',
          Baseline_Value__c: 20,
          Target_Value__c: 28
        }
      ],
      Coaching_Session__c: [
        {
          Id: ids.session1,
          Name: 'Deal Review - Ann Able - 2026-09-15',
          Rep__c: ids.r1a,
          Coach__c: ids.m1,
          OwnerId: ids.r1a,
          Session_Date__c: '2026-09-15',
          Session_Type__c: 'Deal Review',
          Status__c: 'Completed',
          Focus_Areas__c: 'Closing;Negotiation',
          Opportunity__c: ids.opportunity1,
          Development_Goal__c: null,
          Rep_Acknowledged__c: true,
          Rep_Rating__c: 5,
          CreatedDate: '2026-09-15T16:00:00.000Z'
        },
        {
          Id: ids.session2,
          Name: 'One-on-One - Milo West - 2026-11-02',
          Rep__c: ids.m2,
          Coach__c: ids.vp,
          OwnerId: ids.m2,
          Session_Date__c: '2026-11-02',
          Session_Type__c: 'One-on-One',
          Status__c: 'Planned',
          Focus_Areas__c: 'Forecasting',
          Opportunity__c: null,
          Development_Goal__c: ids.goal1,
          Rep_Acknowledged__c: false,
          Rep_Rating__c: null,
          CreatedDate: '2026-11-01T16:00:00.000Z'
        }
      ],
      // Private notes belong to their author (the coach), whoever owns the session.
      Coaching_Private_Note__c: [
        {
          Id: ids.note1,
          Name: 'PN-000001',
          Coaching_Session__c: ids.session1,
          OwnerId: ids.m1,
          Body__c: 'Ready for larger deals.',
          CreatedDate: '2026-09-15T16:00:00.000Z'
        },
        {
          Id: ids.note2,
          Name: 'PN-000002',
          Coaching_Session__c: ids.session2,
          OwnerId: ids.vp,
          Body__c: 'Watch for burnout.',
          CreatedDate: '2026-11-01T16:00:00.000Z'
        }
      ],
      Manager_Scorecard__c: [
        {
          Id: ids.scorecard1,
          Name: 'Mona East - Q3 2026',
          Manager__c: ids.m1,
          OwnerId: ids.m1,
          Period_Key__c: `${ids.m1}:2026-07-01:2026-09-30`,
          Period_Start__c: '2026-07-01',
          Period_End__c: '2026-09-30',
          Team_Size__c: 3,
          Percent_To_Plan__c: 91.5
        },
        {
          Id: ids.scorecard2,
          Name: 'Milo West - Q3 2026',
          Manager__c: ids.m2,
          OwnerId: ids.m2,
          Period_Start__c: '2026-07-01',
          Period_End__c: '2026-09-30',
          Team_Size__c: 2,
          Percent_To_Plan__c: 80
        }
      ],
      Scorecard_Entry__c: [
        {
          Id: ids.entry1,
          Manager_Scorecard__c: ids.scorecard1,
          Rep__c: ids.r1c,
          Closed_Won_Amount__c: 10000
        },
        {
          Id: ids.entry2,
          Manager_Scorecard__c: ids.scorecard2,
          Rep__c: ids.r2b,
          Closed_Won_Amount__c: 20000
        }
      ]
    }
  };
}

const USER = ['User'];

function field(
  name: string,
  options: { required?: boolean; referenceTo?: readonly string[] } = {}
): SchemaField {
  return {
    name,
    createable: true,
    required: options.required ?? false,
    referenceTo: options.referenceTo ?? []
  };
}

function readOnly(name: string, reason: string, referenceTo: readonly string[] = []): SchemaField {
  return { name, createable: false, required: false, referenceTo, readOnlyReason: reason };
}

const AUDIT = 'stamped by the platform (audit field)';
const OWNER_FIELD = field('OwnerId', { referenceTo: USER, required: true });

/** A custom object with the system fields every record has. */
function object(name: string, fields: readonly SchemaField[]): SchemaObject {
  const all = [
    readOnly('Id', 'assigned by the platform'),
    readOnly('CreatedDate', AUDIT),
    readOnly('CreatedById', AUDIT, USER),
    readOnly('LastModifiedDate', AUDIT),
    ...fields
  ];
  return { name, fields: new Map(all.map((entry) => [entry.name, entry])) };
}

/**
 * The standard objects as the shared object model defines them (loaded from a folder with no
 * metadata, so only those), plus the custom objects as the fixture expects the metadata to
 * define them.
 */
export function fixtureSchema(): Schema {
  const standard = schemaFromObjectModel(loadObjectModel(join(import.meta.dirname, 'no-metadata')));
  const custom = [
    object('Territory_Plan__c', [
      field('Name', { required: true }),
      OWNER_FIELD,
      field('Plan_Owner__c', { referenceTo: USER, required: true }),
      field('Manager__c', { referenceTo: USER }),
      field('Period_Start__c', { required: true }),
      field('Period_End__c', { required: true }),
      field('Target_Amount__c'),
      field('Status__c')
    ]),
    object('Territory_Plan_Account__c', [
      readOnly('Name', 'auto-number'),
      field('Territory_Plan__c', { referenceTo: ['Territory_Plan__c'], required: true }),
      field('Account__c', { referenceTo: ['Account'] }),
      field('Planned_Amount__c'),
      field('Notes__c')
    ]),
    object('Development_Goal__c', [
      field('Name', { required: true }),
      OWNER_FIELD,
      field('Rep__c', { referenceTo: USER, required: true }),
      field('Coach__c', { referenceTo: USER }),
      ...[
        'Skill_Area__c',
        'Start_Date__c',
        'Target_Date__c',
        'Status__c',
        'Progress__c',
        'Metric__c',
        'Baseline_Value__c',
        'Target_Value__c'
      ].map((name) => field(name))
    ]),
    object('Coaching_Session__c', [
      field('Name', { required: true }),
      OWNER_FIELD,
      field('Rep__c', { referenceTo: USER, required: true }),
      field('Coach__c', { referenceTo: USER }),
      field('Session_Date__c', { required: true }),
      field('Opportunity__c', { referenceTo: ['Opportunity'] }),
      field('Development_Goal__c', { referenceTo: ['Development_Goal__c'] }),
      ...[
        'Session_Type__c',
        'Status__c',
        'Focus_Areas__c',
        'Rep_Acknowledged__c',
        'Rep_Rating__c'
      ].map((name) => field(name))
    ]),
    object('Coaching_Private_Note__c', [
      readOnly('Name', 'auto-number'),
      OWNER_FIELD,
      field('Coaching_Session__c', { referenceTo: ['Coaching_Session__c'] }),
      field('Body__c')
    ]),
    object('Manager_Scorecard__c', [
      field('Name', { required: true }),
      OWNER_FIELD,
      field('Manager__c', { referenceTo: USER, required: true }),
      field('Period_Key__c'),
      field('Period_Start__c'),
      field('Period_End__c'),
      field('Team_Size__c'),
      readOnly('Percent_To_Plan__c', 'formula field, computed by the org')
    ]),
    object('Scorecard_Entry__c', [
      readOnly('Name', 'auto-number'),
      field('Manager_Scorecard__c', { referenceTo: ['Manager_Scorecard__c'], required: true }),
      field('Rep__c', { referenceTo: USER }),
      field('Closed_Won_Amount__c')
    ])
  ];
  return new Map([
    ...standard,
    ...custom.map((entry): [string, SchemaObject] => [entry.name, entry])
  ]);
}
