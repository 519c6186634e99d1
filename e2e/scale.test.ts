/**
 * The preview on a large org (`?scale=`, or `npm start -- --scale <name>`): the browser
 * generates the org of data/scales.ts from its seed, and the scorecard's figures there are the
 * records' — computed here from the same generator in Node, not through the KPI engine.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateDataset } from '../data/generate';
import { SCALES } from '../data/scales';
import { usePreview } from './harness';

const dataset = generateDataset({ scale: 'team' });
/** Q4 2026: the preview's "This quarter" on the generated org's today. */
const QUARTER = { start: '2026-10-01', end: '2026-12-31' };

void describe('the preview on a large org', () => {
  const preview = usePreview();

  void it('opens the team org: twenty reps, and the closed won of their records', async () => {
    const { page, errors } = await preview.open({
      page: 'home',
      persona: 'manager',
      scale: 'team'
    });
    assert.equal(await page.locator('body').getAttribute('data-preview-scale'), 'team');
    const card = page.locator('c-manager-scorecard');
    await card.locator('[data-state="data"] table.scorecard-table tbody tr').first().waitFor({
      timeout: 60_000
    });
    const rows = card.locator('table.scorecard-table tbody tr[data-row-id]');
    assert.equal(await rows.count(), SCALES.team.repsPerManager);
    const manager = dataset.meta.personas.manager;
    const reps = new Set(
      dataset.records.User.filter((user) => user.ManagerId === manager).map((user) => user.Id)
    );
    let won = 0;
    for (const deal of dataset.records.Opportunity) {
      const date = String(deal.CloseDate);
      if (
        reps.has(String(deal.OwnerId)) &&
        deal.IsWon &&
        date >= QUARTER.start &&
        date <= QUARTER.end
      )
        won += typeof deal.Amount === 'number' ? deal.Amount : 0;
    }
    const total = card.locator('tr[data-row-id="total"] td[data-key="closedWon"] .cell-value');
    assert.equal((await total.textContent())?.trim(), `$${won.toLocaleString('en-US')}`);
    assert.equal(await card.locator('.limit-notices').count(), 0);
    assert.deepEqual(errors, []);
  });
});
