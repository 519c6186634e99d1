/**
 * Fuzzing a plan review: whatever the reviewer types, validateReview either refuses it with a
 * message, or the writes reviewSteps makes — the plan update and the review record — pass every
 * validation rule of Territory_Plan__c and Territory_Plan_Review__c, evaluated by the preview's
 * formula engine over the rules in force-app, and fit their fields.
 */
import fc from 'fast-check';
import type { CreateStep, RecordFields, UpdateStep } from 'c/formSupport';
import { reviewSteps, validateReview, type ReviewDraft } from '../planModel';
import { brokenRules } from '../../../../../test/validationRules';

const TODAY = '2026-11-23';
const PLAN = {
  Id: 'a03000000000001AAA',
  Name: 'Q4 West',
  Plan_Owner__c: '005000000000009AAA',
  Manager__c: '005000000000000AAA',
  Period_Start__c: '2026-10-01',
  Period_End__c: '2026-12-31',
  Target_Amount__c: 200000,
  Status__c: 'Active',
  Last_Reviewed__c: null,
  Review_Notes__c: null
};

const target = fc.oneof(
  { arbitrary: fc.integer({ min: 1, max: 5_000_000 }).map(String), weight: 3 },
  { arbitrary: fc.double({ min: -1e16, max: 1e16, noNaN: true }).map(String), weight: 2 },
  {
    arbitrary: fc.constantFrom('', '0', '-1', 'abc', '1e15', '150000.555', '150,000.55', '١٢'),
    weight: 2
  },
  { arbitrary: fc.string(), weight: 1 }
);
const notes = fc.oneof(
  { arbitrary: fc.string({ maxLength: 60 }), weight: 4 },
  { arbitrary: fc.constant('n'.repeat(32769)), weight: 1 }
);
const drafts: fc.Arbitrary<ReviewDraft> = fc.record({ notes, target });

describe('plan review under fuzzing', () => {
  it('refuses with a message, or writes a plan and a review within every rule', () => {
    let sent = 0;
    fc.assert(
      fc.property(drafts, fc.boolean(), (draft, canAdjustTarget) => {
        const violations = validateReview(draft, { canAdjustTarget });
        if (violations.length > 0) {
          return violations.every((violation) => violation.message.trim() !== '');
        }
        const plan = {
          id: PLAN.Id,
          target: PLAN.Target_Amount__c,
          lastReviewed: null,
          reviewNotes: null
        };
        const [update, create] = reviewSteps(plan, draft, {
          today: TODAY,
          reviewerId: PLAN.Manager__c,
          canAdjustTarget
        }) as [UpdateStep, CreateStep];
        const updated = { ...PLAN, ...update.fields };
        const review = create.fields as RecordFields;
        expect({
          planRules: brokenRules('Territory_Plan__c', updated as never, {
            today: TODAY,
            prior: PLAN
          }),
          reviewRules: brokenRules('Territory_Plan_Review__c', review as never, { today: TODAY }),
          notesFit: typeof review.Notes__c !== 'string' || review.Notes__c.length <= 32768,
          // The restore puts back exactly what the update changed.
          restoresItsFields: Object.keys(update.restore).every((field) => field in update.fields)
        }).toEqual({ planRules: [], reviewRules: [], notesFit: true, restoresItsFields: true });
        sent++;
        return true;
      }),
      { numRuns: 500 }
    );
    expect(sent).toBeGreaterThan(10);
  });
});
