import { LightningElement, api } from 'lwc';
import { components } from 'virtual:preview-components';

type ComponentConstructor = typeof LightningElement;

/**
 * One component placed in a page region: loads the bundle on demand and renders it with its
 * properties, or a placeholder card while the bundle does not exist yet. A component that
 * fails to load or throws while rendering shows an error card instead of breaking the page.
 */
export default class Placement extends LightningElement {
  @api component = '';
  @api properties: Record<string, unknown> = {};

  ctor: ComponentConstructor | null = null;
  missing = false;
  failure: string | null = null;

  override connectedCallback(): void {
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
    return !this.missing && !this.failure && !this.ctor;
  }

  get bundlePath(): string {
    return `force-app/main/default/lwc/${this.component}`;
  }
}
