import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { acceptsAuditFields, auditFieldsEnabled, withAuditFieldsOnCreate } from './auditFields';
import { fixtureSchema } from './testing/fixture';

void describe('auditFieldsEnabled', () => {
  void it('reads settings.securitySettings.enableAuditFieldsInactiveOwner of a scratch definition', () => {
    assert.equal(
      auditFieldsEnabled({
        edition: 'Developer',
        settings: { securitySettings: { enableAuditFieldsInactiveOwner: true } }
      }),
      true
    );
    for (const definition of [
      undefined,
      { edition: 'Developer' },
      { settings: { securitySettings: {} } },
      { settings: { securitySettings: { enableAuditFieldsInactiveOwner: false } } },
      { settings: { userManagementSettings: { enableAuditFieldsInactiveOwner: true } } }
    ]) {
      assert.equal(auditFieldsEnabled(definition), false, JSON.stringify(definition));
    }
  });
});

void describe('withAuditFieldsOnCreate', () => {
  void it('makes the four audit fields settable on Account, Opportunity and custom objects', () => {
    const schema = withAuditFieldsOnCreate(fixtureSchema());
    for (const object of ['Opportunity', 'Account', 'Coaching_Session__c', 'Territory_Plan__c']) {
      const created = schema.get(object)?.fields.get('CreatedDate');
      assert.equal(created?.createable, true, object);
      assert.equal(created?.readOnlyReason, undefined, object);
    }
    const session = schema.get('Coaching_Session__c');
    for (const field of ['CreatedById', 'LastModifiedDate']) {
      assert.equal(session?.fields.get(field)?.createable, true, field);
    }
    assert.deepEqual(session?.fields.get('CreatedById')?.referenceTo, ['User']);
  });

  void it('leaves everything else as the platform keeps it', () => {
    const before = fixtureSchema();
    const after = withAuditFieldsOnCreate(before);
    assert.equal(after.get('Opportunity')?.fields.get('PushCount')?.createable, false);
    assert.equal(after.get('Opportunity')?.fields.get('LastStageChangeDate')?.createable, false);
    assert.equal(after.get('User')?.fields.get('CreatedDate')?.createable, false);
    assert.equal(acceptsAuditFields('User'), false);
    assert.equal(
      before.get('Opportunity')?.fields.get('CreatedDate')?.createable,
      false,
      'the input schema is not changed'
    );
  });
});
