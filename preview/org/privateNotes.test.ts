/**
 * Private notes on the package's real metadata and sample data: a Coaching_Private_Note__c is
 * read by its author and the managers above the author, never by the person the session is
 * about — a rep, or a manager coached by the VP, who owns the session and holds the manager
 * permission set. The metadata checks pin the design the preview's sharing relies on:
 * Private org-wide defaults, a lookup (a master-detail would inherit the session's sharing),
 * no Flow that moves the owner, no View All.
 *
 * Platform behaviour modelled (Apex Developer Guide, "Understanding Sharing",
 * https://developer.salesforce.com/docs/platform/apex-dev/references/apex-dev/apex-bulk-sharing-understanding.html):
 * the owner has full access; users above the owner in the role hierarchy get the same access
 * (Grant Access Using Hierarchies); nobody else does under a Private default.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { DatasetRecord } from '../../data/dataset';
import { generateDataset } from '../../data/generate';
import { UiApiError } from './errors';
import { loadPreviewMetadata, type PreviewMetadata } from './loadModel';
import { InMemoryOrg } from './org';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DEFAULT = join(ROOT, 'force-app/main/default');
const NOTE = 'Coaching_Private_Note__c';
const dataset = generateDataset();
const { vp, manager, rep } = dataset.meta.personas;
const users = dataset.records.User;
const sessions = new Map(dataset.records.Coaching_Session__c.map((row) => [row.Id, row]));
const notes = dataset.records[NOTE];

/** Everyone below a user in the management chain (the demo roles mirror it). */
function below(userId: string): Set<string> {
  const found = new Set<string>();
  let frontier = [userId];
  while (frontier.length > 0) {
    frontier = users
      .filter((user) => frontier.includes(String(user.ManagerId)) && !found.has(user.Id))
      .map((user) => user.Id);
    frontier.forEach((id) => found.add(id));
  }
  return found;
}

const vpNoteAboutManager = notes.find(
  (note) =>
    note.OwnerId === vp && sessions.get(String(note.Coaching_Session__c))?.Rep__c === manager
) as DatasetRecord;
const peerManager = users.find((user) => user.ManagerId === vp && user.Id !== manager)
  ?.Id as string;

const NOTES_OF_SESSION = `query Notes($sessionId: ID) { uiapi { query {
  Coaching_Private_Note__c(first: 50, where: { Coaching_Session__c: { eq: $sessionId } }) {
    totalCount edges { node { Id Body__c { value } } }
  }
  Coaching_Session__c(where: { Id: { eq: $sessionId } }) {
    edges { node { Id Private_Notes__r { edges { node { Id Body__c { value } } } } } }
  }
} } }`;

interface NotesAnswer {
  errors?: readonly { message: string }[];
  data?: unknown;
}

function notesSeen(answer: NotesAnswer): { direct: string[]; viaSession: string[] | null } {
  assert.equal(answer.errors, undefined, JSON.stringify(answer.errors));
  const query = (
    answer.data as {
      uiapi: {
        query: {
          Coaching_Private_Note__c: { edges: { node: { Id: string } }[] };
          Coaching_Session__c: {
            edges: { node: { Private_Notes__r: { edges: { node: { Id: string } }[] } } }[];
          };
        };
      };
    }
  ).uiapi.query;
  const [session] = query.Coaching_Session__c.edges;
  return {
    direct: query.Coaching_Private_Note__c.edges.map((edge) => edge.node.Id),
    viaSession: session ? session.node.Private_Notes__r.edges.map((edge) => edge.node.Id) : null
  };
}

