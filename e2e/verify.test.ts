import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inspectComponents } from '../scripts/org/pageCheck';
import { usePreview } from './harness';

// npm run org:verify inspects an org's pages with inspectComponents; here it runs on the
// preview's pages, which render the same components, to show what it passes and what it catches.
void describe('org:verify page inspection', () => {
  const preview = usePreview();
  const PLACED = ['c-deal-coach', 'c-coaching-session-form', 'c-coaching-timeline'];

  void it('passes a page whose placed components rendered their data', async () => {
    const { page } = await preview.open({ page: 'opportunity', persona: 'manager' });
    assert.deepEqual(await inspectComponents(page, PLACED, 30), []);
    await page.close();
  });

  void it('reports a component that shows an error and one that never renders', async () => {
    const { page } = await preview.open({
      page: 'opportunity',
      persona: 'manager',
      fail: ['next-query', 'next-query', 'next-query']
    });
    const problems = await inspectComponents(page, [...PLACED, 'c-territory-plan-progress'], 15);
    assert.ok(
      problems.some((problem) => /^c-[a-z-]+ shows an error: /.test(problem)),
      problems.join('\n')
    );
    assert.ok(
      problems.includes('c-territory-plan-progress never rendered (not on the page after 15 s)'),
      problems.join('\n')
    );
    await page.close();
  });
});
