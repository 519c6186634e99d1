import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { describeLimit, overLimit, userLimit } from './edition';

void describe('userLimit', () => {
  void it('allows one demo user in a Developer Edition scratch org: two licences, one the admin’s', () => {
    const limit = userLimit('Developer');
    assert.equal(limit.maxUsers, 1);
    assert.equal(limit.defaultUsers, 1);
    assert.equal(limit.licences?.salesforceLicences, 2);
    assert.match(
      limit.licences?.source ?? '',
      /Scratch Org Users.*sfdx_dev_scratch_orgs_users\.htm/
    );
    assert.equal(userLimit(undefined).maxUsers, 1, 'the CLI’s default edition is Developer');
  });

  void it('creates one user for an edition whose count is not documented, and lets --max-users ask for more', () => {
    const limit = userLimit('Enterprise');
    assert.equal(limit.maxUsers, undefined);
    assert.equal(limit.defaultUsers, 1);
    assert.equal(overLimit(limit, 12), null);
    assert.match(describeLimit(limit, 1), /no licence count for Enterprise Edition.*--max-users/);
  });
});

void describe('overLimit', () => {
  void it('refuses more users than the licences hold, saying how many there are and where that is written', () => {
    const limit = userLimit('Developer');
    assert.equal(overLimit(limit, 0), null);
    assert.equal(overLimit(limit, 1), null);
    assert.match(
      overLimit(limit, 2) ?? '',
      /^--max-users 2 needs 3 Salesforce licences with the admin's, but a Developer Edition scratch org has 2 \(Salesforce DX Developer Guide, "Scratch Org Users"/
    );
  });
});
