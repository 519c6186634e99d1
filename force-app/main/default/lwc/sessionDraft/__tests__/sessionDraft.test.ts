import {
  draftKey,
  emptyValues,
  loadDraft,
  parseDraft,
  saveDraft,
  toPrivateNoteFields,
  toRecordFields,
  type DraftStorage
} from 'c/sessionDraft';

const USER_ID = '005000000000000AAA';
const REP_A = '005000000000011AAA';
const REP_B = '005000000000012AAA';
const OPPORTUNITY_ID = '006000000000001AAA';
const TODAY = '2026-11-23';

function memoryStorage(): DraftStorage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, value);
    },
    removeItem: (key) => {
      items.delete(key);
    }
  };
}

function preset(repId = ''): ReturnType<typeof emptyValues> {
  return { ...emptyValues(TODAY), repId };
}

describe('sessionDraft draft keys', () => {
  it('keys a draft by record, or by the user off a record page', () => {
    expect(draftKey(OPPORTUNITY_ID, USER_ID)).toBe(`salesCoaching.sessionDraft.${OPPORTUNITY_ID}`);
    expect(draftKey(undefined, USER_ID)).toBe(`salesCoaching.sessionDraft.new.${USER_ID}`);
  });

  it('keys a draft by the preset rep too, so each rep has their own', () => {
    const forA = draftKey(undefined, USER_ID, REP_A);
    const forB = draftKey(undefined, USER_ID, REP_B);
    expect(forA).not.toBe(forB);
    expect(forA).not.toBe(draftKey(undefined, USER_ID));
    expect(forA).toContain(REP_A);
    expect(draftKey(OPPORTUNITY_ID, USER_ID, REP_A)).toContain(OPPORTUNITY_ID);
    expect(draftKey(OPPORTUNITY_ID, USER_ID, REP_A)).toContain(REP_A);
  });

  it('does not offer a draft started for rep A to the form preset for rep B', () => {
    const storage = memoryStorage();
    saveDraft(storage, draftKey(undefined, USER_ID, REP_A), {
      ...preset(REP_A),
      strengths: 'Good discovery'
    });
    expect(loadDraft(storage, draftKey(undefined, USER_ID, REP_B), preset(REP_B))).toBeNull();
    expect(loadDraft(storage, draftKey(undefined, USER_ID, REP_A), preset(REP_A))).toEqual(
      expect.objectContaining({ repId: REP_A, strengths: 'Good discovery' })
    );
  });
});

describe('parseDraft', () => {
  it('never lets a restored draft replace a preset rep', () => {
    const raw = JSON.stringify({ ...preset(REP_A), strengths: 'Typed for A' });
    const restored = parseDraft(raw, preset(REP_B));
    expect(restored?.repId).toBe(REP_B);
    expect(restored?.strengths).toBe('Typed for A');
  });

  it('restores the rep the user chose when none is preset', () => {
    const raw = JSON.stringify({ ...preset(REP_A), strengths: 'Typed for A' });
    expect(parseDraft(raw, preset())?.repId).toBe(REP_A);
  });

  it('ignores malformed drafts and values of the wrong type', () => {
    expect(parseDraft('{not json', preset())).toBeNull();
    expect(parseDraft('null', preset())).toBeNull();
    expect(parseDraft(JSON.stringify({ strengths: 3, focusAreas: 'x' }), preset())).toEqual(
      preset()
    );
  });
});

describe('record inputs', () => {
  const SESSION_ID = 'a01000000000001AAA';

  it('never puts the private note on the session: the session belongs to the rep', () => {
    const values = { ...preset(REP_A), privateNotes: 'Watch for burnout' };
    const fields = toRecordFields(values, { coachId: USER_ID, opportunityId: OPPORTUNITY_ID });
    expect(Object.values(fields)).not.toContain('Watch for burnout');
    expect(fields).toMatchObject({ Rep__c: REP_A, Coach__c: USER_ID });
  });

  it('writes the private note as its own record on the saved session, trimmed', () => {
    const values = { ...preset(REP_A), privateNotes: '  Watch for burnout \n' };
    expect(toPrivateNoteFields(values, SESSION_ID)).toEqual({
      Coaching_Session__c: SESSION_ID,
      Body__c: 'Watch for burnout'
    });
  });

  it('writes no note when none was typed', () => {
    expect(toPrivateNoteFields({ ...preset(REP_A), privateNotes: ' \n ' }, SESSION_ID)).toBeNull();
  });
});
