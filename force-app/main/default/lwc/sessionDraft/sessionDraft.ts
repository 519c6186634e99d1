/**
 * The coaching-session form's model, apart from the DOM: the values a user types, the draft
 * kept in sessionStorage so nothing typed is lost when a save fails or the page is left, the
 * client-side mirror of Coaching_Session__c's validation rules, and the mapping to the record
 * inputs createRecord takes: the session, then the coach's private note as its own
 * Coaching_Private_Note__c record (owned by the coach, so the rep never reads it).
 */
import type { IsoDate } from 'c/periods';
import { compareIsoDates, isIsoDate } from 'c/periods';
import { type FieldLimits, numberMessage, parseNumber, textLengthMessage } from 'c/formSupport';
import VR_REP_REQUIRED from '@salesforce/label/c.SC_VR_Coaching_Session_Rep_Required';
import VR_FOLLOW_UP from '@salesforce/label/c.SC_VR_Coaching_Session_Follow_Up_Not_Before_Session';
import VR_DURATION from '@salesforce/label/c.SC_VR_Coaching_Session_Duration_Positive';
import VR_DURATION_MAX from '@salesforce/label/c.SC_VR_Coaching_Session_Duration_At_Most_A_Day';
import VR_COMPLETED_FUTURE from '@salesforce/label/c.SC_VR_Coaching_Session_Completed_Not_In_Future';
import DATE_REQUIRED from '@salesforce/label/c.SC_Session_Date_Required';
import DATE_INVALID from '@salesforce/label/c.SC_Form_Date_Invalid';

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

/**
 * Client-side rules: the validation rules of Coaching_Session__c, the required date, and what the
 * fields themselves hold (a number within the field's scale and precision, text within its
 * length), so nothing the org would refuse or silently round is sent.
 */
export type SessionRule =
  | 'Rep_Required'
  | 'Session_Date_Required'
  | 'Follow_Up_Not_Before_Session'
  | 'Duration_Positive'
  | 'Duration_At_Most_A_Day'
  | 'Completed_Not_In_Future'
  | 'Number'
  | 'Date'
  | 'Too_Long';

export interface SessionViolation {
  field: SessionField;
  rule: SessionRule;
  /** What the user reads: the rule's message (the same words as the org's), or the field's. */
  message: string;
}

/** Status__c of a session that took place. */
export const COMPLETED = 'Completed';

/** A session lasts at most a day (Duration_At_Most_A_Day). */
export const MAX_DURATION_MINUTES = 1440;

/**
 * The limits of the fields typed in, as the metadata defines them; object info replaces them
 * when it arrives (fieldLimits in c/formSupport), so the form follows the org.
 */
export const DEFAULT_LIMITS: Readonly<Partial<Record<SessionField, Partial<FieldLimits>>>> = {
  durationMinutes: { scale: 0, precision: 4 },
  strengths: { length: 32768 },
  developmentAreas: { length: 32768 },
  commitments: { length: 32768 },
  privateNotes: { length: 32768 }
};

/** Form field → the record field whose limits it follows (the note is its own object). */
export const LIMIT_FIELDS: Readonly<Partial<Record<SessionField, string>>> = {
  durationMinutes: 'Duration_Minutes__c',
  strengths: 'Strengths__c',
  developmentAreas: 'Development_Areas__c',
  commitments: 'Commitments__c',
  privateNotes: 'Body__c'
};

