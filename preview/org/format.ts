/**
 * Display values as the UI API returns them for an en-US user in a USD org: formatted dates,
 * currency and percentages, picklist labels. Other types have no display value (null).
 */
import type { FieldValue } from '../../data/dataset';
import type { OrgField } from './model';

const currencyFormats = new Map<number, Intl.NumberFormat>();

function currencyFormat(scale: number): Intl.NumberFormat {
  let format = currencyFormats.get(scale);
  if (!format) {
    format = new Intl.NumberFormat('en-US', {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: scale,
      maximumFractionDigits: scale
    });
    currencyFormats.set(scale, format);
  }
  return format;
}

export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number);
  return `${month}/${day}/${year}`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  const hours = date.getUTCHours();
  const minutes = String(date.getUTCMinutes()).padStart(2, '0');
  const hour12 = hours % 12 === 0 ? 12 : hours % 12;
  return `${formatDate(iso)}, ${hour12}:${minutes} ${hours < 12 ? 'AM' : 'PM'}`;
}

export function formatCurrency(value: number, scale = 2): string {
  return currencyFormat(scale).format(value);
}

export function displayValueOf(field: OrgField, value: FieldValue): string | null {
  if (value === null || value === undefined) return null;
  switch (field.dataType) {
    case 'Currency':
      return typeof value === 'number' ? formatCurrency(value, field.scale ?? 2) : null;
    case 'Percent':
      return typeof value === 'number' ? `${Number(value.toFixed(field.scale ?? 0))}%` : null;
    case 'Date':
      return typeof value === 'string' ? formatDate(value) : null;
    case 'DateTime':
      return typeof value === 'string' ? formatDateTime(value) : null;
    case 'Picklist':
      return field.picklistValues.find((entry) => entry.value === value)?.label ?? String(value);
    case 'MultiPicklist':
      return String(value)
        .split(';')
        .map((part) => field.picklistValues.find((entry) => entry.value === part)?.label ?? part)
        .join(';');
    default:
      return null;
  }
}
