import { errorSummary, fieldErrors, reduceErrors, splitSaveErrors } from 'c/ldsErrors';

// A createRecord failure as UI API returns it: a DML error with record and field errors.
const DML_ERROR = {
  status: 400,
  statusText: 'Bad Request',
  body: {
    message: 'An error occurred while trying to update the record. Please try again.',
    statusCode: 400,
    errorCode: 'INVALID_FIELD',
    output: {
      errors: [
        {
          errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
          message: 'Follow-up date cannot be before the session date.'
        }
      ],
      fieldErrors: {
        Follow_Up_Date__c: [
          {
            errorCode: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
            field: 'Follow_Up_Date__c',
            fieldLabel: 'Follow-Up Date',
            message: 'Follow-up date cannot be before the session date.'
          }
        ],
        Rep_Rating__c: [{ errorCode: 'NUMBER_OUTSIDE_VALID_RANGE', message: 'Rating must be 1–5.' }]
      }
    }
  }
};

describe('reduceErrors', () => {
  it.each([
    ['a string', 'Plain failure', ['Plain failure']],
    [
      'a JS Error',
      new TypeError('Cannot read properties of undefined'),
      ['Cannot read properties of undefined']
    ],
    [
      'a UI API body array',
      { body: [{ errorCode: 'NOT_FOUND', message: 'The requested resource does not exist' }] },
      ['The requested resource does not exist']
    ],
    [
      'a body message',
      { body: { message: 'Insufficient access', errorCode: 'INSUFFICIENT_ACCESS' } },
      ['Insufficient access']
    ],
    ['a body string', { body: 'Service Unavailable' }, ['Service Unavailable']],
    [
      'a GraphQL errors array',
      {
        data: null,
        errors: [
          { message: 'Field Foo is undefined' },
          { message: 'Field Foo is undefined' },
          { message: 'Bad filter' }
        ]
      },
      ['Field Foo is undefined', 'Bad filter']
    ],
    ['a bare GraphQL error list', [{ message: 'One' }, { message: 'Two' }], ['One', 'Two']],
    [
      'only a status text',
      { status: 503, statusText: 'Service Unavailable' },
      ['Service Unavailable']
    ],
    [
      'a pageErrors body',
      { body: { pageErrors: [{ message: 'Record locked' }], fieldErrors: {} } },
      ['Record locked']
    ]
  ])('reads %s', (_name, error, expected) => {
    expect(reduceErrors(error)).toEqual(expected);
  });

  it('reads record errors and field errors once each, without the generic wrapper (defect 7)', () => {
    // "An error occurred … Please try again." says nothing the user can act on when the
    // specific messages are there.
    expect(reduceErrors(DML_ERROR)).toEqual([
      'Follow-up date cannot be before the session date.',
      'Rating must be 1–5.'
    ]);
  });

  it('keeps the generic DML message when it is all there is', () => {
    expect(
      reduceErrors({
        body: { message: 'An error occurred.', output: { errors: [], fieldErrors: {} } }
      })
    ).toEqual(['An error occurred.']);
  });

  it('flattens a list of mixed errors and drops duplicates', () => {
    expect(
      reduceErrors(['Oops', new Error('Oops'), { body: { message: 'Other' } }, null, undefined])
    ).toEqual(['Oops', 'Other']);
  });

  it('returns nothing for values that carry no message', () => {
    expect(reduceErrors(null)).toEqual([]);
    expect(reduceErrors(undefined)).toEqual([]);
    expect(reduceErrors({})).toEqual([]);
    expect(reduceErrors(42)).toEqual([]);
    expect(reduceErrors('   ')).toEqual([]);
  });

  it('summarises for a toast, with a fallback', () => {
    expect(errorSummary({ errors: [{ message: 'A.' }, { message: 'B.' }] })).toBe('A. B.');
    expect(errorSummary({}, 'Unknown error')).toBe('Unknown error');
  });
});

describe('fieldErrors', () => {
  it('maps field API names to their messages for inline errors', () => {
    expect(fieldErrors(DML_ERROR)).toEqual({
      Follow_Up_Date__c: ['Follow-up date cannot be before the session date.'],
      Rep_Rating__c: ['Rating must be 1–5.']
    });
  });

  it('reads errors that name their field, and merges without duplicates', () => {
    expect(
      fieldErrors([
        {
          body: [
            {
              errorCode: 'REQUIRED_FIELD_MISSING',
              message: 'Required fields are missing',
              fields: ['Rep__c', 'Session_Date__c']
            }
          ]
        },
        {
          body: {
            fieldErrors: {
              Rep__c: [{ message: 'Required fields are missing' }, { message: 'Must be active' }]
            }
          }
        },
        { message: 'Too long', fieldName: 'Commitments__c' }
      ])
    ).toEqual({
      Rep__c: ['Required fields are missing', 'Must be active'],
      Session_Date__c: ['Required fields are missing'],
      Commitments__c: ['Too long']
    });
  });

  it('is empty for errors without fields', () => {
    expect(fieldErrors('Plain failure')).toEqual({});
    expect(fieldErrors({ errors: [{ message: 'GraphQL' }] })).toEqual({});
    expect(fieldErrors(null)).toEqual({});
  });
});

describe('splitSaveErrors (defect 7)', () => {
  it('names the field once: strips the label the platform puts in front, and keeps the rest apart', () => {
    const tooLong = {
      status: 400,
      body: {
        message: 'An error occurred while trying to create the record. Please try again.',
        output: {
          errors: [{ errorCode: 'INSUFFICIENT_ACCESS', message: 'Record locked.' }],
          fieldErrors: {
            Strengths__c: [
              {
                errorCode: 'STRING_TOO_LONG',
                field: 'Strengths__c',
                fieldLabel: 'Strengths',
                message: 'Strengths: data value too large: xxxx… (max length=32768)'
              }
            ]
          }
        }
      }
    };
    expect(splitSaveErrors(tooLong)).toEqual({
      byField: { Strengths__c: ['data value too large: xxxx… (max length=32768)'] },
      other: ['Record locked.']
    });
  });

  it('keeps field messages out of the other messages', () => {
    expect(splitSaveErrors(DML_ERROR)).toEqual({
      byField: {
        Follow_Up_Date__c: ['Follow-up date cannot be before the session date.'],
        Rep_Rating__c: ['Rating must be 1–5.']
      },
      other: []
    });
    expect(splitSaveErrors('Plain failure')).toEqual({ byField: {}, other: ['Plain failure'] });
  });
});
