import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { ObjectModel } from '../metadata/objectModel';
import { PROJECT_ROOT } from './project';
import { loadOrgSchema, schemaFromObjectModel } from './schema';

const MODEL: Record<string, ObjectModel> = {
  Goal__c: {
    name: 'Goal__c',
    label: 'Goal',
    custom: true,
    fields: {
      Id: {
        name: 'Id',
        label: 'Id',
        type: 'Id',
        custom: false,
        required: false,
        updateable: false
      },
      OwnerId: {
        name: 'OwnerId',
        label: 'Owner',
        type: 'Lookup',
        custom: false,
        required: true,
        updateable: true,
        referenceTo: 'User'
      },
      Name: {
        name: 'Name',
        label: 'No.',
        type: 'AutoNumber',
        custom: false,
        required: false,
        updateable: false
      },
      Plan__c: {
        name: 'Plan__c',
        label: 'Plan',
        type: 'MasterDetail',
        custom: true,
        required: true,
        updateable: true,
        referenceTo: 'Plan__c'
      },
      Score__c: {
        name: 'Score__c',
        label: 'Score',
        type: 'Formula',
        custom: true,
        required: false,
        updateable: false,
        formula: '1'
      },
      CreatedDate: {
        name: 'CreatedDate',
        label: 'Created',
        type: 'DateTime',
        custom: false,
        required: false,
        updateable: false
      }
    }
  }
};

void describe('schemaFromObjectModel', () => {
  const goal = schemaFromObjectModel(MODEL).get('Goal__c');

  void it('makes master-detail fields createable and required, with their target', () => {
    assert.deepEqual(goal?.fields.get('Plan__c'), {
      name: 'Plan__c',
      createable: true,
      required: true,
      referenceTo: ['Plan__c']
    });
  });

  void it('does not require OwnerId: an insert without one belongs to the running user', () => {
    assert.equal(goal?.fields.get('OwnerId')?.required, false);
    assert.deepEqual(goal?.fields.get('OwnerId')?.referenceTo, ['User']);
  });

  void it('says why computed and stamped fields cannot be inserted', () => {
    const reason = (name: string) => goal?.fields.get(name)?.readOnlyReason;
    assert.equal(reason('Name'), 'auto-number, assigned by the org');
    assert.equal(reason('Score__c'), 'formula field, computed by the org');
    assert.equal(reason('CreatedDate'), 'stamped by the platform (audit field)');
    assert.equal(reason('Id'), 'assigned by the platform');
    assert.equal(goal?.fields.get('Score__c')?.createable, false);
  });
});

void describe('loadOrgSchema', () => {
  void it('reads the package’s objects and the standard ones the sample needs from force-app', () => {
    const schema = loadOrgSchema(PROJECT_ROOT);
    for (const name of [
      'Account',
      'Opportunity',
      'Territory_Plan__c',
      'Territory_Plan_Account__c',
      'Development_Goal__c',
      'Coaching_Session__c',
      'Manager_Scorecard__c',
      'Scorecard_Entry__c'
    ]) {
      assert.ok(schema.has(name), name);
    }
    assert.equal(
      schema.get('Opportunity')?.fields.get('IsWon')?.readOnlyReason,
      'derived from the stage'
    );
    assert.deepEqual(schema.get('Coaching_Session__c')?.fields.get('Rep__c')?.referenceTo, [
      'User'
    ]);
  });
});
