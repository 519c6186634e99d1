import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Dataset, DatasetRecord } from './dataset';
import { SAMPLE_DATA_PATH } from './cli';
import {
  DATASET_TODAY,
  FOCUS_AREAS,
  generateDataset,
  serializeDataset,
  SESSION_TYPES
} from './generate';
import { caseSafeSuffix, KEY_PREFIXES } from './ids';
import { repCount, SCALES } from './scales';

const dataset = generateDataset();
const { records } = dataset;
const byId = new Map<string, DatasetRecord>(
  Object.values(records)
    .flat()
    .map((record) => [record.Id, record])
);

void describe('sample dataset', () => {
  void it('is what data/sample-data.json holds (regenerating changes nothing)', () => {
    assert.equal(serializeDataset(dataset), readFileSync(SAMPLE_DATA_PATH, 'utf8'));
  });

  void it('is deterministic for a seed and different for another', () => {
    assert.equal(serializeDataset(generateDataset()), serializeDataset(dataset));
    assert.notEqual(serializeDataset(generateDataset({ seed: 7 })), serializeDataset(dataset));
  });

  void it('has a VP, three managers and six to eight reps per manager', () => {
    const vp = records.User.filter((user) => user.ManagerId === null);
    assert.equal(vp.length, 1);
    const managers = records.User.filter((user) => user.ManagerId === vp[0].Id);
    assert.equal(managers.length, 3);
    let reps = 0;
    for (const manager of managers) {
      const team = records.User.filter((user) => user.ManagerId === manager.Id);
      assert.ok(team.length >= 6 && team.length <= 8, `team of ${team.length}`);
      reps += team.length;
    }
    assert.ok(reps >= 18 && reps <= 24);
    assert.equal(dataset.meta.personas.vp, vp[0].Id);
    assert.equal(byId.get(dataset.meta.personas.rep)?.ManagerId, dataset.meta.personas.manager);
    assert.equal(dataset.meta.today, DATASET_TODAY);
  });

  void it('uses 18-character ids with the objects’ key prefixes and valid suffixes', () => {
    for (const [objectApiName, rows] of Object.entries(records)) {
      for (const row of rows) {
        assert.match(row.Id, /^[a-zA-Z0-9]{18}$/);
        assert.equal(row.Id.slice(0, 3), KEY_PREFIXES[objectApiName], objectApiName);
        assert.equal(row.Id.slice(15), caseSafeSuffix(row.Id.slice(0, 15)));
      }
    }
    assert.equal(byId.size, Object.values(records).flat().length, 'ids are unique');
  });

  void it('only references records that exist', () => {
    const references = [
      'OwnerId',
      'ManagerId',
      'AccountId',
      'Rep__c',
      'Coach__c',
      'Opportunity__c'
    ];
    const more = [
      'Development_Goal__c',
      'Plan_Owner__c',
      'Manager__c',
      'Territory_Plan__c',
      'Account__c',
      'Coaching_Session__c'
    ];
    for (const row of Object.values(records).flat()) {
      for (const field of [...references, ...more, 'ParentId', 'Manager_Scorecard__c']) {
        const value = row[field];
        if (typeof value === 'string') assert.ok(byId.has(value), `${row.Id}.${field} → ${value}`);
      }
    }
  });

  void it('spreads opportunities over eight quarters of history and open pipeline ahead', () => {
    const closedQuarters = new Set(
      records.Opportunity.filter((opportunity) => opportunity.IsClosed).map((opportunity) => {
        const date = String(opportunity.CloseDate);
        return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
      })
    );
    assert.equal(closedQuarters.size, 8);
    const open = records.Opportunity.filter((opportunity) => !opportunity.IsClosed);
    assert.ok(open.some((opportunity) => String(opportunity.CloseDate) > '2027-01-01'));
    assert.ok(
      open.some((opportunity) => String(opportunity.CloseDate) < DATASET_TODAY),
      'slipping deals'
    );
    for (const opportunity of records.Opportunity) {
      assert.ok(
        String(opportunity.CreatedDate).slice(0, 10) <= String(opportunity.CloseDate) ||
          !opportunity.IsClosed
      );
      assert.equal(opportunity.IsWon, opportunity.StageName === 'Closed Won');
    }
    assert.ok(records.Opportunity.length <= 3000);
  });

  void it('gives every rep one active plan this quarter with two to four key accounts', () => {
    const reps = records.User.filter((user) => user.Title === 'Account Executive');
    for (const rep of reps) {
      const active = records.Territory_Plan__c.filter(
        (plan) => plan.Plan_Owner__c === rep.Id && plan.Status__c === 'Active'
      );
      assert.equal(active.length, 1);
      assert.ok(
        String(active[0].Period_Start__c) <= DATASET_TODAY &&
          String(active[0].Period_End__c) >= DATASET_TODAY
      );
    }
    for (const plan of records.Territory_Plan__c) {
      assert.ok(Number(plan.Target_Amount__c) > 0);
      assert.ok(String(plan.Period_End__c) > String(plan.Period_Start__c));
      const accounts = records.Territory_Plan_Account__c.filter(
        (row) => row.Territory_Plan__c === plan.Id
      );
      assert.ok(accounts.length >= 2 && accounts.length <= 4);
    }
  });

  void it('keeps every review of a plan as its own record, the latest matching the plan', () => {
    const plans = new Map(records.Territory_Plan__c.map((plan) => [plan.Id, plan]));
    for (const plan of records.Territory_Plan__c) {
      const reviews = records.Territory_Plan_Review__c.filter(
        (review) => review.Territory_Plan__c === plan.Id
      ).sort((a, b) => String(a.Review_Date__c).localeCompare(String(b.Review_Date__c)));
      assert.ok(reviews.length >= 1, `${plan.Id} has a review`);
      const latest = reviews[reviews.length - 1];
      assert.equal(latest.Review_Date__c, plan.Last_Reviewed__c);
      assert.equal(latest.Notes__c, plan.Review_Notes__c);
      assert.equal(latest.Target_After__c, plan.Target_Amount__c);
    }
    for (const review of records.Territory_Plan_Review__c) {
      const plan = plans.get(String(review.Territory_Plan__c));
      assert.ok(plan);
      assert.equal(review.Reviewer__c, plan.Manager__c);
      assert.ok(String(review.Review_Date__c) <= DATASET_TODAY);
      assert.ok(Number(review.Target_Before__c) > 0 && Number(review.Target_After__c) > 0);
    }
    assert.ok(
      records.Territory_Plan_Review__c.some(
        (review) => review.Target_Before__c !== review.Target_After__c
      ),
      'some reviews adjusted the target'
    );
  });

  void it('has sessions of every type, planned, overdue, acknowledged and rated, within the rules', () => {
    const sessions = records.Coaching_Session__c;
    assert.deepEqual(
      new Set(sessions.map((session) => session.Session_Type__c)),
      new Set(SESSION_TYPES)
    );
    assert.ok(
      sessions.some(
        (session) =>
          session.Status__c === 'Planned' && String(session.Session_Date__c) > DATASET_TODAY
      )
    );
    assert.ok(
      sessions.some(
        (session) =>
          session.Status__c === 'Completed' && String(session.Follow_Up_Date__c) < DATASET_TODAY
      )
    );
    assert.ok(
      sessions.some(
        (session) => session.Rep_Acknowledged__c === true && session.Rep_Rating__c !== null
      )
    );
    for (const session of sessions) {
      assert.equal(session.OwnerId, session.Rep__c, 'the before-save flow makes the rep the owner');
      if (session.Follow_Up_Date__c !== null) {
        assert.ok(String(session.Follow_Up_Date__c) >= String(session.Session_Date__c));
      }
      if (session.Rep_Rating__c !== null)
        assert.ok([1, 2, 3, 4, 5].includes(Number(session.Rep_Rating__c)));
      for (const area of String(session.Focus_Areas__c).split(';')) {
        assert.ok((FOCUS_AREAS as readonly string[]).includes(area));
      }
    }
  });

  void it('keeps private notes in their own records, owned by the coach who wrote them', () => {
    const notes = records.Coaching_Private_Note__c;
    const sessionsById = new Map(records.Coaching_Session__c.map((row) => [row.Id, row]));
    assert.ok(notes.length > 0);
    for (const note of notes) {
      const session = sessionsById.get(String(note.Coaching_Session__c));
      assert.ok(session, `${note.Id} is about a session`);
      assert.equal(note.OwnerId, session.Coach__c, 'the author owns the note');
      assert.equal(session.Status__c, 'Completed');
      assert.ok(typeof note.Body__c === 'string' && note.Body__c !== '');
    }
    // The case the object exists for: the VP's notes about a manager the VP coaches.
    const { vp, manager } = dataset.meta.personas;
    assert.ok(
      notes.some(
        (note) =>
          note.OwnerId === vp &&
          sessionsById.get(String(note.Coaching_Session__c))?.Rep__c === manager
      )
    );
    assert.ok(records.Coaching_Session__c.every((session) => !('Private_Notes__c' in session)));
  });

  void it('has manual and KPI-linked goals with valid progress and dates', () => {
    const goals = records.Development_Goal__c;
    assert.ok(goals.some((goal) => goal.Metric__c === null));
    assert.ok(goals.some((goal) => goal.Metric__c !== null && goal.Target_Value__c !== null));
    for (const goal of goals) {
      assert.ok(String(goal.Target_Date__c) >= String(goal.Start_Date__c));
      if (goal.Progress__c !== null)
        assert.ok(Number(goal.Progress__c) >= 0 && Number(goal.Progress__c) <= 100);
    }
  });

  void it('saves scorecards as the scorecard does: a team is the sum of its reps', () => {
    const scorecards = records.Manager_Scorecard__c;
    assert.ok(scorecards.length > 0);
    for (const scorecard of scorecards) {
      const entries = records.Scorecard_Entry__c.filter(
        (entry) => entry.Manager_Scorecard__c === scorecard.Id
      );
      assert.equal(entries.length, scorecard.Team_Size__c);
      const total = (field: string): number =>
        entries.reduce((sum, entry) => sum + Number(entry[field] ?? 0), 0);
      for (const field of ['Closed_Won_Amount__c', 'Target_Amount__c', 'Coaching_Sessions__c'])
        assert.equal(total(field), scorecard[field], `${String(scorecard.Name)} ${field}`);
    }
    // Amounts keep their cents (Currency, scale 2), as the scorecard writes them.
    const averages = [...scorecards, ...records.Scorecard_Entry__c]
      .map((row) => row.Average_Deal_Size__c)
      .filter((value): value is number => typeof value === 'number');
    assert.ok(averages.some((value) => !Number.isInteger(value)));
    assert.ok(averages.every((value) => Math.abs(Math.round(value * 100) - value * 100) < 1e-6));
  });

  void it('scales the opportunity count for benchmarks and keeps the team', () => {
    const large = generateDataset({ opportunities: 5000 });
    assert.equal(large.records.Opportunity.length, 5000);
    assert.equal(large.records.User.length, records.User.length);
  });
});

