/**
 * Which demo users a scratch org gets, and where the sample owners who do not fit go.
 *
 * A Developer Edition scratch org has two Salesforce licences, the admin's and one more (see
 * edition.ts), while the sample team has a VP, three managers and about twenty reps. So the
 * scratch org's own admin user stands in for the VP (it needs no extra licence and already sees
 * everything), up to `maxUsers` demo users are created in a fixed order — the persona manager,
 * the persona rep, the rest of that manager's team, then the other managers each followed by
 * their team — and every sample user who is not created is mapped onto one who is:
 *
 *   - the VP maps onto the admin;
 *   - with a single user to create, the admin also plays the persona manager and the user
 *     created is the persona rep: a manager with a rep is the smallest team that shows the
 *     package, while a lone manager would coach nobody;
 *   - a manager maps onto the created managers, round-robin in sample order (the admin when
 *     none is created);
 *   - a rep maps onto the created reps of the team their manager maps onto, round-robin in
 *     sample order; when that team has no created rep, onto the (mapped) manager.
 *
 * The mapping is deterministic, keeps every record inside the one team the org shows, and keeps
 * the role hierarchy the sample defines (VP above managers above their reps).
 */
import type { Dataset, DatasetRecord } from '../../data/dataset';

/** The mapping target for the sample VP: the scratch org's admin user. */
export const ADMIN = 'admin';
export type UserTarget = string; // a created sample user's Id, or ADMIN

export type UserLevel = 'vp' | 'manager' | 'rep';

export interface PlannedRole {
  developerName: string;
  name: string;
  /** Developer name of the parent role; undefined for the top role. */
  parentRole?: string;
}

export interface PlannedUser {
  sampleId: string;
  level: Exclude<UserLevel, 'vp'>;
  firstName: string;
  lastName: string;
  /** Username before `sf org create user --set-unique-username` appends the org id. */
  username: string;
  email: string;
  alias: string;
  title: string;
  department: string;
  roleDeveloperName: string;
  permissionSets: string[];
  /** Who their manager is in the org: a created user's sample Id, or ADMIN. */
  managerTarget: UserTarget;
  /** Short CLI alias (`<org alias>-manager`, `<org alias>-rep`, `<org alias>-rep2`, …). */
  cliAlias: string;
}

export interface UserPlan {
  vpSampleId: string;
  /** Sample users the admin plays: the VP, and the persona manager when only a rep is created. */
  adminPlays: string[];
  roles: PlannedRole[];
  /** Role the admin takes: the VP's. */
  adminRole: string;
  created: PlannedUser[];
  /** Every sample user Id → the created user (sample Id) or ADMIN that takes their records. */
  mapping: Map<string, UserTarget>;
}

export const PERMISSION_SETS = {
  admin: 'Sales_Coaching_Admin',
  manager: 'Sales_Coaching_Manager',
  rep: 'Sales_Coaching_Rep'
} as const;

/** Permission sets for the admin, who plays the VP: the manager's features plus setup. */
export const ADMIN_PERMISSION_SETS = [PERMISSION_SETS.admin, PERMISSION_SETS.manager];

export class UserPlanError extends Error {}

