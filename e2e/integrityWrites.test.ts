/**
 * Issue 14 in the browser, the saves and the pages around them: a save of several records is
 * all or nothing (a write fails at each position in turn, and nothing stays), every error state
 * offers Retry, reviews keep their history and their drafts, and the details — text, win rates,
 * plurals, dates, contrast, toasts — read right. Each test names the defect it guards.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dataset } from '../data/dataset';
import { generateDataset } from '../data/generate';
import { type Page, failNext, previewUrl, recover, settle, usePreview } from './harness';

const sample: Dataset = generateDataset();
const { manager, rep } = sample.meta.personas;
const OPPORTUNITY_ID = '006Dp0000000033IAA';
const TEAM_SIZE = sample.records.User.filter((user) => user.ManagerId === manager).length;
const PERIOD_KEY = `${manager}:2026-10-01:2026-12-31`;
/** The rep persona's active plan. */
const PLAN = sample.records.Territory_Plan__c.find(
  (row) => row.Plan_Owner__c === rep && row.Status__c === 'Active'
);
/** An open deal of the manager's team whose close date moved out once. */
const team = new Set(
  sample.records.User.filter((user) => user.ManagerId === manager).map((user) => user.Id)
);
const PUSHED_ONCE = sample.records.Opportunity.find(
  (row) => row.PushCount === 1 && !row.IsClosed && team.has(String(row.OwnerId))
)?.Id as string;

type Json = Record<string, unknown>;

async function query(page: Page, text: string, variables: Json = {}): Promise<Json> {
  const answer = (await page.evaluate(
    ([queryText, vars]) => window.__preview?.lds.query(queryText, vars),
    [text, variables] as const
  )) as { data?: Json; errors?: unknown };
  assert.equal(answer.errors, undefined);
  return answer.data ?? {};
}

/** The period's saved snapshot and its entries, every figure, as the data layer has them. */
async function snapshotState(page: Page): Promise<string> {
  const data = await query(
    page,
    `query S($key: String) { uiapi { query {
      Manager_Scorecard__c(where: { Period_Key__c: { eq: $key } }) {
        edges { node { Id Closed_Won_Amount__c { value } Team_Size__c { value }
          Win_Rate__c { value } Snapshot_Date__c { value } } } }
      Scorecard_Entry__c(first: 200, where: { Manager_Scorecard__r: { Period_Key__c: { eq: $key } } },
        orderBy: { Rep__c: { order: ASC } }) {
        edges { node { Id Rep__c { value } Closed_Won_Amount__c { value } Win_Rate__c { value } } } }
    } } }`,
    { key: PERIOD_KEY }
  );
  return JSON.stringify(data);
}

async function planState(page: Page): Promise<string> {
  const data = await query(
    page,
    `query P($id: ID) { uiapi { query {
      Territory_Plan__c(where: { Id: { eq: $id } }) {
        edges { node { Target_Amount__c { value } Last_Reviewed__c { value } } } }
      Territory_Plan_Review__c(first: 200, where: { Territory_Plan__c: { eq: $id } }) { totalCount }
    } } }`,
    { id: PLAN?.Id }
  );
  return JSON.stringify(data);
}

async function reopen(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-preview-ready="true"]');
  await settle(page);
}

async function reload(page: Page): Promise<void> {
  await page.reload();
  await page.waitForSelector('body[data-preview-ready="true"]');
  await settle(page);
}

/** Waits for a toast with this text, then closes every toast, so the next one is new. */
async function toastSaying(page: Page, text: string | RegExp): Promise<void> {
  await page.locator('lightning-toast').getByText(text).first().waitFor({ timeout: 20_000 });
  const toasts = page.locator('lightning-toast');
  // A toast may also close by itself meanwhile; a few attempts are enough either way.
  for (let attempt = 0; attempt < 20 && (await toasts.count()) > 0; attempt++) {
    await toasts
      .first()
      .getByRole('button', { name: 'Close' })
      .click({ timeout: 2_000 })
      .catch(() => undefined);
  }
  assert.equal(await toasts.count(), 0);
}