void describe('large orgs (data/scales.ts)', () => {
  // The enterprise organisation with fewer deals: the people, sessions, goals and plans of
  // 1,000 reps in a few seconds (the million opportunities belong to `npm run bench`).
  const enterprise = generateDataset({ scale: 'enterprise', opportunities: 20_000 });
  const users = enterprise.records.User;

  void it('has a VP, 50 managers and 20 reps each, every name unique', () => {
    const spec = SCALES.enterprise;
    const vp = users.filter((user) => user.ManagerId === null);
    assert.equal(vp.length, 1);
    const managers = users.filter((user) => user.ManagerId === vp[0].Id);
    assert.equal(managers.length, spec.managers);
    for (const manager of managers) {
      assert.equal(
        users.filter((user) => user.ManagerId === manager.Id).length,
        spec.repsPerManager
      );
    }
    assert.equal(users.length, 1 + spec.managers + repCount(spec));
    assert.equal(new Set(users.map((user) => user.Name)).size, users.length);
    assert.equal(new Set(users.map((user) => user.Username)).size, users.length);
    const accounts = enterprise.records.Account.map((account) => account.Name);
    assert.equal(new Set(accounts).size, accounts.length);
    assert.equal(enterprise.meta.scale, 'enterprise');
    assert.equal(
      byIdOf(enterprise).get(enterprise.meta.personas.rep)?.ManagerId,
      enterprise.meta.personas.manager
    );
  });

  void it('crosses a page of 2,000 records in every object a scorecard reads', () => {
    const { records: large } = enterprise;
    assert.ok(
      large.Coaching_Session__c.length > 100_000,
      `${large.Coaching_Session__c.length} sessions`
    );
    assert.ok(large.Development_Goal__c.length >= 2_000);
    assert.ok(large.Territory_Plan__c.length > 2_000);
    assert.ok(large.Scorecard_Entry__c.length > 2_000);
    assert.equal(large.Opportunity.length, 20_000);
  });

  void it('is deterministic and takes its opportunity count from the scale', () => {
    const team = generateDataset({ scale: 'team' });
    assert.equal(team.records.Opportunity.length, SCALES.team.opportunities);
    assert.equal(serializeDataset(generateDataset({ scale: 'team' })), serializeDataset(team));
    assert.equal(team.records.User.length, 1 + 1 + 20);
  });
});

function byIdOf(data: Dataset): Map<string, DatasetRecord> {
  return new Map(
    Object.values(data.records)
      .flat()
      .map((record) => [record.Id, record])
  );
}
