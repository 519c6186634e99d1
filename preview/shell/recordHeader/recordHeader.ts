import { LightningElement, api, wire } from 'lwc';
import { gql, graphql } from 'lightning/graphql';
import {
  getFieldDisplayValue,
  getFieldValue,
  getRecord,
  type RecordRepresentation
} from 'lightning/uiRecordApi';
import type { HighlightField } from '../pages';

const OPPORTUNITY_CHOICES = gql`
  query PreviewOpportunityChoices {
    uiapi {
      query {
        Opportunity(
          first: 200
          where: { IsClosed: { eq: false } }
          orderBy: { CloseDate: { order: ASC }, Name: { order: ASC } }
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              StageName {
                value
              }
            }
          }
        }
      }
    }
  }
`;

const PLAN_CHOICES = gql`
  query PreviewPlanChoices {
    uiapi {
      query {
        Territory_Plan__c(
          first: 200
          orderBy: { Period_Start__c: { order: DESC }, Name: { order: ASC } }
        ) {
          edges {
            node {
              Id
              Name {
                value
              }
              Status__c {
                value
              }
            }
          }
        }
      }
    }
  }
`;

interface ChoiceNode {
  Id: string;
  Name: { value: string };
  StageName?: { value: string };
  Status__c?: { value: string };
}

type ChoicesData = { uiapi: { query: Record<string, { edges: { node: ChoiceNode }[] }> } };

/**
 * A record page's highlights panel (SLDS page header with the record's key fields) and a
 * picker to open another record of the same object that the persona can see.
 */
export default class RecordHeader extends LightningElement {
  @api objectApiName = '';
  @api recordId: string | undefined;
  @api highlights: HighlightField[] = [];
  @api icon = 'standard:record';
  @api objectLabel = '';

  record: RecordRepresentation | undefined;
  recordError: unknown;
  choices: ChoiceNode[] = [];

  get fields(): string[] {
    return [
      `${this.objectApiName}.Name`,
      ...this.highlights.map((entry) => `${this.objectApiName}.${entry.field}`)
    ];
  }

  get choicesQuery() {
    return this.objectApiName === 'Opportunity' ? OPPORTUNITY_CHOICES : PLAN_CHOICES;
  }
  @wire(getRecord, {
    recordId: '$recordId',
    optionalFields: '$fields'
  })
  wiredRecord({ data, error }: { data?: RecordRepresentation; error?: unknown }): void {
    this.record = data;
    this.recordError = error;
  }

  @wire(graphql, { query: '$choicesQuery' })
  wiredChoices({ data }: { data?: ChoicesData }): void {
    this.choices = data?.uiapi.query[this.objectApiName]?.edges.map((edge) => edge.node) ?? [];
    if (!this.recordId && this.choices.length > 0) this.open(this.choices[0].Id, true);
  }

  get name(): string {
    return this.record
      ? (getFieldDisplayValue(this.record, `${this.objectApiName}.Name`) ?? this.displayName)
      : '';
  }

  private get displayName(): string {
    const value = this.record?.fields.Name?.value;
    return typeof value === 'string' ? value : '';
  }

  /** Why the record cannot be shown: not visible to this persona, or the request failed. */
  get errorMessage(): string | null {
    const error = this.recordError as { status?: number; body?: unknown } | undefined;
    if (!error) return null;
    if (error.status === 404)
      return 'This record is not available to you. Pick one of your records above.';
    const body = error.body;
    const detail = Array.isArray(body)
      ? (body[0] as { message?: string } | undefined)?.message
      : undefined;
    return `The record could not be loaded: ${detail ?? 'unknown error'}`;
  }

  get highlightValues(): { label: string; value: string; key: string }[] {
    const record = this.record;
    if (!record) return [];
    return this.highlights.map((entry) => {
      const path = `${this.objectApiName}.${entry.field}`;
      const display = getFieldDisplayValue(record, path);
      const raw = getFieldValue(record, path);
      const scalar = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean';
      const value = display ?? (scalar ? String(raw) : '');
      return { label: entry.label, value, key: entry.field };
    });
  }

  get options(): { label: string; value: string }[] {
    const options = this.choices.map((choice) => ({
      label: `${choice.Name.value} · ${choice.StageName?.value ?? choice.Status__c?.value ?? ''}`,
      value: choice.Id
    }));
    if (this.recordId && this.name && !options.some((option) => option.value === this.recordId)) {
      options.unshift({ label: this.name, value: this.recordId });
    }
    return options;
  }

  handlePick(event: CustomEvent<{ value: string }>): void {
    this.open(event.detail.value, false);
  }

  private open(recordId: string, replace: boolean): void {
    const [path, query = ''] = location.hash.replace(/^#\/?/, '').split('?');
    const page = path.split('/')[0];
    const hash = `#/${page}/${recordId}${query ? `?${query}` : ''}`;
    if (replace) {
      // replaceState fires no hashchange; the shell's router listens for one.
      history.replaceState(null, '', hash);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } else {
      location.hash = hash;
    }
  }
}
