/**
 * Private notes in the browser: the VP's private notes about a manager the VP coaches are read
 * by the VP, never by that manager — who owns the session (it is about him) and holds the
 * manager permission set — neither in the coaching timeline nor through the data layer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dataset } from '../data/dataset';
import { generateDataset } from '../data/generate';
import { type Page, previewUrl, saveScreenshot, settle, usePreview } from './harness';

const sample: Dataset = generateDataset();
const { vp, manager } = sample.meta.personas;
const managerName = String(sample.records.User.find((user) => user.Id === manager)?.Name);
const sessions = new Map(sample.records.Coaching_Session__c.map((row) => [row.Id, row]));
/** The sample's latest note the VP wrote about the manager persona. */
const vpNote = sample.records.Coaching_Private_Note__c.filter(
  (note) =>
    note.OwnerId === vp && sessions.get(String(note.Coaching_Session__c))?.Rep__c === manager
).at(-1);

interface NotesAnswer {
  errors?: { message: string }[];
  data?: {
    uiapi: {
      query: {
        Coaching_Private_Note__c: {
          totalCount: number;
          edges: { node: { Id: string; Body__c: { value: string | null } } }[];
        };
        Coaching_Session__c: {
          edges: { node: { Id: string; Private_Notes__r: { edges: unknown[] } } }[];
        };
      };
    };
  };
}

/** What the persona of the page reads through the preview's GraphQL data layer. */
async function readNotes(page: Page, sessionId: string): Promise<NotesAnswer> {
  return page.evaluate(
    ([id, author]) =>
      window.__preview?.lds.query(
        `query Notes($sessionId: ID, $author: ID) { uiapi { query {
          Coaching_Private_Note__c(first: 2000, where: { OwnerId: { eq: $author } }) {
            totalCount edges { node { Id Body__c { value } } }
          }
          Coaching_Session__c(where: { Id: { eq: $sessionId } }) {
            edges { node { Id Private_Notes__r { edges { node { Id } } } } }
          }
        } } }`,
        { sessionId: id, author }
      ) as Promise<NotesAnswer>,
    [sessionId, vp] as const
  );
}

async function openAs(page: Page, persona: 'vp' | 'manager', url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-preview-ready="true"]');
  await page.locator('[data-page="coaching"]').waitFor();
  await settle(page);
  assert.equal(await page.evaluate(() => window.__preview?.persona().persona), persona);
}

/** The timeline entry holding `text`, loading older pages until it shows. */
async function sessionInTimeline(page: Page, text: string): Promise<ReturnType<Page['locator']>> {
  const timeline = page.locator('[data-component="coachingTimeline"]');
  const entry = timeline.locator('li.session', { hasText: text });
  for (let pages = 0; pages < 30 && (await entry.count()) === 0; pages++) {
    const more = timeline.locator('lightning-button.show-more button');
    if ((await more.count()) === 0) break;
    await more.click();
    await settle(page);
  }
  await entry.waitFor({ timeout: 10_000 });
  return entry;
}

void describe('private notes', () => {
  const preview = usePreview();

  void it('the data layer gives the VP’s notes about a manager to the VP, not to the manager', async () => {
    assert.ok(vpNote, 'the sample has a VP note about the manager persona');
    const sessionId = String(vpNote.Coaching_Session__c);
    const { page, errors } = await preview.open({ page: 'coaching', persona: 'manager' });
    await settle(page);
    const asManager = await readNotes(page, sessionId);
    assert.equal(asManager.errors, undefined);
    const managerView = asManager.data?.uiapi.query;
    assert.equal(managerView?.Coaching_Private_Note__c.totalCount, 0);
    // The manager reads the session itself (it is about him), but none of its private notes.
    assert.deepEqual(
      managerView?.Coaching_Session__c.edges.map((edge) => edge.node.Private_Notes__r.edges),
      [[]]
    );

    await openAs(page, 'vp', previewUrl(preview.server, { page: 'coaching', persona: 'vp' }));
    const asVp = await readNotes(page, sessionId);
    assert.equal(asVp.errors, undefined);
    const vpView = asVp.data?.uiapi.query;
    const expected = sample.records.Coaching_Private_Note__c.filter((note) => note.OwnerId === vp);
    assert.equal(vpView?.Coaching_Private_Note__c.totalCount, expected.length);
    assert.ok(vpView?.Coaching_Private_Note__c.edges.some((edge) => edge.node.Id === vpNote.Id));
    assert.deepEqual(vpView?.Coaching_Session__c.edges[0]?.node.Private_Notes__r.edges, [
      { node: { Id: vpNote.Id } }
    ]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('a VP’s note about a manager shows in the VP’s timeline and nowhere for the manager', async () => {
    const stamp = Date.now();
    const strengths = `Clear forecast call ${stamp}`;
    const note = `Ready to run the East region ${stamp}`;
    const { page, errors } = await preview.open({ page: 'coaching', persona: 'vp' });
    await settle(page);
    const form = page.locator('[data-component="coachingSessionForm"]');
    await form.getByRole('combobox', { name: 'Rep' }).click();
    await page.getByRole('option', { name: managerName }).click();
    await form.getByLabel('Strengths').fill(strengths);
    await form.getByLabel(/^Private note/).fill(note);
    await form.getByRole('button', { name: 'Save' }).click();

    const written = await sessionInTimeline(page, strengths);
    await written.locator('.private-note', { hasText: note }).waitFor({ timeout: 10_000 });
    assert.match(await written.locator('.private-note-author').innerText(), /^by /);
    await saveScreenshot(page, 'private-note-vp');

    // The same tab as the manager: the writes are journalled, so the session is there too.
    await openAs(
      page,
      'manager',
      previewUrl(preview.server, { page: 'coaching', persona: 'manager' })
    );
    const seen = await sessionInTimeline(page, strengths);
    assert.equal(await seen.locator('.private-notes').count(), 0);
    assert.ok(!(await page.locator('body').innerText()).includes(note));
    const sessionId = await seen.getAttribute('data-id');
    assert.ok(sessionId);
    const answer = await readNotes(page, sessionId);
    assert.equal(answer.errors, undefined);
    assert.deepEqual(
      answer.data?.uiapi.query.Coaching_Session__c.edges.map(
        (edge) => edge.node.Private_Notes__r.edges
      ),
      [[]]
    );
    assert.equal(answer.data?.uiapi.query.Coaching_Private_Note__c.totalCount, 0);
    await saveScreenshot(page, 'private-note-hidden-from-manager');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
