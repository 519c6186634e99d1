/**
 * Issue 14 in the browser, the forms: what a new user types — the wrong thing, too much, a date
 * in the future, repeated clicks — is refused with a message before anything is sent, and a save
 * that fails says so where the user is looking. Each test names the defect it guards.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Dataset } from '../data/dataset';
import { generateDataset } from '../data/generate';
import { type Page, failNext, previewUrl, settle, usePreview } from './harness';

const sample: Dataset = generateDataset();
const { manager } = sample.meta.personas;
/** An open deal of the rep persona, whose manager is the manager persona. */
const OPPORTUNITY_ID = '006Dp0000000033IAA';
/** The rep persona's manual goal, at 67 %. */
const MANUAL_GOAL = 'a02Dp0000000003IAA';
/** An open deal of another manager's team: the manager persona cannot read it. */
const team = new Set(
  sample.records.User.filter((user) => user.ManagerId === manager).map((user) => user.Id)
);
const UNSEEN_OPPORTUNITY = sample.records.Opportunity.find(
  (row) => !row.IsClosed && !team.has(String(row.OwnerId)) && row.OwnerId !== manager
)?.Id as string;

const SESSIONS_OF_DEAL = `query Count($id: ID) { uiapi { query {
  Coaching_Session__c(where: { Opportunity__c: { eq: $id } }) { totalCount }
} } }`;

async function sessionsOfDeal(page: Page, id: string): Promise<number> {
  const answer = (await page.evaluate(
    ([query, recordId]) => window.__preview?.lds.query(query, { id: recordId }),
    [SESSIONS_OF_DEAL, id] as const
  )) as { data: { uiapi: { query: { Coaching_Session__c: { totalCount: number } } } } };
  return answer.data.uiapi.query.Coaching_Session__c.totalCount;
}

async function writes(page: Page): Promise<number> {
  return page.evaluate(() => window.__preview?.stats().writes ?? 0);
}

async function openDeal(
  preview: ReturnType<typeof usePreview>,
  options: { viewport?: { width: number; height: number }; recordId?: string } = {}
) {
  const opened = await preview.open({
    page: 'opportunity',
    persona: 'manager',
    recordId: options.recordId ?? OPPORTUNITY_ID,
    viewport: options.viewport
  });
  await settle(opened.page);
  const form = opened.page.locator('[data-component="coachingSessionForm"]');
  return { ...opened, form, save: form.getByRole('button', { name: 'Save' }) };
}

