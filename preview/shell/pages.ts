/**
 * THE registry of the preview's pages: which component goes in which region of which page,
 * with which properties. A component issue adds its placement here and nothing else; until
 * the bundle exists in force-app/main/default/lwc, the page shows a placeholder card naming it.
 *
 * Each page copies a FlexiPage of force-app (named in `flexipage`): its components in the same
 * order, each in the column its FlexiPage region sits in (scripts/validate/flexipageTemplates.ts),
 * the contents of a tab set in place of the tab set. A record page's highlights panel is the
 * preview's record header. preview.test.ts fails when a page and its FlexiPage disagree.
 *
 * Property values may use tokens the shell fills in: '$recordId' and '$objectApiName' (the
 * record of a record page) and '$userId' (the persona's user id). Everything else is passed
 * as is, like a FlexiPage's component properties.
 *
 * Plain data: the build reads it in Node to bundle only the components that exist.
 */
import type { Persona } from '../runtime/routes';

export interface Placement {
  /**
   * Bundle name in force-app/main/default/lwc, e.g. 'managerScorecard', or a standard
   * component as the FlexiPage names it, e.g. 'force:relatedListContainer' (shown as a card
   * saying what the org renders there).
   */
  component: string;
  /** What a standard component shows, e.g. 'Related lists'. */
  label?: string;
  properties?: Record<string, string | number | boolean>;
}

export interface HighlightField {
  /** Field path relative to the object, e.g. 'Account.Name'. */
  field: string;
  label: string;
}

export interface PageDefinition {
  id: string;
  /** Navigation tab label. */
  label: string;
  /** Page header title (record pages show the record name instead). */
  title: string;
  kind: 'home' | 'app' | 'record';
  icon: string;
  /** Record pages: the object, its highlight fields and how the picker lists records. */
  objectApiName?: string;
  highlights?: HighlightField[];
  /** The persona this page is meant for, used to pick a default page after a switch. */
  audience: Persona[];
  /** The FlexiPage in force-app/main/default/flexipages this page copies. */
  flexipage: string;
  /** The side of the narrow column, as in the FlexiPage's template (default right). */
  sidebarSide?: 'left' | 'right';
  regions: {
    header: Placement[];
    main: Placement[];
    sidebar: Placement[];
  };
}

export const PAGES: PageDefinition[] = [
  {
    id: 'home',
    label: 'Home',
    title: 'Manager Home',
    kind: 'home',
    icon: 'standard:home',
    audience: ['manager', 'vp'],
    // The scorecard in the top region (its table needs the width: nothing is in the sidebar),
    // the team's coaching history below it.
    flexipage: 'Sales_Coaching_Manager_Home',
    regions: {
      header: [],
      main: [{ component: 'managerScorecard' }, { component: 'coachingTimeline' }],
      sidebar: []
    }
  },
  {
    id: 'rep-home',
    label: 'Rep Home',
    title: 'My Home',
    kind: 'home',
    icon: 'standard:home',
    audience: ['rep'],
    flexipage: 'Sales_Coaching_Rep_Home',
    regions: {
      header: [],
      main: [{ component: 'myDevelopmentGoals' }],
      sidebar: [{ component: 'coachingTimeline' }]
    }
  },
  {
    id: 'coaching',
    label: 'Coaching',
    title: 'Sales Coaching',
    kind: 'app',
    icon: 'standard:coaching',
    audience: ['manager', 'vp'],
    // The scorecard across the page; logging a session and setting a goal in the left sidebar,
    // beside the team's coaching history (managers set goals where they coach).
    flexipage: 'Sales_Coaching_App_Page',
    sidebarSide: 'left',
    regions: {
      header: [{ component: 'managerScorecard' }],
      main: [{ component: 'coachingTimeline' }],
      sidebar: [{ component: 'coachingSessionForm' }, { component: 'developmentGoalEditor' }]
    }
  },
  {
    id: 'opportunity',
    label: 'Opportunities',
    title: 'Opportunity',
    kind: 'record',
    icon: 'standard:opportunity',
    objectApiName: 'Opportunity',
    audience: ['manager', 'vp', 'rep'],
    flexipage: 'Opportunity_Record_Page',
    highlights: [
      { field: 'Account.Name', label: 'Account Name' },
      { field: 'CloseDate', label: 'Close Date' },
      { field: 'Amount', label: 'Amount' },
      { field: 'StageName', label: 'Stage' },
      { field: 'Owner.Name', label: 'Opportunity Owner' }
    ],
    regions: {
      header: [],
      main: [
        {
          component: 'dealCoach',
          properties: { recordId: '$recordId', objectApiName: '$objectApiName' }
        },
        { component: 'force:detailPanel', label: 'Details tab' },
        { component: 'force:relatedListContainer', label: 'Related tab: related lists' }
      ],
      sidebar: [
        {
          component: 'coachingSessionForm',
          properties: { recordId: '$recordId', objectApiName: '$objectApiName' }
        },
        {
          component: 'coachingTimeline',
          properties: { recordId: '$recordId', objectApiName: '$objectApiName' }
        },
        {
          component: 'runtime_sales_activities:activityPanel',
          label: 'Activity tab: activity timeline'
        },
        { component: 'forceChatter:recordFeedContainer', label: 'Chatter tab: record feed' }
      ]
    }
  },
  {
    id: 'territory-plan',
    label: 'Territory Plans',
    title: 'Territory Plan',
    kind: 'record',
    icon: 'custom:custom78',
    objectApiName: 'Territory_Plan__c',
    audience: ['manager', 'vp', 'rep'],
    flexipage: 'Territory_Plan_Record_Page',
    highlights: [
      { field: 'Plan_Owner__r.Name', label: 'Plan Owner' },
      { field: 'Period_Start__c', label: 'Period Start' },
      { field: 'Period_End__c', label: 'Period End' },
      { field: 'Target_Amount__c', label: 'Target Amount' },
      { field: 'Status__c', label: 'Status' }
    ],
    regions: {
      header: [],
      main: [
        {
          component: 'territoryPlanProgress',
          properties: { recordId: '$recordId', objectApiName: '$objectApiName' }
        }
      ],
      sidebar: [{ component: 'force:detailPanel', label: 'Details' }]
    }
  }
];

/** Every bundle the pages place, for the build's registry of component loaders. */
export function placedComponents(pages: PageDefinition[] = PAGES): string[] {
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

export function pageById(id: string): PageDefinition | undefined {
  return PAGES.find((page) => page.id === id);
}
