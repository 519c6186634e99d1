/**
 * Fuzzing the session form's model: whatever is typed, validateSession either refuses it with a
 * message the user can act on, or the records toRecordFields and toPrivateNoteFields build pass
 * every validation rule of their objects, evaluated by the preview's formula engine over the
 * rules in force-app (and fit the fields: whole minutes within the precision, text within the
 * length). Seeded in jest-fast-check-setup.js, so a failure repeats.
 */
import fc from 'fast-check';
import {
  emptyValues,
  toPrivateNoteFields,
  toRecordFields,
  validateSession,
  type SessionValues
} from 'c/sessionDraft';
import { brokenRules } from '../../../../../test/validationRules';

const TODAY = '2026-11-23';
const USER = '005000000000000AAA';
const REP = '005000000000011AAA';
const SESSION_ID = 'a00000000000001AAA';

/** Anything a user may type, weighted so plausible entries come up as often as odd ones. */
const oddText = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom(' ', 'abc', '12.345', '12.5', '1e15', '-0', '١٢', '1,440', '9999', '99999'),
  fc.integer({ min: -100000, max: 100000 }).map(String),
  fc.double({ noNaN: false }).map(String),
  fc.constant('x'.repeat(32769))
);
const text = fc.oneof(
  { arbitrary: fc.constant(''), weight: 3 },
  { arbitrary: fc.string({ maxLength: 40 }), weight: 3 },
  { arbitrary: oddText, weight: 1 }
);
const minutes = fc.oneof(
  { arbitrary: fc.constant(''), weight: 3 },
  { arbitrary: fc.integer({ min: 1, max: 1440 }).map(String), weight: 3 },
  { arbitrary: oddText, weight: 2 }
);
const isoDay = (min: number, max: number) =>
  fc
    .integer({ min, max })
    .map((offset) => new Date(Date.UTC(2026, 10, 23 + offset)).toISOString().slice(0, 10));
const oddDate = fc.oneof(fc.constantFrom('2026-02-30', '23/11/2026'), fc.string());
const sessionDate = fc.oneof(
  { arbitrary: isoDay(-400, 0), weight: 5 },
  { arbitrary: isoDay(1, 400), weight: 2 },
  { arbitrary: fc.oneof(fc.constant(''), oddDate), weight: 1 }
);
const followUpDate = fc.oneof(
  { arbitrary: fc.constant(''), weight: 3 },
  { arbitrary: isoDay(-400, 400), weight: 3 },
  { arbitrary: oddDate, weight: 1 }
);

const values: fc.Arbitrary<SessionValues> = fc.record({
  repId: fc.constantFrom('', REP, REP, REP),
  sessionType: fc.constantFrom('Deal Review', 'One-on-One', ''),
  status: fc.constantFrom('Completed', 'Planned', 'Cancelled', ''),
  sessionDate,
  durationMinutes: minutes,
  focusAreas: fc.array(fc.constantFrom('Discovery', 'Closing'), { maxLength: 2 }),
  strengths: text,
  developmentAreas: text,
  commitments: text,
  followUpDate,
  goalId: fc.constantFrom('', 'a02000000000001AAA'),
  privateNotes: text
});

describe('session form model under fuzzing', () => {
  it('refuses with a message, or sends records that pass every validation rule', () => {
    let sent = 0;
    fc.assert(
      fc.property(values, (input) => {
        const violations = validateSession(input, { today: TODAY });
        if (violations.length > 0) {
          return violations.every((violation) => violation.message.trim() !== '');
        }
        const session = toRecordFields(input, { coachId: USER, opportunityId: null });
        const note = toPrivateNoteFields(input, SESSION_ID) ?? {};
        const duration = session.Duration_Minutes__c ?? 0;
        const texts = [
          session.Strengths__c,
          session.Development_Areas__c,
          session.Commitments__c,
          note.Body__c
        ];
        expect({
          sessionRules: brokenRules('Coaching_Session__c', session, { today: TODAY }),
          noteRules: note.Body__c
            ? brokenRules('Coaching_Private_Note__c', note, { today: TODAY })
            : [],
          wholeMinutesWithinPrecision: Number.isInteger(duration) && Number(duration) < 10000,
          textsWithinLength: texts.every((value) => String(value ?? '').length <= 32768)
        }).toEqual({
          sessionRules: [],
          noteRules: [],
          wholeMinutesWithinPrecision: true,
          textsWithinLength: true
        });
        sent++;
        return true;
      }),
      { numRuns: 400 }
    );
    // Both sides of the property were exercised.
    expect(sent).toBeGreaterThan(10);
  });

  it('accepts a plain valid session (the property is not vacuous)', () => {
    const plain = { ...emptyValues(TODAY), repId: REP, strengths: 'Clear agenda' };
    expect(validateSession(plain, { today: TODAY })).toEqual([]);
  });
});
