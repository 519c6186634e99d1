import { LightningElement } from 'lwc';
import Toast from 'lightning/toast';
import { PAGES } from 'virtual:preview-pages';
import type { PageDefinition } from '../pages';
import { currentPersona, personas, resetData, today } from '../../runtime/runtime';
import { formatRoute, parseRoute, type Persona, type Route } from '../../runtime/routes';

interface ToastDetail {
  title?: string;
  message?: string;
  messageData?: (string | { url: string; label: string })[];
  variant?: 'info' | 'success' | 'warning' | 'error';
  mode?: 'dismissible' | 'pester' | 'sticky';
  /** Set on the event lightning/toast dispatches itself; those pass through. */
  toast?: unknown;
}

/**
 * The preview's Lightning Experience frame: the global header with the persona switcher, the
 * app's navigation bar, and the current page. Routes live in the URL hash
 * (`#/opportunity/006…?as=rep`) so tests can deep-link any page as any persona.
 */
export default class App extends LightningElement {
  route: Route = parseRoute(location.hash);

  private readonly handleHashChange = (): void => {
    const route = parseRoute(location.hash);
    // The user id is a module constant on the platform: another persona is another page load.
    if (route.persona && route.persona !== currentPersona().persona) {
      location.reload();
      return;
    }
    this.route = route;
  };

  private readonly handleToast = (event: Event): void => {
    const detail = (event as CustomEvent<ToastDetail>).detail ?? {};
    if (detail.toast) return;
    event.stopPropagation();
    const links = (detail.messageData ?? []).filter(
      (entry): entry is { url: string; label: string } => typeof entry === 'object'
    );
    const host = this.template?.host;
    if (!host) return;
    Toast.show(
      {
        label: detail.title ?? '',
        message: detail.message,
        messageLinks: links.length > 0 ? links : undefined,
        variant: detail.variant ?? 'info',
        mode: detail.mode === 'sticky' ? 'sticky' : 'dismissible'
      },
      host
    );
  };

  override connectedCallback(): void {
    window.addEventListener('hashchange', this.handleHashChange);
    this.addEventListener('lightning__showtoast', this.handleToast);
    if (!this.route.persona) {
      // Always show the persona in the URL, so a copied link opens the same view.
      history.replaceState(
        null,
        '',
        formatRoute({ ...this.route, persona: currentPersona().persona })
      );
      this.route = parseRoute(location.hash);
    }
  }

  override disconnectedCallback(): void {
    window.removeEventListener('hashchange', this.handleHashChange);
    this.removeEventListener('lightning__showtoast', this.handleToast);
  }

  get page(): PageDefinition | undefined {
    return PAGES.find((page) => page.id === this.route.page);
  }

  /** Re-creates the page (and its components) whenever the page or record changes. */
  get pageInstances(): {
    key: string;
    page: PageDefinition | undefined;
    recordId: string | undefined;
  }[] {
    return [
      {
        key: `${this.route.page}/${this.route.recordId ?? ''}`,
        page: this.page,
        recordId: this.route.recordId
      }
    ];
  }

  /** `#/lab`: the preview's own self-test page (not in the navigation). */
  get isLab(): boolean {
    return this.route.page === 'lab';
  }

  get unknownPage(): boolean {
    return !this.page;
  }

  get navItems(): { id: string; label: string; href: string; className: string }[] {
    const persona = currentPersona().persona;
    return PAGES.map((page) => ({
      id: page.id,
      label: page.label,
      href: formatRoute({ page: page.id, persona, state: {} }),
      className: `slds-context-bar__item${page.id === this.route.page ? ' slds-is-active' : ''}`
    }));
  }

  get personaOptions(): { label: string; value: string }[] {
    const roles: Record<Persona, string> = { vp: 'VP', manager: 'Manager', rep: 'Rep' };
    return personas().map((entry) => ({
      label: `${roles[entry.persona]} · ${entry.name}`,
      value: entry.persona
    }));
  }

  get personaValue(): string {
    return currentPersona().persona;
  }

  get personaName(): string {
    const persona = currentPersona();
    return `${persona.name}, ${persona.title}`;
  }

  get userId(): string {
    return currentPersona().userId;
  }

  get today(): string {
    return today();
  }

  handlePersonaChange(event: CustomEvent<{ value: Persona }>): void {
    const persona = event.detail.value;
    location.hash = formatRoute({ ...this.route, persona });
  }

  handleReset(): void {
    resetData();
  }
}
