import { createRecord, deleteRecord, updateRecord } from 'lightning/uiRecordApi';
import {
  type FieldElement,
  type FormError,
  type WriteStep,
  characterCount,
  clearFieldError,
  fieldLimits,
  isRecordId,
  numberMessage,
  numberText,
  optionsOf,
  parseNumber,
  saveAll,
  separatorsOf,
  showFieldErrors,
  textLengthMessage
} from 'c/formSupport';

const createRecordMock = createRecord as unknown as jest.Mock;
const updateRecordMock = updateRecord as unknown as jest.Mock;
const deleteRecordMock = deleteRecord as unknown as jest.Mock;

type Field = 'repId' | 'sessionDate';
const LABELS: Record<Field, string> = { repId: 'Rep', sessionDate: 'Session date' };

interface FakeInput extends FieldElement {
  message: string;
  reported: number;
}

/** A form root with one input per field, recording what the helpers tell each input. */
function formWith(...fields: string[]): { root: HTMLElement; input: (f: string) => FakeInput } {
  const root = document.createElement('div');
  for (const field of fields) {
    const input = document.createElement('div') as unknown as FakeInput;
    input.dataset.field = field;
    input.message = '';
    input.reported = 0;
    input.setCustomValidity = (message: string) => {
      input.message = message;
    };
    input.reportValidity = () => {
      input.reported += 1;
      return input.message === '';
    };
    input.checkValidity = () => input.message === '';
    root.appendChild(input);
  }
  return {
    root,
    input: (f) => root.querySelector(`[data-field="${f}"]`) as unknown as FakeInput
  };
}

describe('formSupport', () => {
  it('turns picklist values into combobox options and tolerates a missing result', () => {
    expect(optionsOf({ values: [{ label: 'One-on-One', value: 'One-on-One' }] })).toEqual([
      { label: 'One-on-One', value: 'One-on-One' }
    ]);
    expect(optionsOf(undefined)).toEqual([]);
  });

  it('sets the first message of each field on its input and returns labelled summary rows', () => {
    const { root, input } = formWith('repId', 'sessionDate');
    const rows = showFieldErrors<Field>(
      root,
      [
        { field: 'repId', message: 'Choose a rep.' },
        { field: 'repId', message: 'Second message.' }
      ],
      LABELS
    );
    expect(input('repId').message).toBe('Choose a rep.');
    expect(input('repId').reported).toBe(1);
    expect(input('sessionDate').message).toBe('');
    // A valid field is reported too: that hides a message it showed before (defect 9).
    expect(input('sessionDate').reported).toBe(1);
    expect(rows).toEqual([
      { key: 'repId-0', field: 'Rep', message: 'Choose a rep.' },
      { key: 'repId-1', field: 'Rep', message: 'Second message.' }
    ]);
  });

  it('clears every input when shown an empty list', () => {
    const { root, input } = formWith('repId');
    showFieldErrors<Field>(root, [{ field: 'repId', message: 'Choose a rep.' }], LABELS);
    expect(showFieldErrors<Field>(root, [], LABELS)).toEqual([]);
    expect(input('repId').message).toBe('');
  });

  it('reports a cleared field again so its old message leaves the screen (defect 9)', () => {
    const { root, input } = formWith('repId');
    showFieldErrors<Field>(root, [{ field: 'repId', message: 'Enter a whole number.' }], LABELS);
    const before = input('repId').reported;
    showFieldErrors<Field>(root, [], LABELS);
    expect(input('repId').reported).toBe(before + 1);
    clearFieldError<Field>(root, [], 'repId', LABELS);
    expect(input('repId').reported).toBe(before + 2);
  });

  it('leaves an invalid untouched field unreported when clearing (no "complete this field")', () => {
    const { root, input } = formWith('repId');
    input('repId').checkValidity = () => false;
    showFieldErrors<Field>(root, [], LABELS);
    expect(input('repId').reported).toBe(0);
  });

  it('clears one field on edit and keeps the other rows', () => {
    const { root, input } = formWith('repId', 'sessionDate');
    const rows = showFieldErrors<Field>(
      root,
      [
        { field: 'repId', message: 'Choose a rep.' },
        { field: 'sessionDate', message: 'Enter a date.' }
      ],
      LABELS
    );
    const after = clearFieldError<Field>(root, rows, 'repId', LABELS);
    expect(after.map((row) => row.field)).toEqual(['Session date']);
    expect(input('repId').message).toBe('');
    expect(input('sessionDate').message).toBe('Enter a date.');
  });

  it('returns the same summary when the edited field had no message (no re-render)', () => {
    const { root } = formWith('repId');
    const rows: FormError[] = [{ key: 'sessionDate-0', field: 'Session date', message: 'x' }];
    expect(clearFieldError<Field>(root, rows, 'repId', LABELS)).toBe(rows);
    expect(clearFieldError<Field>(null, [], 'repId', LABELS)).toEqual([]);
  });
});

