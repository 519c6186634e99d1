/**
 * Plan reviews on the package's real metadata and sample data: a Territory_Plan_Review__c is a
 * master-detail child of its plan (it follows the plan's sharing), managers create and read
 * reviews but never edit or delete them, and reps read the reviews of their own plans.
 */
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, it } from 'node:test';
import type { DatasetRecord } from '../../data/dataset';
import { generateDataset } from '../../data/generate';
import { UiApiError } from './errors';
import { loadPreviewMetadata, type PreviewMetadata } from './loadModel';
import { InMemoryOrg } from './org';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REVIEW = 'Territory_Plan_Review__c';
const dataset = generateDataset();
const { manager, rep } = dataset.meta.personas;
const plan = dataset.records.Territory_Plan__c.find(
  (row) => row.Plan_Owner__c === rep && row.Status__c === 'Active'
) as DatasetRecord;

const REVIEWS_OF_PLAN = `query Reviews($planId: ID) { uiapi { query {
  Territory_Plan_Review__c(first: 50, where: { Territory_Plan__c: { eq: $planId } }) {
    totalCount edges { node { Id Notes__c { value } Reviewer__r { Name { value } } } }
  }
} } }`;

interface ReviewsAnswer {
  errors?: { message: string }[];
  data?: { uiapi: { query: { Territory_Plan_Review__c: { totalCount: number } } } };
}

void describe('plan reviews', () => {
  let metadata: PreviewMetadata;
  let org: InMemoryOrg;
  before(() => {
    metadata = loadPreviewMetadata(ROOT);
    org = new InMemoryOrg(metadata.model, dataset);
  });

  const reviewFields = () => ({
    Territory_Plan__c: plan.Id,
    Review_Date__c: '2026-11-23',
    Reviewer__c: manager,
    Notes__c: 'December is thin.',
    Target_Before__c: 200000,
    Target_After__c: 180000
  });

  void it('lets the plan’s manager create a review, and no one edit or delete it', () => {
    const session = org.session(manager);
    const info = session.getObjectInfo(REVIEW);
    assert.equal(info.createable, true);
    assert.equal(info.updateable, false);
    assert.equal(info.deletable, false);
    for (const field of Object.keys(reviewFields())) {
      assert.equal(info.fields[field]?.createable, true, `${field} is createable`);
    }
    const created = session.createRecord({ apiName: REVIEW, fields: reviewFields() });
    const name = created.fields.Name.value;
    assert.ok(typeof name === 'string' && /^TPR-\d{6}$/.test(name), 'auto-numbered');
    assert.throws(
      () => session.updateRecord({ fields: { Id: created.id, Notes__c: 'Rewritten' } }),
      UiApiError
    );
    assert.throws(() => session.deleteRecord(created.id), UiApiError);
  });

  void it('asks for the review date (Review_Date_Required)', () => {
    assert.throws(
      () =>
        org
          .session(manager)
          .createRecord({ apiName: REVIEW, fields: { ...reviewFields(), Review_Date__c: null } }),
      (error: unknown) =>
        error instanceof UiApiError && JSON.stringify(error.body).includes('date of the review')
    );
  });

  void it('lets the rep read the reviews of their plan, and not create one', () => {
    const session = org.session(rep);
    const answer = session.graphql({
      query: REVIEWS_OF_PLAN,
      variables: { planId: plan.Id }
    }) as ReviewsAnswer;
    assert.equal(answer.errors, undefined);
    const expected = dataset.records[REVIEW].filter((row) => row.Territory_Plan__c === plan.Id);
    assert.ok(expected.length > 0);
    assert.ok(
      (answer.data?.uiapi.query.Territory_Plan_Review__c.totalCount ?? 0) >= expected.length
    );
    assert.equal(session.getObjectInfo(REVIEW).createable, false);
    assert.throws(
      () => session.createRecord({ apiName: REVIEW, fields: reviewFields() }),
      UiApiError
    );
  });
});
