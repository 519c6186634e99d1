import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  evaluateFormula,
  FormulaError,
  splitOperators,
  unsupportedFunctions,
  type FormulaValue
} from './formula';

function evaluate(
  source: string,
  fields: Record<string, FormulaValue> = {},
  prior: Record<string, FormulaValue> = {}
) {
  return evaluateFormula(source, {
    today: '2026-11-23',
    userId: '005000000000001AAA',
    field: (path) => fields[path] ?? null,
    prior: (path) => prior[path] ?? null,
    isNew: Object.keys(prior).length === 0
  });
}

void describe('formula evaluator', () => {
  void it('evaluates the validation-rule subset', () => {
    const rule = 'AND(NOT(ISBLANK(Follow_Up_Date__c)), Follow_Up_Date__c < Session_Date__c)';
    assert.equal(
      evaluate(rule, { Follow_Up_Date__c: '2026-11-01', Session_Date__c: '2026-11-20' }),
      true
    );
    assert.equal(
      evaluate(rule, { Follow_Up_Date__c: '2026-11-20', Session_Date__c: '2026-11-20' }),
      false
    );
    assert.equal(evaluate(rule, { Session_Date__c: '2026-11-20' }), false);
    const rating = 'AND(NOT(ISNULL(Rep_Rating__c)), OR(Rep_Rating__c < 1, Rep_Rating__c > 5))';
    assert.equal(evaluate(rating, { Rep_Rating__c: 6 }), true);
    assert.equal(evaluate(rating, { Rep_Rating__c: 5 }), false);
    assert.equal(evaluate(rating, {}), false);
    assert.equal(evaluate('Progress__c < 0 || Progress__c > 100', { Progress__c: 101 }), true);
    assert.equal(
      evaluate('ISPICKVAL(Status__c, \'Completed\') && TEXT(Status__c) = "Completed"', {
        Status__c: 'Completed'
      }),
      true
    );
    assert.equal(evaluate('NOT(Target_Amount__c > 0)', { Target_Amount__c: 0 }), true);
    assert.equal(
      evaluate('Target_Amount__c < = 0', { Target_Amount__c: 0 }),
      true,
      'Prettier-split <='
    );
    assert.deepEqual(splitOperators('OR(a < = 0, b > = 1, c <= 2)'), ['< =', '> =']);
    assert.equal(
      evaluate('Target_Amount__c < = 0', { Target_Amount__c: 0 }),
      true,
      'Prettier-split <='
    );
    assert.deepEqual(splitOperators('OR(a < = 0, b > = 1, c <= 2)'), ['< =', '> =']);
  });

  void it('does date and number arithmetic, IF and the date functions', () => {
    const cycle = 'IF(IsClosed, CloseDate - DATEVALUE(CreatedDate), NULL)';
    assert.equal(
      evaluate(cycle, {
        IsClosed: true,
        CloseDate: '2026-03-31',
        CreatedDate: '2026-01-30T15:00:00.000Z'
      }),
      60
    );
    assert.equal(evaluate(cycle, { IsClosed: false, CloseDate: '2026-03-31' }), null);
    assert.equal(evaluate('Start__c + 7', { Start__c: '2026-12-28' }), '2027-01-04');
    assert.equal(evaluate('TODAY() - 1'), '2026-11-22');
    assert.equal(evaluate('2 + 3 * 4 ^ 2 / 8'), 8);
    assert.equal(evaluate('Amount * Probability / 100', { Amount: 1000, Probability: 25 }), 250);
    assert.equal(evaluate('Amount * 2', {}), null, 'blank arithmetic stays blank');
    assert.equal(evaluate('YEAR(d) & "-" & TEXT(MONTH(d))', { d: '2026-02-03' }), '2026-2');
  });

  void it('knows prior values and new records', () => {
    assert.equal(
      evaluate('ISCHANGED(Status__c)', { Status__c: 'Active' }, { Status__c: 'Draft' }),
      true
    );
    assert.equal(
      evaluate('ISCHANGED(Status__c)', { Status__c: 'Active' }, { Status__c: 'Active' }),
      false
    );
    assert.equal(
      evaluate('PRIORVALUE(Status__c)', { Status__c: 'Active' }, { Status__c: 'Draft' }),
      'Draft'
    );
    assert.equal(evaluate('ISNEW()'), true);
    assert.equal(evaluate('Rep__c = $User.Id', { Rep__c: '005000000000001AAA' }), true);
  });

  void it('reports what it cannot evaluate instead of guessing', () => {
    assert.deepEqual(unsupportedFunctions('AND(VLOOKUP(x), ISBLANK(y))'), ['VLOOKUP']);
    assert.throws(() => evaluate('AND(1, '), FormulaError);
    assert.throws(() => evaluate('VLOOKUP(1)'), FormulaError);
  });
});
