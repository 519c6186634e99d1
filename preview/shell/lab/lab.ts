import { LightningElement, wire } from 'lwc';
import { gql, graphql, refreshGraphQL, type GraphQLResult } from 'lightning/graphql';
import {
  createRecord,
  getFieldDisplayValue,
  getObjectInfo,
  getRecord,
  updateRecord,
  type ObjectInfo,
  type RecordRepresentation
} from 'lightning/uiRecordApi';
import { CurrentPageReference, NavigationMixin, type PageReference } from 'lightning/navigation';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import USER_ID from '@salesforce/user/Id';
import AMOUNT_FIELD from '@salesforce/schema/Opportunity.Amount';
import NAME_FIELD from '@salesforce/schema/Opportunity.Name';
import SESSION_OBJECT from '@salesforce/schema/Coaching_Session__c';
import PRIVATE_NOTE_OBJECT from '@salesforce/schema/Coaching_Private_Note__c';
import SAVE_LABEL from '@salesforce/label/c.SC_Save';

const MY_DEALS = gql`
  query PreviewLabDeals($first: Int) {
    uiapi {
      query {
        Opportunity(orderBy: { CloseDate: { order: DESC }, Name: { order: ASC } }, first: $first) {
          totalCount
          edges {
            node {
              Id
              Amount {
                value
                displayValue
              }
            }
          }
        }
      }
    }
  }
`;

interface DealsData {
  uiapi: {
    query: {
      Opportunity: {
        totalCount: number;
        edges: {
          node: { Id: string; Amount: { value: number | null; displayValue: string | null } };
        }[];
      };
    };
  };
}

/**
 * The platform stand-ins exercised by a real, compiled LWC (`#/lab`): a page the browser tests
 * use to check the preview itself, whatever the product components do.
 */
export default class Lab extends NavigationMixin(LightningElement) {
  userId = USER_ID;
  saveLabel = SAVE_LABEL;
  deals: DealsData | undefined;
  dealsErrors: string[] = [];
  record: RecordRepresentation | undefined;
  /** Coaching_Private_Note__c's object info: an error for users without access (reps). */
  privateNoteInfo: ObjectInfo | undefined;
  privateNoteInfoFailed = false;
  pageReferenceType = '';
  /** Variables that are not ready (undefined) keep a wire from running, as with LDS. */
  notReadyVariables: { first: number } | undefined = undefined;
  notReadyState = 'waiting';
  private dealsResult: GraphQLResult<DealsData> | undefined;

  /** Reactive variables, as components pass them: sharing decides whose deals these are. */
  get variables(): { first: number } {
    return { first: 5 };
  }

  get firstDealId(): string | undefined {
    return this.deals?.uiapi.query.Opportunity.edges[0]?.node.Id;
  }

  get dealCount(): number {
    return this.deals?.uiapi.query.Opportunity.totalCount ?? 0;
  }

  get amountFromGraphql(): string {
    return this.deals?.uiapi.query.Opportunity.edges[0]?.node.Amount.displayValue ?? '';
  }

  get amountFromRecord(): string {
    return (this.record && getFieldDisplayValue(this.record, AMOUNT_FIELD)) ?? '';
  }

  get seesPrivateNotes(): string {
    if (this.privateNoteInfoFailed) return 'false';
    return this.privateNoteInfo ? String('Body__c' in this.privateNoteInfo.fields) : '';
  }

  get errorText(): string {
    return this.dealsErrors.join('; ');
  }
  @wire(graphql, { query: MY_DEALS, variables: '$variables' })
  wiredDeals(result: GraphQLResult<DealsData>): void {
    this.dealsResult = result;
    this.deals = result.data;
    this.dealsErrors = (result.errors ?? []).map((error) => error.message);
  }

  @wire(graphql, { query: MY_DEALS, variables: '$notReadyVariables' })
  wiredNotReady(): void {
    this.notReadyState = 'ran';
  }

  @wire(getRecord, {
    recordId: '$firstDealId',
    fields: [NAME_FIELD, AMOUNT_FIELD]
  })
  wiredRecord({ data }: { data?: RecordRepresentation }): void {
    this.record = data;
  }

  @wire(getObjectInfo, { objectApiName: PRIVATE_NOTE_OBJECT })
  wiredPrivateNoteInfo({ data, error }: { data?: ObjectInfo; error?: unknown }): void {
    this.privateNoteInfo = data;
    this.privateNoteInfoFailed = !data && error !== undefined;
  }

  @wire(CurrentPageReference)
  wiredPageReference(reference: PageReference | undefined): void {
    this.pageReferenceType = reference?.type ?? '';
  }

  async handleRaise(): Promise<void> {
    const id = this.firstDealId;
    if (!id) return;
    await updateRecord({ fields: { Id: id, Amount: 987654 } });
  }

  async handleRefresh(): Promise<void> {
    if (this.dealsResult) await refreshGraphQL(this.dealsResult);
  }

  async handleLog(): Promise<void> {
    try {
      await createRecord({
        apiName: SESSION_OBJECT.objectApiName,
        fields: {
          Rep__c: this.userId,
          Session_Date__c: '2026-11-23',
          Session_Type__c: 'One-on-One',
          Status__c: 'Planned'
        }
      });
      this.dispatchEvent(new ShowToastEvent({ title: 'Session logged', variant: 'success' }));
    } catch (error) {
      const body = (error as { body?: { output?: { errors?: { message: string }[] } } }).body;
      const message = body?.output?.errors?.[0]?.message ?? 'Save failed';
      this.dispatchEvent(
        new ShowToastEvent({ title: 'Session not logged', message, variant: 'error' })
      );
    }
  }

  handleOpen(): void {
    const recordId = this.firstDealId;
    if (!recordId) return;
    this[NavigationMixin.Navigate]({
      type: 'standard__recordPage',
      attributes: { recordId, objectApiName: 'Opportunity', actionName: 'view' }
    });
  }
}
