import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Dataset } from '../../data/dataset';
import { fixtureDataset, ids } from './testing/fixture';
import { ADMIN, isInOrg, planUsers, resolveUser, roleDeveloperName, UserPlanError } from './users';

const plan = (maxUsers: number, dataset: Dataset = fixtureDataset()) =>
  planUsers(dataset, { maxUsers, orgAlias: 'SC' });

void describe('planUsers: which demo users are created', () => {
  void it('creates the persona manager and the persona rep with two users to create', () => {
    const users = plan(2);
    assert.deepEqual(
      users.created.map((user) => [user.sampleId, user.level, user.cliAlias]),
      [
        [ids.m1, 'manager', 'SC-manager'],
        [ids.r1b, 'rep', 'SC-rep']
      ]
    );
    assert.equal(users.vpSampleId, ids.vp);
    assert.deepEqual(users.adminPlays, [ids.vp]);
  });

  void it('with one user (a Developer Edition scratch org), creates the persona rep and lets the admin play their manager', () => {
    const users = plan(1);
    assert.deepEqual(
      users.created.map((user) => [user.sampleId, user.level, user.cliAlias]),
      [[ids.r1b, 'rep', 'SC-rep']]
    );
    assert.deepEqual(users.adminPlays, [ids.vp, ids.m1]);
    const [rep] = users.created;
    assert.equal(rep.managerTarget, ADMIN, 'the rep reports to the admin');
    assert.equal(rep.roleDeveloperName, 'SC_Team_North_America_East');
    assert.equal(isInOrg(users, ids.m1), true, 'the admin plays Mona East');
    assert.equal(isInOrg(users, ids.m2), false);
    assert.equal(isInOrg(users, ids.r1b), true);
    assert.equal(isInOrg(users, ids.r1a), false);
  });

  void it('fills up with the persona manager’s team, then the other managers and their teams', () => {
    assert.deepEqual(
      plan(4).created.map((user) => user.sampleId),
      [ids.m1, ids.r1b, ids.r1a, ids.r1c]
    );
    assert.deepEqual(
      plan(100).created.map((user) => user.sampleId),
      [ids.m1, ids.r1b, ids.r1a, ids.r1c, ids.m2, ids.r2a, ids.r2b]
    );
    assert.deepEqual(
      plan(6).created.map((user) => user.cliAlias),
      ['SC-manager', 'SC-rep', 'SC-rep2', 'SC-rep3', 'SC-manager2', 'SC-rep4']
    );
  });

  void it('gives each created user the role, permission set and manager of their place in the team', () => {
    const [manager, rep] = plan(2).created;
    assert.equal(manager.roleDeveloperName, 'SC_Sales_Manager_North_America_East');
    assert.deepEqual(manager.permissionSets, ['Sales_Coaching_Manager']);
    assert.equal(manager.managerTarget, ADMIN);
    assert.equal(rep.roleDeveloperName, 'SC_Team_North_America_East');
    assert.deepEqual(rep.permissionSets, ['Sales_Coaching_Rep']);
    assert.equal(rep.managerTarget, ids.m1);
    assert.equal(rep.username, 'ben.baker@salescoaching.example');
    assert.equal(rep.alias, 'bbake');
  });

  void it('builds the whole role hierarchy: VP, then a role per manager and per team below it', () => {
    const users = plan(2);
    assert.equal(users.adminRole, 'SC_VP_of_Sales');
    assert.deepEqual(users.roles, [
      { developerName: 'SC_VP_of_Sales', name: 'VP of Sales' },
      {
        developerName: 'SC_Sales_Manager_North_America_East',
        name: 'Sales Manager, North America East',
        parentRole: 'SC_VP_of_Sales'
      },
      {
        developerName: 'SC_Team_North_America_East',
        name: 'Team of North America East',
        parentRole: 'SC_Sales_Manager_North_America_East'
      },
      {
        developerName: 'SC_Sales_Manager_North_America_West',
        name: 'Sales Manager, North America West',
        parentRole: 'SC_VP_of_Sales'
      },
      {
        developerName: 'SC_Team_North_America_West',
        name: 'Team of North America West',
        parentRole: 'SC_Sales_Manager_North_America_West'
      }
    ]);
  });
});

