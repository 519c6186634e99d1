import { LightningElement, api } from 'lwc';
import type { PageDefinition, Placement } from '../pages';

interface RenderedPlacement {
  key: string;
  component: string;
  label: string;
  properties: Record<string, unknown>;
}

/**
 * One Lightning page: a page header (record highlights on record pages) and the header, main
 * and sidebar regions of a two-column template, filled from its FlexiPage. The sidebar sits
 * on the side the page's template puts it.
 */
export default class Page extends LightningElement {
  @api page: PageDefinition | undefined;
  @api recordId: string | undefined;
  @api userId = '';
  @api personaName = '';
  @api today = '';

  get isRecordPage(): boolean {
    return this.page?.kind === 'record';
  }

  get pageTitle(): string {
    return this.page?.title ?? '';
  }

  get icon(): string {
    return this.page?.icon ?? 'standard:home';
  }

  get subtitle(): string {
    return `${this.personaName} · ${this.today}`;
  }

  get headerRegion(): RenderedPlacement[] {
    return this.placementsOf('header');
  }

  get mainRegion(): RenderedPlacement[] {
    return this.placementsOf('main');
  }

  get sidebarRegion(): RenderedPlacement[] {
    return this.placementsOf('sidebar');
  }

  get hasSidebar(): boolean {
    return this.sidebarRegion.length > 0;
  }

  /** The narrow column comes first (on the left) when the page's template puts it there. */
  get sidebarFirst(): boolean {
    return this.hasSidebar && this.page?.sidebarSide === 'left';
  }

  get sidebarLast(): boolean {
    return this.hasSidebar && !this.sidebarFirst;
  }

  get mainClass(): string {
    return this.hasSidebar
      ? 'slds-col slds-size_1-of-1 slds-large-size_8-of-12 region-main'
      : 'slds-col slds-size_1-of-1 region-main';
  }

  /** Placements with the page's tokens ('$recordId', …) replaced by their values. */
  private placementsOf(region: keyof PageDefinition['regions']): RenderedPlacement[] {
    const placements: Placement[] = this.page?.regions[region] ?? [];
    const tokens: Record<string, unknown> = {
      $recordId: this.recordId,
      $objectApiName: this.page?.objectApiName,
      $userId: this.userId
    };
    return placements.map((placement, index) => ({
      key: `${region}-${index}-${placement.component}`,
      component: placement.component,
      label: placement.label ?? '',
      properties: Object.fromEntries(
        Object.entries(placement.properties ?? {}).map(([name, value]) => [
          name,
          typeof value === 'string' && value in tokens ? tokens[value] : value
        ])
      )
    }));
  }
}
