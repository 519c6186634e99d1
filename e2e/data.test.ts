import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { settle, type Page, usePreview } from './harness';

interface GraphQLAnswer {
  data?: unknown;
  errors?: { message: string }[];
}

function query(
  page: Page,
  text: string,
  variables: Record<string, unknown> = {}
): Promise<GraphQLAnswer> {
  return page.evaluate(
    ([source, vars]) => window.__preview?.lds.query(source, vars) as Promise<GraphQLAnswer>,
    [text, variables] as const
  );
}

async function highlight(page: Page, label: string): Promise<string> {
  const block = page.locator('.slds-page-header__detail-block', { hasText: label });
  return (await block.locator('div').nth(1).innerText()).trim();
}

function recordIdOf(page: Page): string {
  const match = /#\/[a-z-]+\/([A-Za-z0-9]{18})/.exec(page.url());
  assert.ok(match, `no record id in ${page.url()}`);
  return match[1];
}

void describe('data through the preview', () => {
  const preview = usePreview();

  void it('answers a misspelled field with the GraphQL validation error', async () => {
    const { page, errors } = await preview.open({ page: 'home', persona: 'manager' });
    const answer = await query(
      page,
      '{ uiapi { query { Opportunity { edges { node { Amont { value } } } } } } }'
    );
    assert.equal(answer.data, undefined);
    assert.equal(answer.errors?.[0]?.message, 'Cannot query field "Amont" on type "Opportunity".');
    assert.deepEqual(errors, []);
    await page.close();
  });

  void it('runs record and aggregate queries with the persona’s sharing', async () => {
    const { page } = await preview.open({ page: 'rep-home', persona: 'rep' });
    const answer = (await query(
      page,
      `{ uiapi {
        query { Opportunity(first: 2000) { totalCount edges { node { OwnerId { value } } } } }
        aggregate { Opportunity { edges { node { aggregate { Id { count { value } } } } } } } } }`
    )) as {
      data: {
        uiapi: {
          query: {
            Opportunity: { totalCount: number; edges: { node: { OwnerId: { value: string } } }[] };
          };
          aggregate: {
            Opportunity: { edges: { node: { aggregate: { Id: { count: { value: number } } } } }[] };
          };
        };
      };
    };
    const userId = await page.evaluate(() => window.__preview?.persona().userId);
    const { query: records, aggregate } = answer.data.uiapi;
    assert.ok(records.Opportunity.totalCount > 0);
    assert.ok(records.Opportunity.edges.every((edge) => edge.node.OwnerId.value === userId));
    assert.equal(
      aggregate.Opportunity.edges[0].node.aggregate.Id.count.value,
      records.Opportunity.totalCount
    );
    await page.close();
  });

  void it('saves a record, updates the wires that show it, and keeps it across a reload', async () => {
    const { page, errors } = await preview.open({
      page: 'opportunity',
      persona: 'manager'
    });
    await settle(page);
    const recordId = recordIdOf(page);
    const before = await highlight(page, 'Amount');
    assert.notEqual(before, '$123,456.00');

    await page.evaluate(
      (id) => window.__preview?.lds.updateRecord({ fields: { Id: id, Amount: 123456 } }),
      recordId
    );
    await page.waitForFunction(() => document.body.innerText.includes('$123,456.00'), undefined, {
      timeout: 5_000
    });
    assert.equal(await highlight(page, 'Amount'), '$123,456.00');

    await page.reload();
    await page.waitForSelector('body[data-preview-ready="true"]');
    await settle(page);
    assert.equal(await highlight(page, 'Amount'), '$123,456.00');

    const fresh = await preview.open({
      page: 'opportunity',
      persona: 'manager',
      recordId
    });
    await settle(fresh.page);
    assert.equal(
      await highlight(fresh.page, 'Amount'),
      before,
      'a new tab starts from the sample data'
    );
    assert.deepEqual(errors, []);
    await fresh.page.close();
    await page.close();
  });

  void it('rejects an invalid save with the UI API error shape', async () => {
    const { page } = await preview.open({
      page: 'territory-plan',
      persona: 'manager'
    });
    await settle(page);
    const recordId = recordIdOf(page);
    const failure = await page.evaluate(async (id) => {
      try {
        await window.__preview?.lds.updateRecord({ fields: { Id: id, Target_Amount__c: 0 } });
        return null;
      } catch (error) {
        return error as {
          status: number;
          body: {
            output: {
              errors: { errorCode: string; message: string }[];
              fieldErrors: Record<string, { errorCode: string; message: string }[]>;
            };
          };
        };
      }
    }, recordId);
    assert.ok(failure, 'the save was rejected');
    assert.equal(failure.status, 400);
    const { errors, fieldErrors } = failure.body.output;
    const codes = [...errors, ...Object.values(fieldErrors).flat()].map((entry) => entry.errorCode);
    assert.ok(codes.includes('FIELD_CUSTOM_VALIDATION_EXCEPTION'), codes.join(', '));
    await page.close();
  });

  void it('shows an error state when the next queries fail', async () => {
    const { page: first } = await preview.open({
      page: 'opportunity',
      persona: 'manager'
    });
    await settle(first);
    const recordId = recordIdOf(first);
    await first.close();

    const { page } = await preview.open({
      page: 'opportunity',
      persona: 'manager',
      recordId,
      fail: ['next-query', 'next-query']
    });
    const alert = page.locator('.record-error');
    await alert.waitFor();
    assert.match(await alert.innerText(), /could not be loaded: Service Unavailable/);
    await page.close();
  });

  void it('fails the next write when asked through the hook', async () => {
    const { page } = await preview.open({ page: 'opportunity', persona: 'manager' });
    await settle(page);
    const recordId = recordIdOf(page);
    const status = await page.evaluate(async (id) => {
      window.__preview?.failNext('write');
      try {
        await window.__preview?.lds.updateRecord({ fields: { Id: id, Amount: 1 } });
        return 200;
      } catch (error) {
        return (error as { status: number }).status;
      }
    }, recordId);
    assert.equal(status, 503);
    await page.close();
  });
});