export interface SessionCheck {
  /** The day the rules compare against (TODAY() in the org). */
  today: IsoDate;
  limits?: Partial<Record<SessionField, Partial<FieldLimits>>>;
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

function limitsOf(field: SessionField, check: SessionCheck): Partial<FieldLimits> {
  return { ...DEFAULT_LIMITS[field], ...check.limits?.[field] };
}

/** The duration typed in: minutes, null when blank, or why it is not a number the field takes. */
export function parseDuration(values: SessionValues, check: SessionCheck) {
  return parseNumber(values.durationMinutes, limitsOf('durationMinutes', check));
}

/** The validation rules and field limits, in the order of the form's fields. */
export function validateSession(values: SessionValues, check: SessionCheck): SessionViolation[] {
  const violations: SessionViolation[] = [];
  const add = (field: SessionField, rule: SessionRule, message: string): void => {
    violations.push({ field, rule, message });
  };
  if (values.repId.trim() === '') add('repId', 'Rep_Required', VR_REP_REQUIRED);
  if (values.sessionDate.trim() === '' || !isIsoDate(values.sessionDate)) {
    add('sessionDate', 'Session_Date_Required', DATE_REQUIRED);
  } else if (
    values.status === COMPLETED &&
    isIsoDate(check.today) &&
    compareIsoDates(values.sessionDate, check.today) > 0
  ) {
    add('sessionDate', 'Completed_Not_In_Future', VR_COMPLETED_FUTURE);
  }
  const duration = parseDuration(values, check);
  if (!duration.ok) add('durationMinutes', 'Number', numberMessage(duration.problem));
  else if (duration.value !== null && !(duration.value > 0)) {
    add('durationMinutes', 'Duration_Positive', VR_DURATION);
  } else if (duration.value !== null && duration.value > MAX_DURATION_MINUTES) {
    add('durationMinutes', 'Duration_At_Most_A_Day', VR_DURATION_MAX);
  }
  for (const field of ['strengths', 'developmentAreas', 'commitments'] as const) {
    const tooLong = textLengthMessage(values[field], limitsOf(field, check).length);
    if (tooLong) add(field, 'Too_Long', tooLong);
  }
  if (values.followUpDate.trim() !== '' && !isIsoDate(values.followUpDate)) {
    add('followUpDate', 'Date', DATE_INVALID);
  } else if (
    isIsoDate(values.followUpDate) &&
    isIsoDate(values.sessionDate) &&
    compareIsoDates(values.followUpDate, values.sessionDate) < 0
  ) {
    add('followUpDate', 'Follow_Up_Not_Before_Session', VR_FOLLOW_UP);
  }
  const noteTooLong = textLengthMessage(
    values.privateNotes,
    limitsOf('privateNotes', check).length
  );
  if (noteTooLong) add('privateNotes', 'Too_Long', noteTooLong);
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
  // Only a duration validateSession accepted is sent; anything else is left out, never guessed.
  const duration = parseNumber(values.durationMinutes, DEFAULT_LIMITS.durationMinutes);
  if (duration.ok && duration.value !== null) fields.Duration_Minutes__c = duration.value;
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

/** The browser's sessionStorage, or null where it cannot be used (private mode, tests). */
export function browserSessionStorage(): DraftStorage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

/**
 * Drafts of any small form (a plan review's notes and target): text fields kept under a key in
 * the browser session, so what was typed survives a failed save or a reload, as the session
 * form's draft does. Blank values are not kept; an all-blank draft is removed.
 */
export function loadTextDraft(
  storage: DraftStorage | null,
  key: string
): Record<string, string> | null {
  try {
    const raw = storage?.getItem(key);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed as Record<string, unknown>).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''
    );
    return entries.length > 0 ? Object.fromEntries(entries) : null;
  } catch {
    return null;
  }
}

export function saveTextDraft(
  storage: DraftStorage | null,
  key: string,
  values: Record<string, string>
): void {
  const kept = Object.entries(values).filter(([, value]) => value.trim() !== '');
  try {
    if (kept.length > 0) storage?.setItem(key, JSON.stringify(Object.fromEntries(kept)));
    else storage?.removeItem(key);
  } catch {
    // As saveDraft: without storage the form works, only without a draft.
  }
}

/**
 * Another component (the scorecard's early warnings) asks the page for a session form preset to a
 * rep and a session type, as a window event. A general session form on the page (one not tied to
 * a record or a preset rep) takes the request and calls `accept`, and the requester then opens no
 * form of its own: the page shows one session form, not two.
 */
export const LOG_SESSION_REQUEST = 'salescoaching_logsession';

export interface LogSessionRequestDetail {
  repId: string;
  sessionType: string | null;
  /** Called by the form that takes the request. */
  accept(): void;
}
