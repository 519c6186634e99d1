import {
  type FieldElement,
  type FormError,
  clearFieldError,
  optionsOf,
  showFieldErrors
} from 'c/formSupport';

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
    expect(input('sessionDate').reported).toBe(0);
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