export function planUsers(
  dataset: Dataset,
  options: { maxUsers: number; orgAlias: string }
): UserPlan {
  if (!Number.isInteger(options.maxUsers) || options.maxUsers < 0) {
    throw new UserPlanError(`maxUsers must be a whole number ≥ 0 (got ${options.maxUsers})`);
  }
  const users = dataset.records.User ?? [];
  const byId = new Map(users.map((user) => [user.Id, user]));
  const managerOf = (user: DatasetRecord): string | null =>
    typeof user.ManagerId === 'string' && user.ManagerId !== '' ? user.ManagerId : null;

  const roots = users.filter((user) => managerOf(user) === null);
  if (roots.length !== 1) {
    throw new UserPlanError(
      `the sample data must have exactly one user without a manager (the VP); found ${roots.length}`
    );
  }
  const vp = roots[0];
  const level = (user: DatasetRecord): UserLevel => {
    let depth = 0;
    let current: DatasetRecord | undefined = user;
    while (current && managerOf(current) !== null) {
      depth++;
      if (depth > 2) {
        throw new UserPlanError(
          `user ${user.Id} is more than two levels below the VP; the demo hierarchy is VP → manager → rep`
        );
      }
      const managerId = managerOf(current) as string;
      current = byId.get(managerId);
      if (!current) {
        throw new UserPlanError(`user ${user.Id} has ManagerId ${managerId}, which is not a user`);
      }
    }
    return depth === 0 ? 'vp' : depth === 1 ? 'manager' : 'rep';
  };
  const managers = users.filter((user) => level(user) === 'manager');
  const repsOf = (managerId: string): DatasetRecord[] =>
    users.filter((user) => managerOf(user) === managerId && level(user) === 'rep');

  // Creation order: the personas first, so the few licences of a scratch org show a real team.
  const personaManager =
    managers.find((manager) => manager.Id === dataset.meta.personas?.manager) ?? managers[0];
  const order: DatasetRecord[] = [];
  if (personaManager) {
    const team = repsOf(personaManager.Id);
    const personaRep = team.find((rep) => rep.Id === dataset.meta.personas?.rep) ?? team[0];
    order.push(personaManager);
    if (personaRep) order.push(personaRep);
    order.push(...team.filter((rep) => rep !== personaRep));
    for (const manager of managers) {
      if (manager !== personaManager) order.push(manager, ...repsOf(manager.Id));
    }
  }
  // One licence: the persona rep, with the admin as their manager (order[1] is that rep).
  const adminPlaysManager = options.maxUsers === 1 && order.length > 1 && level(order[1]) === 'rep';
  const createdRecords = adminPlaysManager ? [order[1]] : order.slice(0, options.maxUsers);
  const createdIds = new Set(createdRecords.map((user) => user.Id));

  const roles = planRoles(vp, managers, managerOf);
  const roleOf = (user: DatasetRecord): string => {
    const lvl = level(user);
    if (lvl === 'vp') return roleDeveloperName(String(vp.Title ?? 'VP'));
    const managerId = lvl === 'manager' ? user.Id : (managerOf(user) as string);
    const manager = byId.get(managerId) as DatasetRecord;
    return lvl === 'manager' ? managerRoleName(manager) : teamRoleName(manager);
  };

  // Mapping, level by level so a rep can follow where their manager went.
  const mapping = new Map<string, UserTarget>();
  mapping.set(vp.Id, ADMIN);
  const createdManagers = createdRecords.filter((user) => level(user) === 'manager');
  let managerTurn = 0;
  for (const manager of managers) {
    if (createdIds.has(manager.Id)) mapping.set(manager.Id, manager.Id);
    else if (createdManagers.length === 0) mapping.set(manager.Id, ADMIN);
    else mapping.set(manager.Id, createdManagers[managerTurn++ % createdManagers.length].Id);
  }
  const repTurns = new Map<UserTarget, number>();
  for (const user of users) {
    if (level(user) !== 'rep') continue;
    if (createdIds.has(user.Id)) {
      mapping.set(user.Id, user.Id);
      continue;
    }
    const team = mapping.get(managerOf(user) as string) as UserTarget;
    const teamReps = createdRecords.filter(
      (candidate) =>
        level(candidate) === 'rep' && mapping.get(managerOf(candidate) as string) === team
    );
    if (teamReps.length === 0) {
      mapping.set(user.Id, team);
    } else {
      const turn = repTurns.get(team) ?? 0;
      repTurns.set(team, turn + 1);
      mapping.set(user.Id, teamReps[turn % teamReps.length].Id);
    }
  }

  let repCount = 0;
  let managerCount = 0;
  const created: PlannedUser[] = createdRecords.map((user) => {
    const lvl = level(user) as Exclude<UserLevel, 'vp'>;
    const suffix = lvl === 'manager' ? ++managerCount : ++repCount;
    const managerId = managerOf(user) as string;
    return {
      sampleId: user.Id,
      level: lvl,
      firstName: String(user.FirstName ?? ''),
      lastName: String(user.LastName ?? user.Name ?? user.Id),
      username: String(user.Username ?? `${user.Id.toLowerCase()}@salescoaching.example`),
      email: String(user.Email ?? `${user.Id.toLowerCase()}@example.com`),
      alias: String(user.Alias ?? user.Id).slice(0, 8),
      title: String(user.Title ?? ''),
      department: String(user.Department ?? ''),
      roleDeveloperName: roleOf(user),
      permissionSets: [lvl === 'manager' ? PERMISSION_SETS.manager : PERMISSION_SETS.rep],
      managerTarget: mapping.get(managerId) as UserTarget,
      cliAlias: `${options.orgAlias}-${lvl}${suffix > 1 ? suffix : ''}`
    };
  });

  return {
    vpSampleId: vp.Id,
    adminPlays: adminPlaysManager && personaManager ? [vp.Id, personaManager.Id] : [vp.Id],
    roles,
    adminRole: roleOf(vp),
    created,
    mapping
  };
}

