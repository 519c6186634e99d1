import { LightningElement, api } from 'lwc';
import { components } from 'virtual:preview-components';

type ComponentConstructor = typeof LightningElement;

/**
 * One component placed in a page region: loads the bundle on demand and renders it with its
 * properties, or a placeholder card while the bundle does not exist yet. A standard Salesforce
 * component (`force:detailPanel`, …) shows a card saying what the org renders there. A
 * component that fails to load or throws while rendering shows an error card instead of
 * breaking the page.
 */
export default class Placement extends LightningElement {
  @api component = '';
  @api properties: Record<string, unknown> = {};
  /** What a standard component shows, e.g. 'Related lists'. */
  @api label = '';

  ctor: ComponentConstructor | null = null;
  missing = false;
  failure: string | null = null;

  /** A standard component is named `namespace:name`; ours are bundle names. */
  get standard(): boolean {
    return this.component.includes(':');
  }

  override connectedCallback(): void {
    if (this.standard) return;
    const load = components[this.component];
    if (!load) {
      this.missing = true;
      return;
    }
    load()
      .then((module) => {
        this.ctor = module.default;
      })
      .catch((error: unknown) => {
        this.failure = error instanceof Error ? error.message : String(error);
      });
  }

  override errorCallback(error: Error): void {
    this.failure = error.message;
    this.ctor = null;
  }

  get customElementName(): string {
    return `c-${this.component.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  }

  get loading(): boolean {
    return !this.standard && !this.missing && !this.failure && !this.ctor;
  }

  get standardTitle(): string {
    return this.label || this.component;
  }

  get bundlePath(): string {
    return `force-app/main/default/lwc/${this.component}`;
  }
}
