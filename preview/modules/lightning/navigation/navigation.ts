/**
 * Preview stand-in for `lightning/navigation`: NavigationMixin's Navigate and GenerateUrl map
 * PageReferences to preview pages (record pages by object, the app page, Home), and
 * CurrentPageReference provisions the current page's reference.
 */
import { currentPersona, currentRoute, session } from '../../../runtime/runtime';
import {
  formatRoute,
  pageReferenceForRoute,
  routeForPageReference,
  type PageReference
} from '../../../runtime/routes';

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

function homePage(): string {
  return currentPersona().persona === 'rep' ? 'rep-home' : 'home';
}

function withObjectApiName(reference: PageReference): PageReference {
  const { recordId, objectApiName } = reference.attributes;
  if (reference.type !== 'standard__recordPage' || objectApiName || !recordId) return reference;
  const found = session().org.store.find(recordId);
  return {
    ...reference,
    attributes: { ...reference.attributes, objectApiName: found?.object.apiName }
  };
}

function urlFor(reference: PageReference): string | null {
  const route = routeForPageReference(withObjectApiName(reference), homePage());
  if (!route) return null;
  return formatRoute({ ...route, persona: currentPersona().persona });
}

// A mixin's base constructor must accept any arguments (TypeScript's mixin rule).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Constructor<T> = new (...args: any[]) => T;

function mixin<T extends Constructor<object>>(Base: T) {
  return class extends Base {
    [Navigate](reference: PageReference, replace = false): void {
      if (reference.type === 'standard__webPage' && reference.attributes.url) {
        window.open(reference.attributes.url, '_blank', 'noopener');
        return;
      }
      const url = urlFor(reference);
      if (!url) {
        console.warn(`The preview cannot open pages of type ${reference.type}.`);
        return;
      }
      if (replace) location.replace(url);
      else location.hash = url;
    }

    [GenerateUrl](reference: PageReference): Promise<string> {
      return Promise.resolve(urlFor(reference) ?? '#');
    }
  };
}

export const NavigationMixin = Object.assign(mixin, { Navigate, GenerateUrl });

function currentPageReference(): PageReference {
  const route = currentRoute();
  const objectApiName = route.recordId
    ? session().org.store.find(route.recordId)?.object.apiName
    : undefined;
  return pageReferenceForRoute(route, objectApiName);
}

export class CurrentPageReference {
  private readonly listener = (): void => this.emit(Object.freeze(currentPageReference()));

  constructor(private readonly emit: (value: PageReference) => void) {}

  connect(): void {
    window.addEventListener('hashchange', this.listener);
  }

  disconnect(): void {
    window.removeEventListener('hashchange', this.listener);
  }

  update(): void {
    this.listener();
  }
}
