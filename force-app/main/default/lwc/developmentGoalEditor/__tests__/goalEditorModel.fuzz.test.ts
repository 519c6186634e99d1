/**
 * Fuzzing the goal editor's model: whatever is typed, validateGoal either refuses it with a
 * message, or the goal toGoalFields builds passes every validation rule of Development_Goal__c
 * (evaluated by the preview's formula engine over the rules in force-app) and fits its fields.
 */
import fc from 'fast-check';
import { toGoalFields, validateGoal, type GoalValues } from '../goalEditorModel';
import { brokenRules } from '../../../../../test/validationRules';

const TODAY = '2026-11-23';
const REP = '005000000000011AAA';
const METRICS = [
  'Win Rate',
  'Average Deal Size',
  'Pipeline Coverage',
  'Sales Cycle Days',
  'Closed Won Amount'
];

const odd = fc.oneof(
  fc.string(),
  fc.constantFrom(' ', 'abc', '12.345', '1e15', '1e17', '-50', '-0', '١٢', '1,234.5', '100.001'),
  fc.double({ noNaN: false }).map(String),
  fc.constant('x'.repeat(300))
);
const text = fc.oneof(
  { arbitrary: fc.constant(''), weight: 2 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 4 },
  { arbitrary: odd, weight: 1 }
);
const amount = fc.oneof(
  { arbitrary: fc.constant(''), weight: 1 },
  { arbitrary: fc.integer({ min: 0, max: 200000 }).map(String), weight: 3 },
  {
    arbitrary: fc.double({ min: -1e6, max: 1e13, noNaN: true }).map((value) => value.toFixed(2)),
    weight: 2
  },
  { arbitrary: odd, weight: 2 }
);
const day = fc
  .integer({ min: -400, max: 400 })
  .map((offset) => new Date(Date.UTC(2026, 10, 23 + offset)).toISOString().slice(0, 10));
const date = fc.oneof(
  { arbitrary: fc.constant(''), weight: 2 },
  { arbitrary: day, weight: 4 },
  { arbitrary: fc.oneof(fc.constant('2026-13-01'), fc.string()), weight: 1 }
);

const values: fc.Arbitrary<GoalValues> = fc.record({
  repId: fc.constantFrom('', REP, REP),
  name: fc.oneof(fc.constant('Raise win rate'), text, fc.constant('n'.repeat(81))),
  skillArea: fc.constantFrom('', 'Discovery'),
  description: text,
  successMeasure: text,
  startDate: date,
  targetDate: date,
  status: fc.constantFrom('Not Started', 'In Progress', 'Achieved', ''),
  measure: fc.constantFrom('manual' as const, 'kpi' as const),
  progress: fc.oneof(fc.integer({ min: -10, max: 110 }).map(String), amount),
  metric: fc.constantFrom('', ...METRICS),
  baselineValue: amount,
  targetValue: amount
});

describe('goal editor model under fuzzing', () => {
  it('refuses with a message, or sends a goal that passes every validation rule', () => {
    let sent = 0;
    fc.assert(
      fc.property(values, (input) => {
        const violations = validateGoal(input);
        if (violations.length > 0) {
          return violations.every((violation) => violation.message.trim() !== '');
        }
        const goal = toGoalFields(input);
        const progress = goal.Progress__c;
        expect({
          rules: brokenRules('Development_Goal__c', goal, { today: TODAY }),
          nameFits: String(goal.Name).length <= 80,
          successMeasureFits: String(goal.Success_Measure__c ?? '').length <= 255,
          wholeProgress: progress === undefined || progress === null || Number.isInteger(progress)
        }).toEqual({ rules: [], nameFits: true, successMeasureFits: true, wholeProgress: true });
        sent++;
        return true;
      }),
      { numRuns: 500 }
    );
    expect(sent).toBeGreaterThan(10);
  });
});
