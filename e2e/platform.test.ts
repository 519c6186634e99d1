/**
 * The platform stand-ins inside a real compiled LWC (the preview's lab page, `#/lab`): wires,
 * saves, toasts, navigation and the @salesforce imports behave as components will see them.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import type { Dataset } from '../data/dataset';
import { generateDataset } from '../data/generate';
import { loadLabels } from '../scripts/metadata/objectModel';
import { settle, type Page, usePreview } from './harness';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dataset: Dataset = generateDataset();

function field(page: Page, id: string): Promise<string> {
  return page.locator(`[data-id="${id}"]`).innerText();
}

void describe('platform stand-ins in a compiled component', () => {
  const preview = usePreview();

  void it('provides the user id, labels, schema imports and wires with the persona’s access', async () => {
    const { page, errors } = await preview.open({ page: 'lab', persona: 'rep' });
    await settle(page);
    await page.waitForFunction(() => document.body.innerText.includes('$'));
    const rep = dataset.meta.personas.rep;
    assert.equal(await field(page, 'user-id'), rep);
    assert.equal(
      Number(await field(page, 'deal-count')),
      dataset.records.Opportunity.filter((row) => row.OwnerId === rep).length
    );
    assert.equal(await field(page, 'label'), loadLabels(ROOT).SC_Save);
    assert.equal(await field(page, 'private-notes'), 'false');
    assert.equal(await field(page, 'page-reference'), 'standard__namedPage');
    assert.equal(await field(page, 'amount-graphql'), await field(page, 'amount-record'));
    assert.equal(await field(page, 'not-ready'), 'waiting', 'undefined variables hold the query');
    assert.deepEqual(errors, []);
    await page.close();

    const asManager = await preview.open({ page: 'lab', persona: 'manager' });
    await settle(asManager.page);
    await asManager.page.locator('[data-id="private-notes"]', { hasText: 'true' }).waitFor();
    await asManager.page.close();
  });

  void it('updates every wire showing a record after a save', async () => {
    const { page, errors } = await preview.open({ page: 'lab', persona: 'manager' });
    await settle(page);
    await page.locator('[data-id="raise"] button').click();
    await page.locator('[data-id="amount-record"]', { hasText: '$987,654.00' }).waitFor();
    await page.locator('[data-id="amount-graphql"]', { hasText: '$987,654.00' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('saves a record and shows the component’s toast; refuses it for a rep', async () => {
    const { page, errors } = await preview.open({ page: 'lab', persona: 'manager' });
    await settle(page);
    await page.locator('[data-id="log"] button').click();
    await page.locator('lightning-toast', { hasText: 'Session logged' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();

    const rep = await preview.open({ page: 'lab', persona: 'rep' });
    await settle(rep.page);
    await rep.page.locator('[data-id="log"] button').click();
    await rep.page.locator('lightning-toast', { hasText: 'Session not logged' }).waitFor();
    await rep.page.close();
  });

  void it('navigates to a record page with NavigationMixin', async () => {
    const { page, errors } = await preview.open({ page: 'lab', persona: 'manager' });
    await settle(page);
    await page.locator('[data-id="open"] button').click();
    await page.waitForURL(/#\/opportunity\/006[A-Za-z0-9]{15}\?as=manager$/);
    await page.locator('[data-page="opportunity"] .record-name').waitFor();
    assert.notEqual((await page.locator('.record-name').innerText()).trim(), '');
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('shows the GraphQL error of a failed query to the component', async () => {
    const { page } = await preview.open({
      page: 'lab',
      persona: 'manager',
      fail: ['next-query']
    });
    await page.locator('[data-id="errors"]', { hasText: 'Service Unavailable' }).waitFor();
    await page.locator('[data-id="refresh"] button').click();
    await page.locator('[data-id="errors"]', { hasText: /^$/ }).waitFor({ state: 'attached' });
    assert.ok(Number(await field(page, 'deal-count')) > 0);
    await page.close();
  });
});
