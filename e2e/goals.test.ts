import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { saveScreenshot, settle, usePreview } from './harness';

// The rep persona's KPI goal "Average Deal Size: $28k → $34k" (2026-07-01 … 2027-03-31) and one
// of the rep's open deals closing in that window, from data/sample-data.json.
const KPI_GOAL = 'a02Dp0000000004IAA';
const OPEN_DEAL = '006Dp000000003GIAQ';

void describe('my development goals', () => {
  const preview = usePreview();

  void it('a rep sees a KPI goal’s progress change after a deal is closed won', async () => {
    const { page, errors } = await preview.open({ page: 'rep-home', persona: 'rep' });
    await settle(page);
    const card = page.locator('c-my-development-goals');
    const goal = card.locator(`[data-goal-id="${KPI_GOAL}"]`);
    await goal.waitFor();
    const before = await goal.locator('.kpi-text').innerText();
    await saveScreenshot(page, 'rep-home-goals');

    // Close a large deal as won through the in-memory org, then look again.
    await page.evaluate(
      (id) =>
        window.__preview?.lds.updateRecord({
          fields: { Id: id, StageName: 'Closed Won', Amount: 400000, CloseDate: '2026-11-20' }
        }),
      OPEN_DEAL
    );
    await page.reload();
    await page.waitForSelector('body[data-preview-ready="true"]');
    await settle(page);
    await goal.waitFor();
    const after = await goal.locator('.kpi-text').innerText();
    assert.notEqual(after, before, 'the live value moved');
    assert.equal(await goal.locator('[role="progressbar"]').getAttribute('aria-valuenow'), '100');
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('a rep updates a manual goal’s progress, with the rule’s message for out-of-range values', async () => {
    const { page, errors } = await preview.open({ page: 'rep-home', persona: 'rep' });
    await settle(page);
    const card = page.locator('c-my-development-goals');
    const goal = card.locator('[data-goal-id="a02Dp0000000003IAA"]');
    await goal.getByRole('button', { name: 'Update progress' }).click();
    const input = goal.locator('lightning-input.progress-input input');
    await input.fill('140');
    await input.press('Tab');
    // The rule's message shows as the rep types, and Save waits until the value is valid.
    await goal.getByText('Progress must be between 0 and 100 percent.').first().waitFor();
    assert.equal(await goal.getByRole('button', { name: 'Save' }).isDisabled(), true);
    await input.fill('85');
    await input.press('Tab');
    await goal.getByRole('button', { name: 'Save' }).click();
    await goal.locator('[role="progressbar"][aria-valuenow="85"]').waitFor({ timeout: 5_000 });
    assert.deepEqual(errors, []);
    await page.close();
  });
});
