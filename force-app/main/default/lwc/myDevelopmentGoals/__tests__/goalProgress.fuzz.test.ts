/**
 * Fuzzing the rep's "Update progress": whatever is typed, parseProgress either refuses it with a
 * message, or the update it leads to passes every validation rule of Development_Goal__c
 * (evaluated by the preview's formula engine over the rules in force-app) and fits the field,
 * a Percent(3, 0): never a blank for text, never a silently rounded value.
 */
import fc from 'fast-check';
import { parseProgress } from '../goalsModel';
import { brokenRules } from '../../../../../test/validationRules';

const TODAY = '2026-11-23';
const GOAL = {
  Name: 'Discovery calls',
  Rep__c: '005000000000011AAA',
  Status__c: 'In Progress',
  Progress__c: 67
};

const typed = fc.oneof(
  fc.string(),
  fc.constantFrom('', 'abc', '12.345', '67', '100', '101', '-1', '1e2', ' 40 ', '٤٠', '4,0'),
  fc.integer({ min: -200, max: 300 }).map(String),
  fc.double({ noNaN: false }).map(String)
);

describe('goal progress under fuzzing', () => {
  it('refuses with a message, or updates the goal within every validation rule', () => {
    let sent = 0;
    fc.assert(
      fc.property(typed, (text) => {
        const progress = parseProgress(text);
        if (!progress.ok) return progress.message.trim() !== '';
        const value = progress.value;
        const updated = { ...GOAL, Progress__c: value };
        expect({
          // Blank text clears the progress on purpose; anything else is a whole percent.
          kept: text.trim() === '' ? value === null : Number.isInteger(value),
          rules: brokenRules('Development_Goal__c', updated, { today: TODAY, prior: GOAL })
        }).toEqual({ kept: true, rules: [] });
        sent++;
        return true;
      }),
      { numRuns: 500 }
    );
    expect(sent).toBeGreaterThan(10);
  });
});