describe('parseNumber (defects 1, 8, 9)', () => {
  const EN = { decimal: '.', group: ',' };
  const DE = { decimal: ',', group: '.' };
  const FR = { decimal: ',', group: '\u202f' };

  it.each([
    ['', null],
    ['  ', null],
    ['67', 67],
    [' 67 ', 67],
    ['-50', -50],
    ['+4', 4],
    ['0.5', 0.5],
    ['.5', 0.5],
    ['1,234.5', 1234.5],
    ['1234.50', 1234.5],
    ['0', 0],
    ['-0', 0]
  ])('reads %j as %p in en-US', (text, expected) => {
    expect(parseNumber(text, {}, EN)).toEqual({ ok: true, value: expected });
  });

  it.each([
    'abc',
    '12abc',
    '1e15',
    '1,2,3',
    '12,34',
    '--1',
    '1.2.3',
    '.',
    '-',
    'NaN',
    'Infinity',
    '١٢'
  ])('rejects %j as a number instead of reading it as blank', (text) => {
    expect(parseNumber(text, {}, EN)).toEqual({ ok: false, problem: { kind: 'invalid' } });
  });

  it('reads the user’s separators', () => {
    expect(parseNumber('1.234,5', {}, DE)).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('12,5', {}, DE)).toEqual({ ok: true, value: 12.5 });
    expect(parseNumber('1 234,5', {}, FR)).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumber('1\u00a0234', {}, FR)).toEqual({ ok: true, value: 1234 });
    expect(parseNumber('12.5', {}, DE)).toEqual({ ok: false, problem: { kind: 'invalid' } });
  });

  it('refuses more decimals than the field keeps instead of rounding', () => {
    expect(parseNumber('12.345', { scale: 0 }, EN)).toEqual({
      ok: false,
      problem: { kind: 'scale', scale: 0 }
    });
    expect(parseNumber('12.5', { scale: 0 }, EN)).toEqual({
      ok: false,
      problem: { kind: 'scale', scale: 0 }
    });
    expect(parseNumber('150000.555', { scale: 2 }, EN)).toEqual({
      ok: false,
      problem: { kind: 'scale', scale: 2 }
    });
    expect(parseNumber('150000.550', { scale: 2 }, EN)).toEqual({ ok: true, value: 150000.55 });
    expect(parseNumber('12.0', { scale: 0 }, EN)).toEqual({ ok: true, value: 12 });
  });

  it('refuses more digits than the field holds', () => {
    expect(parseNumber('99999', { scale: 0, precision: 4 }, EN)).toEqual({
      ok: false,
      problem: { kind: 'precision', digits: 4 }
    });
    expect(parseNumber('9999', { scale: 0, precision: 4 }, EN)).toEqual({ ok: true, value: 9999 });
    expect(parseNumber('1,000,000,000,000,000', { scale: 2, precision: 16 }, EN)).toEqual({
      ok: false,
      problem: { kind: 'precision', digits: 14 }
    });
    expect(parseNumber('0.25', { scale: 2, precision: 2 }, EN)).toEqual({ ok: true, value: 0.25 });
  });

  it('takes numbers as they are', () => {
    expect(parseNumber(42, {}, DE)).toEqual({ ok: true, value: 42 });
    expect(parseNumber(12.5, { scale: 0 }, DE)).toEqual({
      ok: false,
      problem: { kind: 'scale', scale: 0 }
    });
    expect(parseNumber(undefined)).toEqual({ ok: true, value: null });
  });

  it('writes numbers back the way they parse', () => {
    expect(numberText(1234.5, DE)).toBe('1234,5');
    expect(numberText(1e-7, EN)).toBe('0.0000001');
    expect(numberText(null, EN)).toBe('');
    for (const value of [0, 12, -50, 150000.55, 0.1, 99999999999.99]) {
      expect(parseNumber(numberText(value, DE), {}, DE)).toEqual({ ok: true, value });
    }
  });

  it('says what to do about each problem', () => {
    expect(numberMessage({ kind: 'invalid' }, EN)).toBe('c.SC_Form_Number_Invalid');
    expect(numberMessage({ kind: 'scale', scale: 0 })).toBe('c.SC_Form_Number_Whole');
    expect(numberMessage({ kind: 'scale', scale: 2 })).toBe('c.SC_Form_Number_Scale');
    expect(numberMessage({ kind: 'precision', digits: 14 })).toBe('c.SC_Form_Number_Precision');
  });

  it('finds a locale’s separators, and falls back for one Intl rejects', () => {
    expect(separatorsOf('de-DE')).toEqual({ decimal: ',', group: '.' });
    expect(separatorsOf('en-US')).toEqual({ decimal: '.', group: ',' });
    expect(separatorsOf('de-DE-EURO')).toEqual({ decimal: ',', group: '.' });
  });
});