/** WCAG 2 contrast ratio of two CSS colours (rgb/rgba). */
function contrast(foreground: string, background: string): number {
  const channels = (color: string) =>
    (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
      const c = Number(value) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
  const luminance = (color: string) => {
    const [r, g, b] = channels(color);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light + 0.05) / (dark + 0.05);
}

void describe('issue 14: all-or-nothing saves, Retry, and the details', () => {
  const preview = usePreview();

  void it('defect 3: a snapshot whose write fails at any position leaves nothing behind', async () => {
    const { page, errors } = await preview.open({ page: 'home', persona: 'manager', reset: true });
    const card = page.locator('c-manager-scorecard');
    await card.locator('[data-state="data"]').waitFor({ timeout: 20_000 });
    await settle(page);
    const save = card.getByRole('button', { name: 'Save snapshot' });
    const failed = /^Nothing was saved: the saved snapshots are as they were\./;
    // A new snapshot: the scorecard, then one entry per rep.
    const before = await snapshotState(page);
    for (let position = 0; position <= TEAM_SIZE; position++) {
      await failNext(page, 'write', 1, position);
      await save.click();
      await toastSaying(page, failed);
      await settle(page);
      assert.equal(await snapshotState(page), before, `nothing stays when write ${position} fails`);
    }
    // A saved snapshot updated: the same, every figure put back.
    await recover(page);
    await save.click();
    await toastSaying(page, /Snapshot saved for/);
    await settle(page);
    const saved = await snapshotState(page);
    assert.notEqual(saved, before);
    for (let position = 0; position <= TEAM_SIZE; position++) {
      await failNext(page, 'write', 1, position);
      await save.click();
      await toastSaying(page, failed);
      await settle(page);
      assert.equal(await snapshotState(page), saved, `put back when write ${position} fails`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('defect 3 (kept): a session and its private note are saved together or not at all', async () => {
    for (const position of [0, 1]) {
      const { page } = await preview.open({
        page: 'opportunity',
        persona: 'manager',
        recordId: OPPORTUNITY_ID
      });
      await settle(page);
      const count = async () =>
        (
          (await query(
            page,
            `query C($id: ID) { uiapi { query {
              Coaching_Session__c(where: { Opportunity__c: { eq: $id } }) { totalCount } } } }`,
            { id: OPPORTUNITY_ID }
          )) as { uiapi: { query: { Coaching_Session__c: { totalCount: number } } } }
        ).uiapi.query.Coaching_Session__c.totalCount;
      const before = await count();
      const form = page.locator('[data-component="coachingSessionForm"]');
      await form.getByLabel('Strengths').fill('Strong close plan');
      await form.getByLabel(/^Private note/).fill('Ready for a bigger territory');
      await failNext(page, 'write', 1, position);
      await form.getByRole('button', { name: 'Save' }).click();
      await form.getByRole('alert').first().waitFor({ timeout: 10_000 });
      await settle(page);
      assert.equal(await count(), before, `no session stays when write ${position} fails`);
      assert.equal(
        await form.getByLabel(/^Private note/).inputValue(),
        'Ready for a bigger territory'
      );
      await page.close();
    }
  });

  void it('defect 12: each plan review is kept, written with the plan or not at all, and its draft survives a reload', async () => {
    assert.ok(PLAN, 'the rep persona has an active plan');
    const { page, errors } = await preview.open({
      page: 'territory-plan',
      persona: 'manager',
      recordId: PLAN.Id
    });
    await settle(page);
    const card = page.locator('c-territory-plan-progress');
    const reviews = card.locator('li.review');
    const reviewsBefore = await reviews.count();
    const notes = card.locator('lightning-textarea.notes-input textarea');

    // Typed, then the page is reloaded: the review comes back, opened, with its notes.
    await card.getByRole('button', { name: 'Review', exact: true }).click();
    await notes.fill('Q4 pipeline needs two more late-stage deals.\nFocus on Acme.');
    await reload(page);
    await card.locator('.review-draft-notice').waitFor();
    assert.equal(
      await notes.inputValue(),
      'Q4 pipeline needs two more late-stage deals.\nFocus on Acme.'
    );

    // The review record fails after the plan was updated: the plan is put back.
    for (const position of [0, 1]) {
      const before = await planState(page);
      await failNext(page, 'write', 1, position);
      await card.getByRole('button', { name: 'Save' }).click();
      await card.getByText(/Nothing was saved: the review and the plan are as they were/).waitFor();
      await settle(page);
      assert.equal(await planState(page), before, `nothing stays when write ${position} fails`);
    }

    // Two reviews: both are kept and listed, newest first.
    await card.getByRole('button', { name: 'Save' }).click();
    await card.locator('.review-form').waitFor({ state: 'detached' });
    await card.getByRole('button', { name: 'Review', exact: true }).click();
    await notes.fill('Second review: on track.');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.locator('.review-form').waitFor({ state: 'detached' });
    await settle(page);
    assert.equal(await reviews.count(), reviewsBefore + 2);
    assert.match(await reviews.nth(0).innerText(), /Second review: on track\./);
    assert.match(await reviews.nth(1).innerText(), /Focus on Acme\./);
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('defect 10: every error state offers Retry, which brings the card back', async () => {
    const cards: { page: string; persona: 'manager' | 'rep'; operation: string; card: string }[] = [
      { page: 'home', persona: 'manager', operation: 'teamMembers', card: 'c-manager-scorecard' },
      {
        page: 'home',
        persona: 'manager',
        operation: 'timelineSessions',
        card: 'c-coaching-timeline'
      },
      { page: 'rep-home', persona: 'rep', operation: 'myCoaching', card: 'c-my-development-goals' },
      {
        page: 'territory-plan',
        persona: 'manager',
        operation: 'territoryPlanProgress',
        card: 'c-territory-plan-progress'
      }
    ];
    for (const entry of cards) {
      const { page } = await preview.open({
        page: entry.page,
        persona: entry.persona,
        fail: [`operation:${entry.operation}`]
      });
      await settle(page);
      const card = page.locator(entry.card);
      const retry = card.getByRole('button', { name: 'Retry' });
      await retry.waitFor({ timeout: 10_000 });
      await recover(page);
      await retry.click();
      await retry.waitFor({ state: 'detached', timeout: 10_000 });
      await settle(page);
      assert.equal(await card.getByRole('alert').count(), 0, `${entry.card} recovered`);
      await page.close();
    }
  });

  void it('defect 11: the timeline keeps line breaks and wraps a long word inside the card', async () => {
    const { page } = await preview.open({
      page: 'opportunity',
      persona: 'manager',
      recordId: OPPORTUNITY_ID
    });
    await settle(page);
    const form = page.locator('[data-component="coachingSessionForm"]');
    const stamp = Date.now();
    const longWord = `https://example.com/${'a'.repeat(180)}`;
    await form.getByLabel('Commitments').fill(`Call the CFO ${stamp}\nSend the plan\n${longWord}`);
    await form.getByRole('button', { name: 'Save' }).click();
    const entry = page
      .locator('[data-component="coachingTimeline"] li.session')
      .filter({ hasText: `Call the CFO ${stamp}` });
    await entry.waitFor({ timeout: 10_000 });
    const commitments = entry.locator('dd.commitments');
    const layout = await commitments.evaluate((element) => {
      const style = getComputedStyle(element);
      const card = element.closest('article') as HTMLElement;
      return {
        whiteSpace: style.whiteSpace,
        lines: element.getBoundingClientRect().height / parseFloat(style.lineHeight || '20'),
        overflows: element.scrollWidth > element.clientWidth + 1,
        inCard: element.getBoundingClientRect().right <= card.getBoundingClientRect().right + 1
      };
    });
    assert.equal(layout.whiteSpace, 'pre-wrap');
    assert.ok(layout.lines >= 3, `three lines or more (${layout.lines})`);
    assert.equal(layout.overflows, false);
    assert.equal(layout.inCard, true);
    await page.close();
  });

  void it('defect 14: required coverage says which win rate it comes from, on the scorecard and the plan', async () => {
    const { page } = await preview.open({ page: 'home', persona: 'manager' });
    const card = page.locator('c-manager-scorecard');
    await card.locator('[data-state="data"]').waitFor({ timeout: 20_000 });
    await settle(page);
    const header = await card.locator('thead').first().innerText();
    assert.match(header, /Win rate \(by count\)/i);
    assert.match(header, /1 ÷ win rate by amount/i);
    const coverage = await card.locator('tbody tr[data-row-id] td').allInnerTexts();
    assert.ok(
      coverage.some((text) => /× \/ [\d.]+× \(1 ÷ \d+%\)/.test(text)),
      'a coverage cell names the rate'
    );
    await reopen(
      page,
      previewUrl(preview.server, { page: 'territory-plan', persona: 'manager', recordId: PLAN?.Id })
    );
    const required = page.locator('c-territory-plan-progress .required-coverage');
    await required.waitFor();
    assert.match(await required.innerText(), /= 1 ÷ win rate by amount \(\d+%\)|unknown/);
    await page.close();
  });

  void it('defect 15: plurals, one date format, readable draft link, toasts clear of the navigation', async () => {
    assert.ok(PUSHED_ONCE, 'the sample has a deal pushed once');
    const deal = await preview.open({
      page: 'opportunity',
      persona: 'manager',
      recordId: PUSHED_ONCE
    });
    await settle(deal.page);
    const coach = deal.page.locator('[data-component="dealCoach"]');
    await coach.getByText('Close date pushed once.').waitFor();
    assert.doesNotMatch(await coach.innerText(), /pushed 1 times/);

    // A draft's notice: the Discard draft link reads at WCAG AA contrast.
    const form = deal.page.locator('[data-component="coachingSessionForm"]');
    await form.getByLabel('Strengths').fill('Draft to keep');
    await deal.page.reload();
    await deal.page.waitForSelector('body[data-preview-ready="true"]');
    await settle(deal.page);
    const notice = form.locator('.draft-notice');
    await notice.waitFor();
    const colors = await notice.getByRole('button', { name: 'Discard draft' }).evaluate((link) => {
      // The first opaque background behind the link, up through shadow hosts.
      let background = 'rgb(255, 255, 255)';
      for (let node: Element | null = link; node;) {
        const color = getComputedStyle(node).backgroundColor;
        if (!/rgba\(.*, 0\)$/.test(color) && color !== 'transparent') {
          background = color;
          break;
        }
        node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
      }
      return { text: getComputedStyle(link).color, background };
    });
    assert.ok(
      contrast(colors.text, colors.background) >= 4.5,
      `Discard draft contrast ${contrast(colors.text, colors.background).toFixed(2)}`
    );

    // A toast opens below the navigation bar and the persona switch.
    await notice.getByRole('button', { name: 'Discard draft' }).click();
    await form.getByLabel('Strengths').fill(`Toast check ${Date.now()}`);
    await form.getByRole('button', { name: 'Save' }).click();
    const toast = deal.page.locator('lightning-toast').first();
    await toast.waitFor({ timeout: 10_000 });
    const overlaps = async (selector: string) => {
      const [a, b] = [await toast.boundingBox(), await deal.page.locator(selector).boundingBox()];
      assert.ok(a && b);
      return (
        a.y < b.y + b.height && b.y < a.y + a.height && a.x < b.x + b.width && b.x < a.x + a.width
      );
    };
    assert.equal(await overlaps('.slds-context-bar'), false, 'the navigation stays visible');
    assert.equal(await overlaps('lightning-combobox.persona-switcher'), false);
    await deal.page.close();

    // One date format: the goal card and the timeline write dates the same way (11/17/2026).
    const home = await preview.open({ page: 'rep-home', persona: 'rep' });
    await settle(home.page);
    const due = await home.page.locator('c-my-development-goals li.goal').first().innerText();
    assert.match(due, /Due \d{1,2}\/\d{1,2}\/\d{4}/);
    assert.doesNotMatch(due, /\d{4}-\d{2}-\d{2}/);
    const date = await home.page.locator('c-coaching-timeline .session-date').first().innerText();
    assert.match(date, /^\d{1,2}\/\d{1,2}\/\d{4} · /);
    await home.page.close();
  });
});
