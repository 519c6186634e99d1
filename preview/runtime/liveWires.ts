/**
 * What Lightning Data Service's cache does for wires, reduced to what components can observe:
 * when a record changes (a save, a GraphQL mutation, notifyRecordUpdateAvailable), every wire
 * whose last result contains that record is provisioned again. A new record does not appear
 * in existing lists until the component refreshes, exactly as with LDS.
 */
import { org } from './runtime';

export interface LiveWire {
  /** Whether the wire's last result included this record. */
  includes(recordId: string): boolean;
  refresh(): Promise<void>;
}

const wires = new Set<LiveWire>();
let subscribed = false;

export function registerWire(wire: LiveWire): () => void {
  if (!subscribed) {
    subscribed = true;
    org().onChange((change) => {
      if (change.action !== 'create') void refreshRecords([change.recordId]);
    });
  }
  wires.add(wire);
  return () => wires.delete(wire);
}

export async function refreshRecords(recordIds: string[]): Promise<void> {
  const affected = [...wires].filter((wire) => recordIds.some((id) => wire.includes(id)));
  await Promise.all(affected.map((wire) => wire.refresh()));
}

/** Re-provisions every live wire (a RefreshEvent). */
export async function refreshAllWires(): Promise<void> {
  await Promise.all([...wires].map((wire) => wire.refresh()));
}

/** LDS hands out read-only data: mutating it throws, in the preview as in an org. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}

/** A record id appears in a JSON result as a quoted 18-character string. */
export function jsonIncludesId(json: string, recordId: string): boolean {
  return json.includes(`"${recordId}"`) || json.includes(`"${recordId.slice(0, 15)}`);
}
