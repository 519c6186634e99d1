import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { previewUrl, saveScreenshot, settle, usePreview } from './harness';

/** An open deal of the rep persona (Marcus Brooks), whose manager is the manager persona. */
const OPPORTUNITY_ID = '006Dp0000000033IAA';

void describe('coaching from the record', () => {
  const preview = usePreview();

  void it('a manager logs a deal review; the rep sees it on Home and acknowledges it', async () => {
    const { page, errors } = await preview.open({
      page: 'opportunity',
      persona: 'manager',
      recordId: OPPORTUNITY_ID
    });
    await settle(page);
    const coach = page.locator('[data-component="dealCoach"]');
    assert.ok((await coach.innerText()).includes('Deal health'));
    await saveScreenshot(page, 'coaching-opportunity-manager');

    const form = page.locator('[data-component="coachingSessionForm"]');
    const strengths = `Strong discovery call ${Date.now()}`;
    await form.getByLabel('Strengths').fill(strengths);
    await form.getByLabel('Commitments').fill('Send the mutual close plan by Friday');
    await form.getByRole('button', { name: 'Save' }).click();
    const timeline = page.locator('[data-component="coachingTimeline"]');
    await timeline.getByText(strengths).first().waitFor({ timeout: 10_000 });
    assert.equal(await form.getByLabel('Strengths').inputValue(), '');
    await saveScreenshot(page, 'coaching-session-logged');

    await page.goto(previewUrl(preview.server, { page: 'rep-home', persona: 'rep' }));
    await page.waitForSelector('body[data-preview-ready="true"]');
    await settle(page);
    const repTimeline = page.locator('[data-component="coachingTimeline"]');
    const session = repTimeline.locator('li.session', { hasText: strengths });
    await session.waitFor({ timeout: 10_000 });
    await session.getByRole('button', { name: 'Acknowledge' }).click();
    await session.getByText('Acknowledged by the rep').waitFor({ timeout: 10_000 });
    await session.getByRole('button', { name: 'Rate 5 out of 5' }).click();
    await session
      .getByRole('button', { name: 'Rate 5 out of 5', pressed: true })
      .waitFor({ timeout: 10_000 });
    await saveScreenshot(page, 'coaching-rep-acknowledged');
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('keeps the typed text when the save fails, and restores it as a draft', async () => {
    const { page } = await preview.open({
      page: 'opportunity',
      persona: 'manager',
      recordId: OPPORTUNITY_ID
    });
    await settle(page);
    const form = page.locator('[data-component="coachingSessionForm"]');
    const typed = 'Needs to multi-thread above the champion';
    await form.getByLabel('Development areas').fill(typed);
    // Let the debounce-free draft write happen, then make the next write fail.
    await page.evaluate(() => window.__preview?.failNext('write', 1));
    await form.getByRole('button', { name: 'Save' }).click();
    await form.locator('.save-errors').waitFor({ timeout: 10_000 });
    assert.equal(await form.getByLabel('Development areas').inputValue(), typed);
    await saveScreenshot(page, 'coaching-save-failed');

    await page.reload();
    await page.waitForSelector('body[data-preview-ready="true"]');
    await settle(page);
    const again = page.locator('[data-component="coachingSessionForm"]');
    await again.locator('.draft-notice').waitFor({ timeout: 10_000 });
    assert.equal(await again.getByLabel('Development areas').inputValue(), typed);
    await page.close();
  });
});