describe('text length and field limits (defect 7)', () => {
  it('flags text over the limit and counts characters', () => {
    expect(textLengthMessage('x'.repeat(40000), 32768)).toBe('c.SC_Form_Text_Too_Long');
    expect(textLengthMessage('x'.repeat(32768), 32768)).toBeNull();
    expect(textLengthMessage('anything', null)).toBeNull();
    expect(characterCount('abc', 32768)).toBe('c.SC_Form_Characters');
    expect(characterCount('abc', null)).toBe('');
  });

  it('reads limits from object info, else from the fallback', () => {
    const info = {
      apiName: 'X__c',
      label: 'X',
      labelPlural: 'Xs',
      createable: true,
      updateable: true,
      deletable: true,
      fields: {
        Notes__c: {
          apiName: 'Notes__c',
          label: 'Notes',
          dataType: 'TextArea',
          required: false,
          updateable: true,
          createable: true,
          length: 255,
          precision: 0,
          scale: 0
        },
        Amount__c: {
          apiName: 'Amount__c',
          label: 'Amount',
          dataType: 'Currency',
          required: false,
          updateable: true,
          createable: true,
          length: 0,
          precision: 16,
          scale: 2
        }
      }
    };
    expect(fieldLimits(info, 'Notes__c')).toEqual({ length: 255, scale: null, precision: null });
    expect(fieldLimits(info, 'Amount__c')).toEqual({ length: null, scale: 2, precision: 16 });
    expect(fieldLimits(undefined, 'Amount__c', { scale: 2, precision: 16 })).toEqual({
      length: null,
      scale: 2,
      precision: 16
    });
  });
});

describe('isRecordId (defect 4)', () => {
  it.each([
    ['006Dp0000000033IAA', true],
    ['006Dp0000000033', true],
    ['006Dp0000000033IA', false],
    ['not-an-id', false],
    ["006Dp0000000033IAA' OR 1=1", false],
    [undefined, false]
  ])('%j → %p', (value, expected) => {
    expect(isRecordId(value)).toBe(expected);
  });
});

