/**
 * Record ids in the platform's shape: a 3-character key prefix that names the object, a
 * 12-character body, and the 3-character case-safe suffix that turns 15 characters into 18.
 * Realistic ids matter because components and tests compare, slice and route by them.
 */

/** Key prefixes: the standard objects' real ones, and a0X-style ones for custom objects. */
export const KEY_PREFIXES: Readonly<Record<string, string>> = {
  User: '005',
  UserRole: '00E',
  Account: '001',
  Opportunity: '006',
  Coaching_Session__c: 'a01',
  Development_Goal__c: 'a02',
  Territory_Plan__c: 'a03',
  Territory_Plan_Account__c: 'a04',
  Manager_Scorecard__c: 'a05',
  Scorecard_Entry__c: 'a06',
  Coaching_Private_Note__c: 'a07',
  Territory_Plan_Review__c: 'a08',
  Territory_Plan__History: '017',
  Coaching_Session__History: '017',
  Development_Goal__History: '017',
  OpportunityFieldHistory: '017'
};

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SUFFIX_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ012345';
/** Instance and reserved characters, fixed so ids look like they come from one org. */
const ORG_INFIX = 'Dp';

/** The case-safe suffix: one character per 5-character chunk, a bit per upper-case letter. */
export function caseSafeSuffix(id15: string): string {
  let suffix = '';
  for (let chunk = 0; chunk < 3; chunk++) {
    let bits = 0;
    for (let i = 0; i < 5; i++) {
      const char = id15.charAt(chunk * 5 + i);
      if (char >= 'A' && char <= 'Z') bits |= 1 << i;
    }
    suffix += SUFFIX_ALPHABET.charAt(bits);
  }
  return suffix;
}

export function keyPrefixOf(objectApiName: string): string {
  const prefix = KEY_PREFIXES[objectApiName];
  if (prefix) return prefix;
  // An object added to the metadata later still gets a stable, valid-looking prefix.
  let hash = 0;
  for (const char of objectApiName) hash = (hash * 31 + char.charCodeAt(0)) % 3844;
  return `a${BASE62.charAt(Math.floor(hash / 62))}${BASE62.charAt(hash % 62)}`;
}

/** The 18-character id of the `sequence`-th record of an object. */
export function recordId(objectApiName: string, sequence: number): string {
  let body = '';
  let rest = sequence;
  for (let i = 0; i < 10; i++) {
    body = BASE62.charAt(rest % 62) + body;
    rest = Math.floor(rest / 62);
  }
  const id15 = `${keyPrefixOf(objectApiName)}${ORG_INFIX}${body}`;
  return id15 + caseSafeSuffix(id15);
}
