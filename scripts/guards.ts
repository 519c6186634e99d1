/**
 * Type guards for untyped data the tools read — XML parsed by fast-xml-parser, JSON the
 * Salesforce CLI prints — in one place, so every reader agrees on what counts as an object, a
 * text or a list.
 */

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string with content; an empty element or a non-string is no text. */
export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** An XML element that may repeat: absent → [], once → [it], repeated → all of them. */
export function list(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}
