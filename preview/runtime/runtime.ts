/**
 * The preview's browser-side state: the in-memory org, the current persona and the route.
 * The platform stand-ins (preview/modules/lightning/*) and the page shell share this one
 * instance. It is initialised once, before any component module is evaluated, so
 * `@salesforce/user/Id` can be a plain constant as on the platform.
 */
import { SAMPLE_CURRENCY_SETTINGS, multiCurrencyDataset } from '../../data/currency';
import type { Dataset } from '../../data/dataset';
import { generateDataset } from '../../data/generate';
import { isScaleName, type ScaleName } from '../../data/scales';
import { currencyFieldsOf, userIsoCode, withMultiCurrency } from '../org/currency';
import type { OrgModel } from '../org/model';
import { InMemoryOrg, type OrgChange, type OrgSession } from '../org/org';
import { parseRoute, type Persona, type Route } from './routes';

export type { Persona, Route } from './routes';

export interface PersonaInfo {
  persona: Persona;
  userId: string;
  name: string;
  title: string;
}

interface RuntimeState {
  org: InMemoryOrg;
  session: OrgSession;
  persona: PersonaInfo;
  personas: PersonaInfo[];
  latencyMs: number;
}

const JOURNAL_KEY = 'sales-coaching-preview:journal';
/** The journal of the org this tab runs (the multi-currency org keeps its own). */
let journalKey = JOURNAL_KEY;

let state: RuntimeState | null = null;

function current(): RuntimeState {
  if (!state) throw new Error('The preview runtime is not initialised yet');
  return state;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return (await response.json()) as T;
}

function readJournal(): OrgChange[] {
  try {
    return JSON.parse(sessionStorage.getItem(journalKey) ?? '[]') as OrgChange[];
  } catch {
    return [];
  }
}

/** The query-string switch that opens the sample as a multi-currency org (`?currency=multi`). */
export const MULTI_CURRENCY_PARAM = 'currency';

/**
 * The query-string switch that opens a large org instead of the sample (`?scale=enterprise`,
 * data/scales.ts); `npm start -- --scale <name>` makes it the server's default
 * (/preview/config.json). The org is generated here, in the browser, from its seed: the same
 * name always gives the same org, and nothing of that size is ever downloaded or committed.
 */
export const SCALE_PARAM = 'scale';

interface PreviewConfig {
  scale?: string | null;
}

/** The scale to open: the URL's, else the server's default, else none (the sample). */
async function scaleOf(params: URLSearchParams): Promise<ScaleName | null> {
  const asked = params.get(SCALE_PARAM);
  if (asked !== null) return isScaleName(asked) ? asked : null;
  try {
    const config = await fetchJson<PreviewConfig>('/preview/config.json');
    return isScaleName(config.scale) ? config.scale : null;
  } catch {
    return null;
  }
}

/**
 * The org the preview runs: the sample as it is, or with `?currency=multi` its multi-currency
 * variant (data/currency.ts) on the model with multiple currencies enabled.
 */
export function previewOrgData(
  model: OrgModel,
  dataset: Dataset,
  params: URLSearchParams
): { model: OrgModel; dataset: Dataset } {
  if (params.get(MULTI_CURRENCY_PARAM) !== 'multi') return { model, dataset };
  const settings = SAMPLE_CURRENCY_SETTINGS;
  return {
    model: withMultiCurrency(model, settings),
    dataset: multiCurrencyDataset(dataset, (name) => currencyFieldsOf(model, name), settings)
  };
}

/** Loads the object model and the sample data, and restores this tab's earlier writes. */
export async function initRuntime(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const scale = await scaleOf(params);
  const [loadedModel, loadedDataset] = await Promise.all([
    fetchJson<OrgModel>('/preview/model.json'),
    scale
      ? Promise.resolve(generateDataset({ scale }))
      : fetchJson<Dataset>('/preview/sample-data.json')
  ]);
  const { model, dataset } = previewOrgData(loadedModel, loadedDataset, params);
  const route = parseRoute(location.hash);
  journalKey = [JOURNAL_KEY, dataset.meta.currency ? 'multi-currency' : null, scale]
    .filter(Boolean)
    .join(':');
  if (params.has('reset')) sessionStorage.removeItem(journalKey);
  // A generated org is this tab's own: its records are kept, not copied, and its indexes are
  // built now, as a database keeps them, so the first page reads as fast as the next.
  const org = new InMemoryOrg(model, dataset, { adopt: scale !== null });
  if (scale) {
    org.store.prepareIndexes();
    document.body.dataset.previewScale = scale;
  }
  org.replay(readJournal());
  org.onChange(() => sessionStorage.setItem(journalKey, JSON.stringify(org.journal)));

  const users = dataset.records.User;
  const personas = (Object.entries(dataset.meta.personas) as [Persona, string][]).map(
    ([persona, userId]) => {
      const user = users.find((candidate) => candidate.Id === userId);
      return {
        persona,
        userId,
        name: String(user?.Name ?? userId),
        title: String(user?.Title ?? '')
      };
    }
  );
  const persona = personas.find((candidate) => candidate.persona === route.persona) ?? personas[1];
  state = {
    org,
    session: org.session(persona.userId),
    persona,
    personas,
    latencyMs: Number(params.get('latency') ?? 40)
  };
  // Fault injection from the URL (?fail=next-query, ?fail=next-write,
  // ?fail=operation:<GraphQL operation name>) for deep-linked tests.
  for (const flag of params.getAll('fail')) {
    if (flag === 'next-query') org.failNext('query');
    if (flag === 'next-write') org.failNext('write');
    if (flag.startsWith('operation:')) org.failOperation(flag.slice('operation:'.length));
  }
  // One-shot flags: a later reload (a persona switch) must not reset or fail again.
  if (params.has('reset') || params.has('fail')) {
    params.delete('reset');
    params.delete('fail');
    const search = params.toString();
    history.replaceState(
      null,
      '',
      `${location.pathname}${search ? `?${search}` : ''}${location.hash}`
    );
  }
}

export function org(): InMemoryOrg {
  return current().org;
}

export function session(): OrgSession {
  return current().session;
}

export function currentPersona(): PersonaInfo {
  return current().persona;
}

export function personas(): PersonaInfo[] {
  return current().personas;
}

/**
 * The user's currency as `@salesforce/i18n/currency` gives it: the persona's
 * DefaultCurrencyIsoCode in a multi-currency org, else `fallback` (the org's currency).
 * @public Imported by the module preview/build.ts generates for `@salesforce/i18n/currency`.
 */
export function userCurrencyCode(fallback: string): string {
  const { org: running, persona } = current();
  return userIsoCode(running.store, persona.userId) ?? fallback;
}

export function today(): string {
  return current().org.today;
}

/** Resolves after the simulated network latency, so spinners and races show as in an org. */
export function networkDelay(): Promise<void> {
  const ms = state?.latencyMs ?? 0;
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function currentRoute(): Route {
  return parseRoute(location.hash);
}

/** Forgets this tab's writes and reloads the sample data. */
export function resetData(): void {
  sessionStorage.removeItem(journalKey);
  location.reload();
}
