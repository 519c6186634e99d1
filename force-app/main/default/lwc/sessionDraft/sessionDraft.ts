/**
 * The coaching-session form's model, apart from the DOM: the values a user types, the draft
 * kept in sessionStorage so nothing typed is lost when a save fails or the page is left, the
 * client-side mirror of Coaching_Session__c's validation rules, and the mapping to the record
 * inputs createRecord takes: the session, then the coach's private note as its own
 * Coaching_Private_Note__c record (owned by the coach, so the rep never reads it).
 */
import type { IsoDate } from 'c/periods';
import { compareIsoDates, isIsoDate } from 'c/periods';

export interface SessionValues {
  repId: string;
  sessionType: string;
  status: string;
  sessionDate: string;
  durationMinutes: string;
  focusAreas: string[];
  strengths: string;
  developmentAreas: string;
  commitments: string;
  followUpDate: string;
  goalId: string;
  privateNotes: string;
}

export type SessionField = keyof SessionValues;

/** Client-side rules: the four validation rules of Coaching_Session__c and the required date. */
export type SessionRule =
  'Rep_Required' | 'Session_Date_Required' | 'Follow_Up_Not_Before_Session' | 'Duration_Positive';

export interface SessionViolation {
  field: SessionField;
  rule: SessionRule;
}

export const DEFAULT_SESSION_TYPE = 'Deal Review';
export const DEFAULT_STATUS = 'Completed';

export function emptyValues(today: IsoDate): SessionValues {
  return {
    repId: '',
    sessionType: DEFAULT_SESSION_TYPE,
    status: DEFAULT_STATUS,
    sessionDate: today,
    durationMinutes: '',
    focusAreas: [],
    strengths: '',
    developmentAreas: '',
    commitments: '',
    followUpDate: '',
    goalId: '',
    privateNotes: ''
  };
}

/** Fields that hold text the user typed: a draft worth keeping has one of them filled. */
const TYPED_FIELDS: readonly SessionField[] = [
  'durationMinutes',
  'strengths',
  'developmentAreas',
  'commitments',
  'followUpDate',
  'privateNotes'
];

export function hasTypedContent(values: SessionValues): boolean {
  return (
    values.focusAreas.length > 0 ||
    TYPED_FIELDS.some((field) => String(values[field]).trim() !== '')
  );
}

/**
 * sessionStorage key: per record, or 'new' plus the user off a record page; and per preset rep,
 * so a draft started for one rep (from a scorecard warning) never turns up in the form for another.
 */
export function draftKey(
  recordId: string | null | undefined,
  userId: string,
  presetRepId?: string | null
): string {
  const scope = recordId ? recordId : `new.${userId}`;
  return `salesCoaching.sessionDraft.${scope}${presetRepId ? `.rep.${presetRepId}` : ''}`;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string');
}

/**
 * Parses a stored draft over the form's presets (base); anything malformed is ignored rather than
 * trusted. A preset rep is never replaced: the form is for that rep whatever the draft says.
 */
export function parseDraft(raw: string | null, base: SessionValues): SessionValues | null {
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const source = parsed as Record<string, unknown>;
  const values: SessionValues = { ...base, focusAreas: [...base.focusAreas] };
  for (const field of Object.keys(base) as SessionField[]) {
    if (field === 'repId' && base.repId !== '') continue;
    const value = source[field];
    if (field === 'focusAreas') {
      if (isStringArray(value)) values.focusAreas = [...value];
    } else if (typeof value === 'string') {
      values[field] = value;
    }
  }
  return values;
}

export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function loadDraft(
  storage: DraftStorage | null,
  key: string,
  base: SessionValues
): SessionValues | null {
  try {
    return parseDraft(storage?.getItem(key) ?? null, base);
  } catch {
    return null;
  }
}

export function saveDraft(storage: DraftStorage | null, key: string, values: SessionValues): void {
  try {
    if (hasTypedContent(values)) storage?.setItem(key, JSON.stringify(values));
    else storage?.removeItem(key);
  } catch {
    // Storage full or disabled (private mode): the form still works, only without a draft.
  }
}

export function clearDraft(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // See saveDraft.
  }
}

/** The validation rules, in the order of the form's fields. */
export function validateSession(values: SessionValues): SessionViolation[] {
  const violations: SessionViolation[] = [];
  if (values.repId.trim() === '') violations.push({ field: 'repId', rule: 'Rep_Required' });
  if (values.sessionDate.trim() === '') {
    violations.push({ field: 'sessionDate', rule: 'Session_Date_Required' });
  }
  const duration = values.durationMinutes.trim();
  if (duration !== '' && !(Number(duration) > 0)) {
    violations.push({ field: 'durationMinutes', rule: 'Duration_Positive' });
  }
  if (
    isIsoDate(values.followUpDate) &&
    isIsoDate(values.sessionDate) &&
    compareIsoDates(values.followUpDate, values.sessionDate) < 0
  ) {
    violations.push({ field: 'followUpDate', rule: 'Follow_Up_Not_Before_Session' });
  }
  return violations;
}

/** Record field API name → form field, for server field errors shown inline. */
export const FIELD_BY_API_NAME: Readonly<Record<string, SessionField>> = Object.freeze({
  Rep__c: 'repId',
  Session_Type__c: 'sessionType',
  Status__c: 'status',
  Session_Date__c: 'sessionDate',
  Duration_Minutes__c: 'durationMinutes',
  Focus_Areas__c: 'focusAreas',
  Strengths__c: 'strengths',
  Development_Areas__c: 'developmentAreas',
  Commitments__c: 'commitments',
  Follow_Up_Date__c: 'followUpDate',
  Development_Goal__c: 'goalId'
});

/** Coaching_Private_Note__c field API name → form field, for a failed note save. */
export const NOTE_FIELD_BY_API_NAME: Readonly<Record<string, SessionField>> = Object.freeze({
  Body__c: 'privateNotes'
});

export interface SessionContext {
  coachId: string;
  opportunityId: string | null;
}

function orNull(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The fields createRecord receives (blank text becomes null; empty values are left out). */
export function toRecordFields(
  values: SessionValues,
  context: SessionContext
): Record<string, string | number | null> {
  const fields: Record<string, string | number | null> = {
    Rep__c: values.repId,
    Coach__c: context.coachId,
    Session_Type__c: orNull(values.sessionType),
    Status__c: orNull(values.status),
    Session_Date__c: values.sessionDate,
    Focus_Areas__c: values.focusAreas.length > 0 ? values.focusAreas.join(';') : null,
    Strengths__c: orNull(values.strengths),
    Development_Areas__c: orNull(values.developmentAreas),
    Commitments__c: orNull(values.commitments),
    Follow_Up_Date__c: orNull(values.followUpDate)
  };
  const duration = values.durationMinutes.trim();
  if (duration !== '') fields.Duration_Minutes__c = Number(duration);
  if (context.opportunityId) fields.Opportunity__c = context.opportunityId;
  if (values.goalId) fields.Development_Goal__c = values.goalId;
  return fields;
}

/**
 * The Coaching_Private_Note__c fields for the session just created, or null when no note was
 * typed. The owner is left to the platform: the creator, i.e. the coach.
 */
export function toPrivateNoteFields(
  values: SessionValues,
  sessionId: string
): Record<string, string> | null {
  const body = orNull(values.privateNotes);
  return body === null ? null : { Coaching_Session__c: sessionId, Body__c: body };
}