/**
 * The role hierarchy: the VP's role on top, one role per manager below it, and one role per
 * team below each manager's role. Reps of one team share a role, and a shared role grants no
 * access to each other's private records, so peers see nothing while managers above see all.
 */
function planRoles(
  vp: DatasetRecord,
  managers: DatasetRecord[],
  managerOf: (user: DatasetRecord) => string | null
): PlannedRole[] {
  const top: PlannedRole = {
    developerName: roleDeveloperName(String(vp.Title ?? 'VP')),
    name: roleLabel(String(vp.Title ?? 'VP'))
  };
  const roles: PlannedRole[] = [top];
  for (const manager of managers) {
    if (managerOf(manager) !== vp.Id) continue;
    const managerRole = managerRoleName(manager);
    roles.push({
      developerName: managerRole,
      name: roleLabel(String(manager.Title ?? manager.Name ?? manager.Id)),
      parentRole: top.developerName
    });
    roles.push({
      developerName: teamRoleName(manager),
      name: roleLabel(`Team of ${regionOf(manager)}`),
      parentRole: managerRole
    });
  }
  const seen = new Set<string>();
  for (const role of roles) {
    if (seen.has(role.developerName)) {
      throw new UserPlanError(`two roles would share the developer name ${role.developerName}`);
    }
    seen.add(role.developerName);
  }
  return roles;
}

/** "Sales Manager, North America East" → "North America East"; otherwise the manager's name. */
function regionOf(manager: DatasetRecord): string {
  const title = String(manager.Title ?? '');
  const comma = title.indexOf(',');
  return comma >= 0 ? title.slice(comma + 1).trim() : String(manager.Name ?? manager.Id);
}

function managerRoleName(manager: DatasetRecord): string {
  return roleDeveloperName(String(manager.Title ?? manager.Name ?? manager.Id));
}

function teamRoleName(manager: DatasetRecord): string {
  return roleDeveloperName(`Team ${regionOf(manager)}`);
}

/** A valid developer name: letters, digits and single underscores, starting with a letter. */
export function roleDeveloperName(label: string): string {
  const body = label
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return `SC_${body}`.slice(0, 80).replace(/_+$/, '');
}

function roleLabel(label: string): string {
  return label.slice(0, 80);
}

/**
 * Whether a sample user is someone in the org — created, or played by the admin — rather than
 * folded into someone else. Records that belong to one person only (saved scorecards) are
 * imported for these.
 */
export function isInOrg(plan: UserPlan, sampleUserId: string): boolean {
  return plan.mapping.get(sampleUserId) === sampleUserId || plan.adminPlays.includes(sampleUserId);
}

/** The org user Id a sample user's records go to, given the created users' org Ids. */
export function resolveUser(
  plan: UserPlan,
  sampleUserId: string,
  orgIds: { admin: string; users: ReadonlyMap<string, string> }
): string {
  const target = plan.mapping.get(sampleUserId);
  if (target === undefined) {
    throw new UserPlanError(`sample user ${sampleUserId} is not in the sample team`);
  }
  if (target === ADMIN) return orgIds.admin;
  const orgId = orgIds.users.get(target);
  if (orgId === undefined) {
    throw new UserPlanError(`no org user Id for created user ${target}`);
  }
  return orgId;
}