function allNotes(org: InMemoryOrg, userId: string): string[] {
  const answer = org.session(userId).graphql({
    query: '{ uiapi { query { Coaching_Private_Note__c(first: 2000) { edges { node { Id } } } } } }'
  });
  assert.equal(answer.errors, undefined);
  return (
    answer.data as {
      uiapi: { query: { Coaching_Private_Note__c: { edges: { node: { Id: string } }[] } } };
    }
  ).uiapi.query.Coaching_Private_Note__c.edges
    .map((edge) => edge.node.Id)
    .sort();
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false });
function xml(path: string): Record<string, unknown> {
  return parser.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

let metadata: PreviewMetadata;

void describe('private notes', () => {
  before(() => {
    metadata = loadPreviewMetadata(ROOT);
  });

  void it('is a Private object with a lookup to the session, and no Flow moves its owner', () => {
    const object = xml(join(DEFAULT, 'objects', NOTE, `${NOTE}.object-meta.xml`))
      .CustomObject as Record<string, unknown>;
    assert.equal(object.sharingModel, 'Private');
    assert.equal(object.externalSharingModel, 'Private');
    const lookup = xml(join(DEFAULT, 'objects', NOTE, 'fields/Coaching_Session__c.field-meta.xml'))
      .CustomField as Record<string, unknown>;
    assert.equal(lookup.type, 'Lookup', 'a master-detail would inherit the session’s sharing');
    assert.equal(lookup.referenceTo, 'Coaching_Session__c');
    assert.equal(metadata.model.objects[NOTE].ownership, 'owned');
    const flows = join(DEFAULT, 'flows');
    for (const file of existsSync(flows) ? readdirSync(flows) : []) {
      assert.ok(
        !readFileSync(join(flows, file), 'utf8').includes(`<object>${NOTE}</object>`),
        `${file} must not set the owner of a private note`
      );
    }
  });

  void it('is granted to managers and admins without View All, and not to reps', () => {
    const sets = join(DEFAULT, 'permissionsets');
    for (const name of ['Sales_Coaching_Manager', 'Sales_Coaching_Admin', 'Sales_Coaching_Rep']) {
      const text = readFileSync(join(sets, `${name}.permissionset-meta.xml`), 'utf8');
      const grant = (
        (xml(join(sets, `${name}.permissionset-meta.xml`)).PermissionSet as Record<string, unknown>)
          .objectPermissions as Record<string, string>[]
      ).find((entry) => entry.object === NOTE);
      if (name === 'Sales_Coaching_Rep') {
        assert.equal(grant, undefined);
        assert.ok(!text.includes(NOTE), 'reps get no field of the notes either');
        continue;
      }
      assert.ok(grant, name);
      assert.equal(grant.allowCreate, 'true');
      assert.equal(grant.allowRead, 'true');
      assert.equal(grant.allowEdit, 'true');
      assert.equal(grant.viewAllRecords, 'false', `${name}: the hierarchy decides who reads`);
      assert.equal(grant.modifyAllRecords, 'false');
    }
    assert.equal(metadata.model.profiles.rep.objects[NOTE], undefined);
  });

  void it('hides the VP’s note from the manager it is about, and shows it to the VP', () => {
    assert.ok(vpNoteAboutManager, 'the sample has a VP note about the manager persona');
    const org = new InMemoryOrg(metadata.model, dataset);
    const sessionId = String(vpNoteAboutManager.Coaching_Session__c);
    assert.deepEqual(
      notesSeen(org.session(vp).graphql({ query: NOTES_OF_SESSION, variables: { sessionId } })),
      { direct: [vpNoteAboutManager.Id], viaSession: [vpNoteAboutManager.Id] }
    );
    // The manager owns the session (it is about him) and reads it, but not the note.
    assert.deepEqual(
      notesSeen(
        org.session(manager).graphql({ query: NOTES_OF_SESSION, variables: { sessionId } })
      ),
      { direct: [], viaSession: [] }
    );
    assert.throws(
      () => org.session(manager).getRecord(vpNoteAboutManager.Id, [`${NOTE}.Body__c`]),
      (error: unknown) => error instanceof UiApiError && error.status === 404
    );
    assert.ok(!allNotes(org, manager).includes(vpNoteAboutManager.Id));
    // A peer of the manager sees neither the session nor the note.
    assert.deepEqual(
      notesSeen(
        org.session(peerManager).graphql({ query: NOTES_OF_SESSION, variables: { sessionId } })
      ),
      { direct: [], viaSession: null }
    );
  });

  void it('shows each user the notes of their own and of everyone below them, and reps none', () => {
    const org = new InMemoryOrg(metadata.model, dataset);
    for (const userId of [vp, manager, peerManager]) {
      const visible = new Set([userId, ...below(userId)]);
      const expected = notes
        .filter((note) => visible.has(String(note.OwnerId)))
        .map((note) => note.Id)
        .sort();
      assert.ok(expected.length > 0);
      assert.deepEqual(allNotes(org, userId), expected, userId);
    }
    // Reps have no access to the object: it is not in their schema, and @optional drops it.
    const repSession = org.session(rep);
    assert.equal(
      repSession.graphql({
        query: '{ uiapi { query { Coaching_Private_Note__c { edges { node { Id } } } } } }'
      }).errors?.[0]?.message,
      `Cannot query field "${NOTE}" on type "RecordQuery".`
    );
    const own = dataset.records.Coaching_Session__c.find(
      (row) => row.Rep__c === rep && notes.some((note) => note.Coaching_Session__c === row.Id)
    ) as DatasetRecord;
    const optional = repSession.graphql({
      query: `query S($id: ID) { uiapi { query { Coaching_Session__c(where: { Id: { eq: $id } }) {
        edges { node { Id Private_Notes__r @optional { edges { node { Id } } } } } } } } }`,
      variables: { id: own.Id }
    });
    assert.equal(optional.errors, undefined);
    const node = (
      optional.data as {
        uiapi: { query: { Coaching_Session__c: { edges: { node: Record<string, unknown> }[] } } };
      }
    ).uiapi.query.Coaching_Session__c.edges[0].node;
    assert.deepEqual(node, { Id: own.Id }, 'the child relationship is left out for a rep');
    assert.throws(
      () => repSession.getObjectInfo(NOTE),
      (error: unknown) => error instanceof UiApiError && error.status === 403
    );
  });

  void it('makes the writer the owner of a new note, so their managers read it and the rep does not', () => {
    const org = new InMemoryOrg(metadata.model, dataset);
    const session = dataset.records.Coaching_Session__c.find(
      (row) => row.Rep__c === rep && row.Coach__c === manager
    ) as DatasetRecord;
    const created = org.session(manager).createRecord({
      apiName: NOTE,
      fields: { Coaching_Session__c: session.Id, Body__c: 'Ask about the move to enterprise.' }
    });
    assert.equal(created.fields.OwnerId.value, manager, 'no Flow hands the note to the rep');
    assert.equal(
      org.session(vp).getRecord(created.id, [`${NOTE}.Body__c`]).fields.Body__c.value,
      'Ask about the move to enterprise.'
    );
    assert.throws(
      () => org.session(peerManager).getRecord(created.id, [`${NOTE}.Body__c`]),
      (error: unknown) => error instanceof UiApiError && error.status === 404
    );
    assert.throws(
      () =>
        org.session(rep).createRecord({
          apiName: NOTE,
          fields: { Coaching_Session__c: session.Id, Body__c: 'Not mine to write' }
        }),
      (error: unknown) => error instanceof UiApiError
    );
    const rule = metadata.model.validationRules.find(
      (candidate) => candidate.objectApiName === NOTE && candidate.name === 'Session_Required'
    );
    assert.ok(rule);
    assert.throws(
      () => org.session(manager).createRecord({ apiName: NOTE, fields: { Body__c: 'Orphan' } }),
      (error: unknown) =>
        error instanceof UiApiError &&
        !Array.isArray(error.body) &&
        (error.body.output.fieldErrors.Coaching_Session__c ?? []).some(
          (entry) => entry.message === rule.message
        )
    );
  });
});
