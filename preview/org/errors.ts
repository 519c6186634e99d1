/**
 * Errors in the shapes the platform returns, so the components' one error pipeline
 * (reduceErrors) is exercised by the preview exactly as by an org.
 *
 * UI API (lightning/uiRecordApi) rejects with a FetchResponse-like object:
 *   record save errors: { status: 400, body: { message, output: { errors, fieldErrors } } }
 *   other errors:       { status, body: [{ errorCode, message }] }
 * GraphQL returns `errors: [{ message, locations, path, extensions }]` beside `data`.
 */

export interface UiApiErrorDetail {
  constituentField: string | null;
  duplicateRecordError: null;
  errorCode: string;
  field: string | null;
  fieldLabel: string | null;
  message: string;
}

export interface RecordErrorOutput {
  errors: UiApiErrorDetail[];
  fieldErrors: Record<string, UiApiErrorDetail[]>;
}

export interface UiApiRecordErrorBody {
  enhancedErrorType: 'RecordError';
  message: string;
  output: RecordErrorOutput;
  statusCode: number;
  errorCode?: string;
}

export type UiApiErrorBody = UiApiRecordErrorBody | { errorCode: string; message: string }[];

/** What a rejected uiRecordApi promise carries (and a getRecord wire's `error`). */
export class UiApiError extends Error {
  readonly ok = false;
  readonly headers: Record<string, string> = {};

  constructor(
    readonly status: number,
    readonly statusText: string,
    readonly body: UiApiErrorBody
  ) {
    super(Array.isArray(body) ? body.map((entry) => entry.message).join('; ') : body.message);
    this.name = 'UiApiError';
  }

  /** A plain-object copy, as the platform's errors are plain objects once they cross LDS. */
  toJSON(): {
    ok: false;
    status: number;
    statusText: string;
    headers: Record<string, string>;
    body: UiApiErrorBody;
  } {
    return {
      ok: false,
      status: this.status,
      statusText: this.statusText,
      headers: this.headers,
      body: this.body
    };
  }

  /** The individual messages, page-level first, for GraphQL mutation errors. */
  details(): UiApiErrorDetail[] {
    if (Array.isArray(this.body)) {
      return this.body.map((entry) => detail(entry.errorCode, entry.message));
    }
    const { errors, fieldErrors } = this.body.output;
    return [...errors, ...Object.values(fieldErrors).flat()];
  }
}

export function detail(
  errorCode: string,
  message: string,
  field: string | null = null,
  fieldLabel: string | null = null
): UiApiErrorDetail {
  return {
    constituentField: null,
    duplicateRecordError: null,
    errorCode,
    field,
    fieldLabel,
    message
  };
}

/** A record save rejected by validation: page-level errors plus errors per field. */
export function recordError(
  output: RecordErrorOutput,
  action: 'create' | 'update' | 'delete'
): UiApiError {
  const verb = action === 'create' ? 'create' : action === 'update' ? 'update' : 'delete';
  return new UiApiError(400, 'Bad Request', {
    enhancedErrorType: 'RecordError',
    message: `An error occurred while trying to ${verb} the record. Please try again.`,
    output,
    statusCode: 400
  });
}

export function simpleError(
  status: number,
  statusText: string,
  errorCode: string,
  message: string
): UiApiError {
  return new UiApiError(status, statusText, [{ errorCode, message }]);
}

export function notFound(): UiApiError {
  return simpleError(404, 'Not Found', 'NOT_FOUND', 'The requested resource does not exist');
}

export function insufficientAccess(): UiApiError {
  return recordError(
    {
      errors: [
        detail('INSUFFICIENT_ACCESS_OR_READONLY', 'insufficient access rights on object id')
      ],
      fieldErrors: {}
    },
    'update'
  );
}

/** The error a fault-injected request fails with: what a dropped or overloaded server gives. */
export const INJECTED_FAILURE_MESSAGE =
  'Service Unavailable: the server could not complete the request. Try again in a moment.';

export function injectedFailure(): UiApiError {
  return simpleError(503, 'Service Unavailable', 'SERVICE_UNAVAILABLE', INJECTED_FAILURE_MESSAGE);
}