describe('saveAll: several records, all or nothing (defects 2, 3, 12)', () => {
  const steps: WriteStep[] = [
    { action: 'create', apiName: 'Parent__c', fields: { Name: 'P' } },
    { action: 'create', apiName: 'Child__c', fields: ([parent]) => ({ Parent__c: parent.id }) },
    {
      action: 'update',
      fields: { Id: 'a03000000000001AAA', Target__c: 5 },
      restore: { Target__c: 3 }
    }
  ];

  beforeEach(() => {
    // clearMocks keeps implementations (and unused "once" ones) between tests: start clean.
    [createRecordMock, updateRecordMock, deleteRecordMock].forEach((mock) => mock.mockReset());
    let next = 0;
    createRecordMock.mockImplementation(({ apiName }: { apiName: string }) =>
      Promise.resolve({ id: `${apiName}-${++next}`, apiName, fields: {} })
    );
    updateRecordMock.mockImplementation(({ fields }: { fields: { Id: string } }) =>
      Promise.resolve({ id: fields.Id, apiName: 'X', fields: {} })
    );
    deleteRecordMock.mockResolvedValue(undefined);
  });

  it('writes every step in order, giving later steps the records created before', async () => {
    const outcome = await saveAll(steps);
    expect(outcome.ok).toBe(true);
    expect(createRecordMock.mock.calls.map(([input]) => input as unknown)).toEqual([
      { apiName: 'Parent__c', fields: { Name: 'P' } },
      { apiName: 'Child__c', fields: { Parent__c: 'Parent__c-1' } }
    ]);
    expect(updateRecordMock).toHaveBeenCalledWith({
      fields: { Id: 'a03000000000001AAA', Target__c: 5 }
    });
    expect(deleteRecordMock).not.toHaveBeenCalled();
  });

  it.each([0, 1, 2])(
    'undoes everything written before step %i fails, newest first',
    async (failing) => {
      const failure = new Error('Service Unavailable');
      let call = 0;
      const create = createRecordMock.getMockImplementation() as (input: unknown) => unknown;
      const update = updateRecordMock.getMockImplementation() as (input: unknown) => unknown;
      const failAtStep = (ok: (input: unknown) => unknown) => (input: unknown) => {
        if (call++ === failing) return Promise.reject(failure);
        return ok(input);
      };
      createRecordMock.mockImplementation(failAtStep(create));
      updateRecordMock.mockImplementationOnce(failAtStep(update));
      const outcome = await saveAll(steps);
      expect(outcome).toEqual(
        expect.objectContaining({ ok: false, error: failure, failedStep: failing, undone: true })
      );
      const deleted = deleteRecordMock.mock.calls.map(([id]) => id as string);
      expect(deleted).toEqual(['Child__c-2', 'Parent__c-1'].slice(2 - failing));
      // Nothing is restored: the update was the failing step or never ran.
      expect(updateRecordMock.mock.calls.length).toBe(failing === 2 ? 1 : 0);
    }
  );

  it('puts an updated record back when a later step fails', async () => {
    const reordered: WriteStep[] = [steps[2], steps[0]];
    createRecordMock.mockRejectedValueOnce(new Error('No'));
    const outcome = await saveAll(reordered);
    expect(outcome).toEqual(expect.objectContaining({ ok: false, failedStep: 1, undone: true }));
    expect(updateRecordMock.mock.calls.map(([input]) => input as unknown)).toEqual([
      { fields: { Id: 'a03000000000001AAA', Target__c: 5 } },
      { fields: { Target__c: 3, Id: 'a03000000000001AAA' } }
    ]);
  });

  it('says so when an earlier record could not be undone, and returns it', async () => {
    createRecordMock
      .mockResolvedValueOnce({ id: 'kept', apiName: 'Parent__c', fields: {} })
      .mockRejectedValueOnce(new Error('Note failed'));
    deleteRecordMock.mockRejectedValueOnce(new Error('Delete failed'));
    const outcome = await saveAll(steps.slice(0, 2));
    expect(outcome).toEqual(expect.objectContaining({ ok: false, failedStep: 1, undone: false }));
    expect(outcome.records.map((record) => record.id)).toEqual(['kept']);
  });
});
