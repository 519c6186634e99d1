import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Dataset } from '../data/dataset';
import { SAMPLE_DATA_PATH } from '../data/cli';
import { previewUrl, saveScreenshot, settle, usePreview } from './harness';

const { personas } = (JSON.parse(readFileSync(SAMPLE_DATA_PATH, 'utf8')) as Dataset).meta;

void describe('territory plan progress', () => {
  const preview = usePreview();

  void it('a manager reviews a plan, adjusts its target and sees the adjustment in the history', async () => {
    const { page, errors } = await preview.open({
      page: 'territory-plan',
      persona: 'manager'
    });
    await settle(page);
    const card = page.locator('c-territory-plan-progress');
    await card.locator('[data-state="data"]').waitFor();
    assert.ok(await card.locator('svg[role="img"]').count(), 'the cumulative chart is drawn');
    await saveScreenshot(page, 'territory-plan-manager');

    await card.getByRole('button', { name: 'Review', exact: true }).click();
    const target = card.locator('lightning-input.target-input input');
    await target.fill('');
    await target.fill('0');
    await target.press('Tab');
    await card
      .locator('lightning-textarea.notes-input textarea')
      .fill('December pipeline is thin; target lowered.');
    // The rule's message shows as the manager types, and Save waits until the target is valid.
    await card.getByText('Enter a target amount greater than zero.').waitFor();
    assert.equal(await card.getByRole('button', { name: 'Save' }).isDisabled(), true);

    await target.fill('');
    await target.fill('123457');
    await target.press('Tab');
    await card.getByRole('button', { name: 'Save' }).click();
    await card.locator('.history-change', { hasText: '$123,457' }).first().waitFor();
    assert.match(await card.locator('.history-change').first().innerText(), /→ \$123,457/);
    assert.match(await card.locator('.last-reviewed').innerText(), /11\/23\/2026/);
    assert.match(await card.locator('.target').innerText(), /\$123,457/);
    await saveScreenshot(page, 'territory-plan-reviewed');
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('shows the plan and its figures when the history request fails', async () => {
    const { page } = await preview.open({
      page: 'territory-plan',
      persona: 'manager',
      fail: ['operation:territoryPlanHistory']
    });
    await settle(page);
    const card = page.locator('c-territory-plan-progress');
    await card.locator('[data-state="data"]').waitFor();
    await card.locator('.history-unavailable').waitFor();
    assert.match(await card.locator('.target').innerText(), /\$/);
    assert.ok(await card.locator('svg[role="img"]').count(), 'the cumulative chart is drawn');
    assert.equal(await card.locator('.history-table').count(), 0);
    await page.close();
  });

  void it('a rep sees the territory plan their manager created for them', async () => {
    const { page, errors } = await preview.open({ page: 'home', persona: 'manager', reset: true });
    await settle(page);
    // The manager creates next quarter's plan for their rep, as any Lightning form would save it.
    const created = await page.evaluate(
      ([rep, manager]) =>
        window.__preview?.lds.createRecord({
          apiName: 'Territory_Plan__c',
          fields: {
            Name: 'Marcus Brooks - Q1 2027',
            Plan_Owner__c: rep,
            Manager__c: manager,
            Period_Start__c: '2027-01-01',
            Period_End__c: '2027-03-31',
            Target_Amount__c: 175000,
            Status__c: 'Draft'
          }
        }),
      [personas.rep, personas.manager] as const
    );
    assert.ok(created?.id, 'the plan is saved');
    assert.equal(created.fields.OwnerId?.value, personas.rep, 'the Flow hands it to the rep');

    // The same tab as the rep: another persona is another page load, the tab's writes replay.
    await page.goto(
      previewUrl(preview.server, { page: 'territory-plan', recordId: created.id, persona: 'rep' })
    );
    await page.waitForSelector('body[data-preview-ready="true"]');
    assert.equal(await page.evaluate(() => window.__preview?.persona().userId), personas.rep);
    await settle(page);
    const card = page.locator('c-territory-plan-progress');
    await card.locator('[data-state="data"]').waitFor();
    assert.equal(await card.locator('[data-state="empty"]').count(), 0);
    assert.match(await card.locator('.target').innerText(), /\$175,000/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
