/**
 * The preview's URLs: `#/<page>[/<recordId>]?as=<persona>`, e.g. `#/opportunity/006…?as=rep`,
 * and their translation to and from Lightning PageReferences, so NavigationMixin in a
 * component switches preview pages as it would switch Lightning pages.
 */

export type Persona = 'vp' | 'manager' | 'rep';

export const PERSONAS: readonly Persona[] = ['vp', 'manager', 'rep'];

export interface Route {
  page: string;
  recordId?: string;
  persona?: Persona;
  /** Any other query parameters (kept as PageReference state). */
  state: Record<string, string>;
}

/** Record pages the preview lays out, by object; other objects get the generic record page. */
export const RECORD_PAGES: Readonly<Record<string, string>> = {
  Opportunity: 'opportunity',
  Territory_Plan__c: 'territory-plan'
};

/** The Lightning Page tab that opens Sales_Coaching_App_Page (tabs/Coaching.tab-meta.xml). */
export const APP_PAGE_API_NAME = 'Coaching';

export interface PageReference {
  type: string;
  attributes: Record<string, string | undefined>;
  state?: Record<string, string | undefined>;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path, query = ''] = text.split('?');
  const [page = '', recordId] = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query);
  const personaParam = params.get('as');
  params.delete('as');
  const persona = PERSONAS.includes(personaParam as Persona)
    ? (personaParam as Persona)
    : undefined;
  return {
    page: page || 'home',
    ...(recordId ? { recordId } : {}),
    ...(persona ? { persona } : {}),
    state: Object.fromEntries(params.entries())
  };
}

export function formatRoute(route: Route): string {
  const path = route.recordId ? `${route.page}/${route.recordId}` : route.page;
  const params = new URLSearchParams(route.state);
  if (route.persona) params.set('as', route.persona);
  const query = params.toString();
  return `#/${path}${query ? `?${query}` : ''}`;
}

/** The page a reference opens; `homePage` is the persona's Home (manager or rep). */
export function routeForPageReference(reference: PageReference, homePage: string): Route | null {
  const { attributes } = reference;
  const state = Object.fromEntries(
    Object.entries(reference.state ?? {}).filter(
      (entry): entry is [string, string] => typeof entry[1] === 'string'
    )
  );
  switch (reference.type) {
    case 'standard__recordPage': {
      const recordId = attributes.recordId;
      if (!recordId) return null;
      const objectApiName = attributes.objectApiName ?? '';
      return { page: RECORD_PAGES[objectApiName] ?? 'record', recordId, state };
    }
    case 'standard__namedPage':
      return {
        page: attributes.pageName === 'home' ? homePage : (attributes.pageName ?? homePage),
        state
      };
    case 'standard__navItemPage':
    case 'standard__app':
      return { page: 'coaching', state };
    case 'standard__objectPage':
      return {
        page: 'object',
        recordId: attributes.objectApiName,
        state: { ...state, actionName: attributes.actionName ?? 'home' }
      };
    default:
      return null;
  }
}

/** The PageReference of a route, as CurrentPageReference provides it. */
export function pageReferenceForRoute(route: Route, objectApiName?: string): PageReference {
  const state = { ...route.state };
  switch (route.page) {
    case 'opportunity':
    case 'territory-plan':
    case 'record':
      return {
        type: 'standard__recordPage',
        attributes: { recordId: route.recordId, objectApiName, actionName: 'view' },
        state
      };
    case 'coaching':
      return { type: 'standard__navItemPage', attributes: { apiName: APP_PAGE_API_NAME }, state };
    case 'object':
      return {
        type: 'standard__objectPage',
        attributes: { objectApiName: route.recordId, actionName: route.state.actionName ?? 'home' },
        state
      };
    default:
      return { type: 'standard__namedPage', attributes: { pageName: 'home' }, state };
  }
}