void describe('issue 14: forms refuse bad input and say why', () => {
  const preview = usePreview();

  void it('defect 1: "abc" or 12.345 as a goal’s progress is refused, never saved as blank or 12', async () => {
    const { page, errors } = await preview.open({ page: 'rep-home', persona: 'rep' });
    await settle(page);
    const goal = page.locator(`c-my-development-goals [data-goal-id="${MANUAL_GOAL}"]`);
    await goal.getByRole('button', { name: 'Update progress' }).click();
    const input = goal.locator('lightning-input.progress-input input');
    const save = goal.getByRole('button', { name: 'Save' });
    const before = await writes(page);
    await input.fill('abc');
    await goal.getByText('Enter a number in digits, such as 1,250.5.').waitFor();
    assert.equal(await save.isDisabled(), true);
    await input.fill('12.345');
    await goal.getByText('Enter a whole number, without decimals.').waitFor();
    assert.equal(await save.isDisabled(), true);
    assert.equal(await writes(page), before, 'nothing was sent');
    assert.equal(await goal.locator('[role="progressbar"]').getAttribute('aria-valuenow'), '67');
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('defect 2: three clicks on Save 120 ms apart write one session', async () => {
    const { page, form, save, errors } = await openDeal(preview);
    const before = await sessionsOfDeal(page, OPPORTUNITY_ID);
    const strengths = `Only once ${Date.now()}`;
    await form.getByLabel('Strengths').fill(strengths);
    // Let the form settle (what is typed may move the button) before aiming.
    await settle(page);
    assert.equal(await save.isDisabled(), false);
    await save.scrollIntoViewIfNeeded();
    const box = await save.boundingBox();
    assert.ok(box);
    // Real clicks at the button's place, whatever its state, as an impatient user makes them.
    for (let click = 0; click < 3; click++) {
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      await page.waitForTimeout(120);
    }
    const timeline = page.locator('[data-component="coachingTimeline"]');
    await timeline.getByText(strengths).first().waitFor({ timeout: 10_000 });
    await settle(page);
    assert.equal(await sessionsOfDeal(page, OPPORTUNITY_ID), before + 1);
    // The fresh form has nothing to save.
    assert.equal(await save.isDisabled(), true);
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('defect 4: no session on an opportunity the user cannot see; a malformed id gets a plain message', async () => {
    assert.ok(UNSEEN_OPPORTUNITY, 'the sample has a deal of another team');
    const unseen = await openDeal(preview, { recordId: UNSEEN_OPPORTUNITY });
    await unseen.form.locator('.unavailable').waitFor();
    assert.match(
      await unseen.form.locator('.unavailable').innerText(),
      /This opportunity is not available to you/
    );
    assert.equal(await unseen.form.locator('form').count(), 0);
    assert.equal(await unseen.save.count(), 0);
    await unseen.page.close();

    const malformed = await openDeal(preview, { recordId: 'not-an-id' });
    await malformed.form.locator('.unavailable').waitFor();
    const text = await malformed.form.innerText();
    assert.match(text, /not a valid Salesforce id/);
    assert.doesNotMatch(text, /incorrect type/);
    await malformed.page.close();
  });

  void it('defect 5: a failed save at the bottom of the form shows its error there, focused, with a toast', async () => {
    const { page, form, save } = await openDeal(preview, {
      viewport: { width: 1400, height: 600 }
    });
    await form.getByLabel('Commitments').fill('Send the mutual close plan');
    await save.scrollIntoViewIfNeeded();
    await failNext(page, 'write');
    await save.click();
    const feedback = form.locator('.save-feedback');
    await feedback.getByText('The session was not saved').waitFor({ timeout: 10_000 });
    const box = await feedback.boundingBox();
    assert.ok(box && box.y >= 0 && box.y + box.height <= 600, 'the error is in view');
    assert.equal(await feedback.evaluate((element) => element.matches(':focus')), true);
    await page
      .locator('lightning-toast')
      .getByText('Not saved', { exact: true })
      .waitFor({ timeout: 5_000 });
    assert.equal(await form.getByLabel('Commitments').inputValue(), 'Send the mutual close plan');
    await page.close();
  });

  void it('defect 6: a completed session in the future is refused; planned, it saves', async () => {
    const { page, form, save } = await openDeal(preview);
    await form.getByLabel('Strengths').fill('Next week’s review');
    const date = form.getByLabel('Session date');
    await date.fill('Dec 1, 2026');
    await date.press('Tab');
    await form
      .getByText('A completed session cannot be in the future: set the status to Planned')
      .first()
      .waitFor();
    assert.equal(await save.isDisabled(), true);
    await form.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'Planned' }).click();
    await settle(page);
    assert.equal(await save.isDisabled(), false);
    await page.close();
  });

  void it('defect 7: 40,000 characters are counted and refused before any request', async () => {
    const { page, form, save } = await openDeal(preview);
    const before = await writes(page);
    await form.getByLabel('Strengths').fill('x'.repeat(40000));
    await form
      .locator('[data-count="strengths"]')
      .getByText('40,000 of 32,768 characters')
      .waitFor();
    const feedback = await form.locator('.save-feedback').innerText();
    assert.match(
      feedback,
      /Strengths: Shorten this to 32,768 characters or fewer \(it has 40,000\)\./
    );
    assert.equal(feedback.split('Strengths').length - 1, 1, 'the field is named once');
    assert.doesNotMatch(feedback, /Please try again/);
    assert.equal(await save.isDisabled(), true);
    assert.equal(await writes(page), before);
    await page.close();
  });

  void it('defect 8: a plan target of 1e15, a win rate of -50 to 1e17 and 99,999 minutes are refused', async () => {
    const deal = await openDeal(preview);
    await deal.form.getByLabel('Strengths').fill('Long ride-along');
    await deal.form.getByLabel('Duration (minutes)').fill('99999');
    await deal.form.getByText('Enter at most 4 digits before the decimal point.').first().waitFor();
    await deal.form.getByLabel('Duration (minutes)').fill('9999');
    await deal.form
      .getByText('A session lasts at most a day: enter 1440 minutes or fewer.')
      .first()
      .waitFor();
    assert.equal(await deal.save.isDisabled(), true);
    await deal.page.close();

    const { page } = await preview.open({ page: 'territory-plan', persona: 'manager' });
    await settle(page);
    const card = page.locator('c-territory-plan-progress');
    await card.getByRole('button', { name: 'Review', exact: true }).click();
    const target = card.locator('lightning-input.target-input input');
    await target.fill('1000000000000000');
    await card.getByText('Enter at most 14 digits before the decimal point.').waitFor();
    await target.fill('150000.555');
    await card.getByText('Use at most 2 decimal places.').waitFor();
    assert.equal(await card.getByRole('button', { name: 'Save' }).isDisabled(), true);

    await page.goto(previewUrl(preview.server, { page: 'coaching', persona: 'manager' }));
    await page.waitForSelector('body[data-preview-ready="true"]');
    await settle(page);
    const editor = page.locator('c-development-goal-editor');
    await editor.getByLabel('Goal name').fill('Raise win rate');
    await editor.getByText('Measured from a KPI').click();
    await editor.getByRole('combobox', { name: 'Metric' }).click();
    await page.getByRole('option', { name: 'Win Rate' }).click();
    await editor.getByLabel('Baseline value').fill('-50');
    await editor.getByLabel('Target value').fill('1e17');
    await editor.getByText(/Baseline value: Enter a baseline the metric can have/).waitFor();
    await editor.getByText('Target value: Enter a number in digits, such as 1,250.5.').waitFor();
    assert.equal(await editor.getByRole('button', { name: 'Save goal' }).isDisabled(), true);
    await page.close();
  });

  void it('defect 9: 12.5 minutes is refused instead of rounded, and the cleared form shows no stale error', async () => {
    const { page, form, save } = await openDeal(preview);
    const duration = form.getByLabel('Duration (minutes)');
    const strengths = `Short call ${Date.now()}`;
    await form.getByLabel('Strengths').fill(strengths);
    await duration.fill('12.5');
    await form.getByText('Enter a whole number, without decimals.').first().waitFor();
    assert.equal(await save.isDisabled(), true);
    await duration.fill('13');
    await save.click();
    await page
      .locator('[data-component="coachingTimeline"]')
      .getByText(strengths)
      .first()
      .waitFor({ timeout: 10_000 });
    await settle(page);
    assert.equal(await form.getByLabel('Strengths').inputValue(), '');
    assert.equal(await duration.inputValue(), '');
    const help = await form
      .locator('[data-field="durationMinutes"] .slds-form-element__help')
      .allInnerTexts();
    assert.equal(help.join('').trim(), '', 'no message left on the empty duration');
    assert.equal(
      await form
        .locator('[data-field="durationMinutes"]')
        .evaluate((element) => element.classList.contains('slds-has-error')),
      false
    );
    await page.close();
  });
});
