/**
 * One error pipeline for every Lightning Data Service failure: UI API errors from
 * createRecord/updateRecord and wire adapters, GraphQL `errors` arrays, fetch-style bodies,
 * JS Errors and plain strings all reduce to a de-duplicated list of messages, and field
 * errors to a map for inline form messages.
 */

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function messagesOfList(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const messages: string[] = [];
  for (const entry of list) {
    const plain = text(entry);
    if (plain) messages.push(plain);
    else if (isObject(entry)) {
      const message = text(entry.message);
      if (message) messages.push(message);
    }
  }
  return messages;
}

/** Messages of one `output` block: record-level errors, then field errors. */
function messagesOfOutput(output: unknown): string[] {
  if (!isObject(output)) return [];
  const messages = messagesOfList(output.errors);
  const fields = output.fieldErrors;
  if (isObject(fields)) {
    for (const list of Object.values(fields)) messages.push(...messagesOfList(list));
  }
  return messages;
}

function messagesOfBody(body: unknown): string[] {
  // UI API: an array of { errorCode, message }; a single { message }; or a DML-style
  // { message, output: { errors, fieldErrors } } whose output carries the useful detail.
  if (Array.isArray(body)) return messagesOfList(body);
  const plain = text(body);
  if (plain) return [plain];
  if (!isObject(body)) return [];
  const messages = messagesOfOutput(body.output);
  // A record save error wraps its specific messages in a generic "An error occurred while
  // trying to update the record. Please try again.": the user can act on the specific ones
  // only, so the wrapper is kept just when there is nothing more specific.
  const message = text(body.message);
  if (message && messages.length === 0) messages.push(message);
  messages.push(...messagesOfList(body.pageErrors));
  if (isObject(body.fieldErrors)) {
    for (const list of Object.values(body.fieldErrors)) messages.push(...messagesOfList(list));
  }
  return messages;
}

function messagesOf(error: unknown): string[] {
  if (error === null || error === undefined) return [];
  const plain = text(error);
  if (plain) return [plain];
  if (Array.isArray(error)) return error.flatMap(messagesOf);
  if (!isObject(error)) return [];
  // A GraphQL result ({ data, errors }) or anything that carries an `errors` list.
  if (Array.isArray(error.errors)) {
    const nested = error.errors.flatMap(messagesOf);
    if (nested.length > 0) return nested;
  }
  if ('body' in error && error.body !== undefined && error.body !== null) {
    const fromBody = messagesOfBody(error.body);
    if (fromBody.length > 0) return fromBody;
  }
  const fromOutput = messagesOfOutput(error.output);
  if (fromOutput.length > 0) return fromOutput;
  const message = text(error.message);
  if (message) return [message];
  const statusText = text(error.statusText);
  return statusText ? [statusText] : [];
}

/**
 * Every message in the error, in order of appearance, without duplicates. Accepts a single
 * error or an array of errors of any of the shapes LDS produces.
 */
export function reduceErrors(error: unknown): string[] {
  return [...new Set(messagesOf(error))];
}

/** The messages joined for a toast or an error panel; `fallback` when there are none. */
export function errorSummary(error: unknown, fallback = ''): string {
  const messages = reduceErrors(error);
  return messages.length > 0 ? messages.join(' ') : fallback;
}

function addFieldMessages(target: Record<string, string[]>, byField: unknown): void {
  if (!isObject(byField)) return;
  for (const [field, list] of Object.entries(byField)) {
    const messages = messagesOfList(list);
    if (messages.length === 0) continue;
    const existing = target[field] ?? [];
    for (const message of messages) if (!existing.includes(message)) existing.push(message);
    target[field] = existing;
  }
}

/**
 * Field API name → messages, for inline errors under form inputs. Reads UI API
 * `body.output.fieldErrors`, a DML-style `body.fieldErrors`, and errors that name their
 * fields (`{ fieldName | field, message }` or `fields: [...]` on body entries).
 */
export function fieldErrors(error: unknown): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach(visit);
      return;
    }
    if (!isObject(value)) return;
    if (isObject(value.output)) addFieldMessages(result, value.output.fieldErrors);
    addFieldMessages(result, value.fieldErrors);
    const message = text(value.message);
    const fieldName = text(value.fieldName) ?? text(value.field);
    if (message && fieldName) addFieldMessages(result, { [fieldName]: [message] });
    if (message && Array.isArray(value.fields)) {
      for (const field of value.fields) {
        const name = text(field);
        if (name) addFieldMessages(result, { [name]: [message] });
      }
    }
    if (value.body !== undefined) visit(value.body);
    if (Array.isArray(value.errors)) visit(value.errors);
  };
  visit(error);
  return result;
}

function stripLabel(message: string, label: string | null): string {
  return label && message.startsWith(`${label}: `) ? message.slice(label.length + 2) : message;
}

/**
 * A failed save split for a form, so each message names its field once: messages per field API
 * name, without the "Field Label: " the platform puts in front of some of them (the form shows
 * the field's name beside its message), and the messages that belong to no field.
 */
export function splitSaveErrors(error: unknown): {
  byField: Record<string, string[]>;
  other: string[];
} {
  const raw = fieldErrors(error);
  const labels = new Map<string, string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (isObject(value)) {
      const field = text(value.field) ?? text(value.fieldName);
      const label = text(value.fieldLabel);
      if (field && label) labels.set(field, label);
      for (const nested of Object.values(value)) if (typeof nested === 'object') visit(nested);
    }
  };
  visit(error);
  const byField: Record<string, string[]> = {};
  const fieldMessages = new Set<string>();
  for (const [field, messages] of Object.entries(raw)) {
    messages.forEach((message) => fieldMessages.add(message));
    const label = labels.get(field) ?? null;
    byField[field] = [...new Set(messages.map((message) => stripLabel(message, label)))];
  }
  return { byField, other: reduceErrors(error).filter((message) => !fieldMessages.has(message)) };
}
