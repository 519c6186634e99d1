/**
 * The validation rules the forms mirror: each SC_VR_ label repeats its rule's message word for
 * word, and the range rules (defects 6 and 8) hold what they promise when the org evaluates them.
 */
import { brokenRules, customLabels, validationRules } from '../../../../../test/validationRules';

const TODAY = '2026-11-23';

function labelName(objectApiName: string, rule: string): string {
  return `SC_VR_${objectApiName.replace(/__c$/, '')}_${rule}`;
}

function broken(objectApiName: string, record: Record<string, unknown>): string[] {
  return brokenRules(objectApiName, record as never, { today: TODAY }).map((rule) => rule.name);
}

describe('validation rules and their labels', () => {
  it('gives every SC_VR_ label the exact message of its rule', () => {
    const labels = customLabels();
    const byLabel = new Map(
      validationRules().map((rule) => [labelName(rule.objectApiName, rule.name), rule])
    );
    const mirrored = Object.keys(labels).filter((name) => name.startsWith('SC_VR_'));
    expect(mirrored.length).toBeGreaterThan(15);
    for (const name of mirrored) {
      expect([name, labels[name]]).toEqual([name, byLabel.get(name)?.message]);
    }
  });

  it('mirrors each new range rule in a label', () => {
    const labels = customLabels();
    for (const [object, rule] of [
      ['Coaching_Session__c', 'Completed_Not_In_Future'],
      ['Coaching_Session__c', 'Duration_At_Most_A_Day'],
      ['Territory_Plan__c', 'Target_Amount_At_Most'],
      ['Development_Goal__c', 'Baseline_In_Range_For_Metric'],
      ['Development_Goal__c', 'Target_In_Range_For_Metric']
    ]) {
      expect(labels[labelName(object, rule)]).toBeDefined();
    }
  });

  it('refuses a completed session in the future, not a planned one (defect 6)', () => {
    const session = { Rep__c: '005A', Session_Date__c: '2026-11-24', Status__c: 'Completed' };
    expect(broken('Coaching_Session__c', session)).toEqual(['Completed_Not_In_Future']);
    expect(broken('Coaching_Session__c', { ...session, Status__c: 'Planned' })).toEqual([]);
    expect(broken('Coaching_Session__c', { ...session, Session_Date__c: TODAY })).toEqual([]);
  });

  it('caps a session at a day (defect 8)', () => {
    const session = { Rep__c: '005A', Session_Date__c: TODAY, Status__c: 'Completed' };
    expect(broken('Coaching_Session__c', { ...session, Duration_Minutes__c: 99999 })).toEqual([
      'Duration_At_Most_A_Day'
    ]);
    expect(broken('Coaching_Session__c', { ...session, Duration_Minutes__c: 1440 })).toEqual([]);
  });

  it('caps a plan target (defect 8)', () => {
    const plan = {
      Plan_Owner__c: '005A',
      Period_Start__c: '2026-10-01',
      Period_End__c: '2026-12-31'
    };
    expect(broken('Territory_Plan__c', { ...plan, Target_Amount__c: 1e15 })).toEqual([
      'Target_Amount_At_Most'
    ]);
    expect(broken('Territory_Plan__c', { ...plan, Target_Amount__c: 150000.55 })).toEqual([]);
  });

  it.each([
    ['Win Rate', -50, 1e17, ['Baseline_In_Range_For_Metric', 'Target_In_Range_For_Metric']],
    ['Win Rate', 26, 101, ['Target_In_Range_For_Metric']],
    ['Win Rate', 26, 34, []],
    ['Pipeline Coverage', 2.2, 3, []],
    ['Pipeline Coverage', 2.2, 300, ['Target_In_Range_For_Metric']],
    ['Sales Cycle Days', 81, 65, []],
    ['Sales Cycle Days', 4000, 65, ['Baseline_In_Range_For_Metric']],
    ['Average Deal Size', 28000, 34000, []],
    ['Closed Won Amount', 0, 2e12, ['Target_In_Range_For_Metric']]
  ])(
    'keeps a %s goal’s baseline %p and target %p in range (defect 8)',
    (metric, baseline, target, expected) => {
      const goal = {
        Name: 'Goal',
        Rep__c: '005A',
        Metric__c: metric,
        Baseline_Value__c: baseline,
        Target_Value__c: target
      };
      expect(broken('Development_Goal__c', goal)).toEqual(expected);
    }
  );
});
