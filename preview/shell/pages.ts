/**
 * The preview's pages. What a page shows — its kind, its object, its template's columns, the
 * components in each region and their properties — comes from the FlexiPage it renders
 * (force-app/main/default/flexipages), read at build time by preview/flexiPages.ts: a component
 * placed on a FlexiPage appears in the preview with no change here.
 *
 * This file keeps only what a FlexiPage cannot say: the preview's route (`id`), its navigation
 * tab, title and icon, the personas the page is for, and a record page's header fields (the
 * org shows the object's compact layout there). Which sample record a record page opens is the
 * record header's choice (recordHeader/recordHeader.ts).
 */
import type { Persona } from '../runtime/routes';

export interface HighlightField {
  /** Field path relative to the object, e.g. 'Account.Name'. */
  field: string;
  label: string;
}

export interface PageSettings {
  id: string;
  /** Navigation tab label. */
  label: string;
  /** Page header title (record pages show the record name instead, this as the object label). */
  title: string;
  icon: string;
  /** The personas this page is meant for, used to pick a default page after a switch. */
  audience: Persona[];
  /** The FlexiPage in force-app/main/default/flexipages this page renders. */
  flexipage: string;
  /** Record pages: the highlight fields of the record header. */
  highlights?: HighlightField[];
}

export interface Placement {
  /**
   * Bundle name in force-app/main/default/lwc, e.g. 'managerScorecard', or a standard
   * component as the FlexiPage names it, e.g. 'force:relatedListContainer' (shown as a card
   * saying what the org renders there).
   */
  component: string;
  /** What a standard component shows, e.g. 'Related tab: related lists'. */
  label?: string;
  /**
   * The FlexiPage's component properties, typed as the bundle's js-meta.xml declares them, and
   * on record pages the record context ('$recordId', '$objectApiName') for the bundle's
   * `@api recordId` / `@api objectApiName`. The shell fills the tokens in.
   */
  properties?: Record<string, string | number | boolean>;
}

export interface PageDefinition extends PageSettings {
  kind: 'home' | 'app' | 'record';
  /** Record pages: the FlexiPage's sobjectType. */
  objectApiName?: string;
  /** The side of the narrow column, as the FlexiPage's template has it. */
  sidebarSide: 'left' | 'right';
  regions: {
    header: Placement[];
    main: Placement[];
    sidebar: Placement[];
  };
}

export const PAGE_SETTINGS: PageSettings[] = [
  {
    id: 'home',
    label: 'Home',
    title: 'Manager Home',
    icon: 'standard:home',
    audience: ['manager', 'vp'],
    flexipage: 'Sales_Coaching_Manager_Home'
  },
  {
    id: 'rep-home',
    label: 'Rep Home',
    title: 'My Home',
    icon: 'standard:home',
    audience: ['rep'],
    flexipage: 'Sales_Coaching_Rep_Home'
  },
  {
    id: 'coaching',
    label: 'Coaching',
    title: 'Sales Coaching',
    icon: 'standard:coaching',
    audience: ['manager', 'vp'],
    flexipage: 'Sales_Coaching_App_Page'
  },
  {
    id: 'opportunity',
    label: 'Opportunities',
    title: 'Opportunity',
    icon: 'standard:opportunity',
    audience: ['manager', 'vp', 'rep'],
    flexipage: 'Opportunity_Record_Page',
    highlights: [
      { field: 'Account.Name', label: 'Account Name' },
      { field: 'CloseDate', label: 'Close Date' },
      { field: 'Amount', label: 'Amount' },
      { field: 'StageName', label: 'Stage' },
      { field: 'Owner.Name', label: 'Opportunity Owner' }
    ]
  },
  {
    id: 'territory-plan',
    label: 'Territory Plans',
    title: 'Territory Plan',
    icon: 'custom:custom78',
    audience: ['manager', 'vp', 'rep'],
    flexipage: 'Territory_Plan_Record_Page',
    highlights: [
      { field: 'Plan_Owner__r.Name', label: 'Plan Owner' },
      { field: 'Period_Start__c', label: 'Period Start' },
      { field: 'Period_End__c', label: 'Period End' },
      { field: 'Target_Amount__c', label: 'Target Amount' },
      { field: 'Status__c', label: 'Status' }
    ]
  }
];

/** Every bundle the pages place, for the build's registry of component loaders. */
export function placedComponents(pages: readonly PageDefinition[]): string[] {
  const names = new Set<string>();
  for (const page of pages) {
    for (const placements of Object.values(page.regions)) {
      for (const placement of placements) {
        if (!placement.component.includes(':')) names.add(placement.component);
      }
    }
  }
  return [...names].sort();
}