void describe('planUsers: where the owners who are not created go', () => {
  void it('maps the VP onto the admin, other managers onto the created manager, reps onto created reps', () => {
    const { mapping } = plan(2);
    assert.equal(mapping.get(ids.vp), ADMIN);
    assert.equal(mapping.get(ids.m1), ids.m1);
    assert.equal(mapping.get(ids.m2), ids.m1);
    for (const rep of [ids.r1a, ids.r1b, ids.r1c, ids.r2a, ids.r2b]) {
      assert.equal(mapping.get(rep), ids.r1b, rep);
    }
  });

  void it('spreads reps round-robin over the created reps of the team, in sample order', () => {
    const { mapping } = plan(3); // m1, r1b, r1a
    assert.equal(mapping.get(ids.r1c), ids.r1b);
    assert.equal(mapping.get(ids.r2a), ids.r1a);
    assert.equal(mapping.get(ids.r2b), ids.r1b);
  });

  void it('keeps a second team apart once its manager is created', () => {
    const { mapping } = plan(5); // m1, r1b, r1a, r1c, m2
    assert.equal(mapping.get(ids.m2), ids.m2);
    // m2 has no created rep: the team's deals go to m2 rather than into m1's team.
    assert.equal(mapping.get(ids.r2a), ids.m2);
    assert.equal(mapping.get(ids.r2b), ids.m2);
  });

  void it('maps reps onto the one rep and managers onto the admin with one user, everyone onto the admin with none', () => {
    const one = plan(1).mapping;
    assert.equal(one.get(ids.m1), ADMIN);
    assert.equal(one.get(ids.m2), ADMIN);
    for (const rep of [ids.r1a, ids.r1b, ids.r1c, ids.r2a, ids.r2b]) {
      assert.equal(one.get(rep), ids.r1b, rep);
    }
    const none = plan(0);
    assert.deepEqual(none.created, []);
    assert.ok([...none.mapping.values()].every((target) => target === ADMIN));
    assert.equal(none.mapping.size, 8);
  });

  void it('is deterministic', () => {
    assert.deepEqual([...plan(3).mapping], [...plan(3).mapping]);
  });

  void it('resolves a sample owner to the org Id of the user who takes the records', () => {
    const users = plan(2);
    const orgIds = {
      admin: '005ADMIN000000AAAA',
      users: new Map([
        [ids.m1, '005MANAGER0000AAAA'],
        [ids.r1b, '005REP00000000AAAA']
      ])
    };
    assert.equal(resolveUser(users, ids.vp, orgIds), '005ADMIN000000AAAA');
    assert.equal(resolveUser(users, ids.m2, orgIds), '005MANAGER0000AAAA');
    assert.equal(resolveUser(users, ids.r2a, orgIds), '005REP00000000AAAA');
    assert.throws(() => resolveUser(users, '005000000000999AAA', orgIds), UserPlanError);
    assert.throws(
      () => resolveUser(users, ids.r1b, { admin: 'x', users: new Map() }),
      /no org user Id for created user/
    );
  });
});

void describe('planUsers: input it refuses', () => {
  void it('rejects a negative or fractional limit', () => {
    assert.throws(() => plan(-1), /maxUsers must be a whole number/);
    assert.throws(() => plan(1.5), /maxUsers must be a whole number/);
  });

  void it('needs exactly one VP and managers that exist', () => {
    const twoRoots = fixtureDataset();
    twoRoots.records.User[1].ManagerId = null;
    assert.throws(() => plan(2, twoRoots), /exactly one user without a manager.*found 2/);
    const dangling = fixtureDataset();
    dangling.records.User[3].ManagerId = '005Dp0000000099AAA';
    assert.throws(() => plan(2, dangling), /not a user/);
  });

  void it('rejects a hierarchy deeper than VP → manager → rep', () => {
    const deep = fixtureDataset();
    deep.records.User.push({
      ...deep.records.User[3],
      Id: '005Dp0000000050AAA',
      ManagerId: ids.r1a
    });
    assert.throws(() => plan(2, deep), /more than two levels below the VP/);
  });
});

void describe('roleDeveloperName', () => {
  void it('makes a valid developer name from any title', () => {
    assert.equal(roleDeveloperName('Sales Manager, Région Sud'), 'SC_Sales_Manager_Region_Sud');
    assert.equal(roleDeveloperName('  VP -- of Sales!  '), 'SC_VP_of_Sales');
    assert.ok(roleDeveloperName('x'.repeat(200)).length <= 80);
  });
});
