import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ROOT } from '../preview/build';
import { loadPages } from '../preview/flexiPages';
import { saveScreenshot, settle, type Persona, usePreview } from './harness';

const PERSONAS: Persona[] = ['vp', 'manager', 'rep'];
/** The pages as the build lays them out from the FlexiPages. */
const PAGES = loadPages(ROOT);

void describe('page shell', () => {
  const preview = usePreview();

  for (const definition of PAGES) {
    for (const persona of PERSONAS) {
      void it(`renders ${definition.id} as ${persona} without console errors`, async () => {
        const { page, errors } = await preview.open({ page: definition.id, persona });
        await settle(page);

        const active = page.locator('.slds-context-bar__item.slds-is-active');
        assert.equal((await active.innerText()).trim(), definition.label);
        const switcher = page.locator('[data-id="persona-switcher"] button');
        assert.match(await switcher.innerText(), new RegExp(`^(VP|Manager|Rep) · `));

        if (definition.kind === 'record') {
          const name = (await page.locator('.record-name').innerText()).trim();
          assert.notEqual(name, '', 'the record page shows the record name');
          const blocks = page.locator('.slds-page-header__detail-block');
          assert.equal(await blocks.count(), definition.highlights?.length ?? 0);
          assert.ok(page.url().includes(`#/${definition.id}/`), 'the URL names the record shown');
          assert.equal(await page.locator('.record-error').count(), 0);
        } else {
          assert.equal((await page.locator('.page-title').innerText()).trim(), definition.title);
        }

        // Every placement renders its component or a placeholder naming it, never a failure.
        const placements = Object.values(definition.regions).flat();
        const rendered = page.locator('preview-placement');
        assert.equal(await rendered.count(), placements.length);
        assert.equal(await page.locator('[data-failure]').count(), 0);
        for (const placement of placements) {
          const slot = page.locator(`[data-component="${placement.component}"]`).first();
          const text = await slot.innerText();
          assert.ok(text.trim().length > 0, `${placement.component} shows something`);
          if (placement.component.includes(':')) {
            // A standard component: a card saying what the org shows there.
            assert.ok(text.includes(placement.label ?? placement.component), text);
            assert.ok(text.includes(`Standard component ${placement.component}`), text);
          }
        }

        await saveScreenshot(page, `${definition.id}-${persona}`);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }

  void it('switches persona from the header and keeps the page', async () => {
    const { page, errors } = await preview.open({
      page: 'coaching',
      persona: 'manager'
    });
    await page.locator('[data-id="persona-switcher"] button').click();
    await page.getByRole('option', { name: /^Rep · / }).click();
    await page.waitForURL(/as=rep/);
    await page.waitForSelector('body[data-preview-ready="true"]');
    await page.locator('[data-page="coaching"]').waitFor();
    assert.match(await page.locator('[data-id="persona-switcher"] button').innerText(), /^Rep · /);
    // The header follows the new persona once the page has re-rendered for it.
    await page.locator('.slds-page-header__name-meta', { hasText: 'Account Executive' }).waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('shows a toast raised with the platform event', async () => {
    const { page, errors } = await preview.open({ page: 'home', persona: 'manager' });
    // What a component's ShowToastEvent is: a bubbling, composed lightning__showtoast event.
    await page.locator('preview-page').evaluate((element) =>
      element.dispatchEvent(
        new CustomEvent('lightning__showtoast', {
          bubbles: true,
          composed: true,
          detail: { title: 'Session saved', message: 'Logged for the rep.', variant: 'success' }
        })
      )
    );
    const toast = page.locator('lightning-toast');
    await toast.waitFor();
    assert.match(await toast.innerText(), /Session saved/);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
