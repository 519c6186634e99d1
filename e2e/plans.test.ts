import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saveScreenshot, settle, usePreview } from './harness';

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
});
