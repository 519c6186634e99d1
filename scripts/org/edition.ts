/**
 * How many demo users a scratch org can hold, from the edition its definition file names.
 *
 * A user with the Standard User profile takes one Salesforce user licence, and the scratch org's
 * own admin already holds one. Salesforce documents the count for the Developer edition only
 * (Salesforce DX Developer Guide, "Scratch Org Users",
 * https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_scratch_orgs_users.htm):
 * "Your scratch org edition determines the number of available user licenses. […] a Developer
 * Edition org includes a maximum of two Salesforce user licenses. Therefore, in addition to the
 * default administrator user, you can create one standard user."
 *
 * We found no documented scratch-org feature that adds Salesforce user licences (the only kind
 * that opens Opportunity to a user), so setup stays within this count. For an edition whose
 * count is not documented it creates one user and says how to ask for more.
 */

export interface EditionLicences {
  /** Salesforce user licences in a scratch org of this edition, the admin's included. */
  salesforceLicences: number;
  /** Where the number comes from. */
  source: string;
}

export const SCRATCH_ORG_USERS_DOC =
  'Salesforce DX Developer Guide, "Scratch Org Users" (https://developer.salesforce.com/docs/atlas.en-us.sfdx_dev.meta/sfdx_dev/sfdx_dev_scratch_orgs_users.htm)';

export const EDITION_LICENCES: Readonly<Record<string, EditionLicences>> = {
  Developer: { salesforceLicences: 2, source: SCRATCH_ORG_USERS_DOC }
};

/** Users created when the edition's count is not documented: the fewest any edition allows. */
export const UNDOCUMENTED_EDITION_USERS = 1;

export interface UserLimit {
  edition: string;
  /** Demo users setup may create besides the admin; undefined when no count is documented. */
  maxUsers: number | undefined;
  /** What setup creates when --max-users is not given. */
  defaultUsers: number;
  licences?: EditionLicences;
}

export function userLimit(edition: string | undefined): UserLimit {
  const name = edition ?? 'Developer';
  const licences = EDITION_LICENCES[name];
  if (!licences) {
    return { edition: name, maxUsers: undefined, defaultUsers: UNDOCUMENTED_EDITION_USERS };
  }
  const maxUsers = licences.salesforceLicences - 1; // the admin holds one
  return { edition: name, maxUsers, defaultUsers: maxUsers, licences };
}

/** The sentence setup prints about the licence budget. */
export function describeLimit(limit: UserLimit, users: number): string {
  if (limit.licences) {
    return `a ${limit.edition} Edition scratch org has ${limit.licences.salesforceLicences} Salesforce licences, one of them the admin's: ${users} demo user${users === 1 ? '' : 's'} (${limit.licences.source})`;
  }
  return `Salesforce documents no licence count for ${limit.edition} Edition scratch orgs: ${users} demo user${users === 1 ? '' : 's'}; pass --max-users <n> if the edition holds more`;
}

/** Why a requested number of users does not fit, or null when it does. */
export function overLimit(limit: UserLimit, requested: number): string | null {
  if (limit.maxUsers === undefined || requested <= limit.maxUsers) return null;
  return `--max-users ${requested} needs ${requested + 1} Salesforce licences with the admin's, but a ${limit.edition} Edition scratch org has ${limit.licences?.salesforceLicences ?? 0} (${limit.licences?.source ?? ''}): the user creation after the first ${limit.maxUsers} would fail and the sample data would never load. Use at most ${limit.maxUsers}, or an edition with more licences in the scratch definition.`;
}
