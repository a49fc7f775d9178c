import type { AuditChange } from "../../../shared/api/audit.ts";

type Fields = Record<string, unknown>;

// Bookkeeping every write moves; listing it would hide the change a person is looking for.
const BOOKKEEPING = new Set(["version", "updatedAt", "createdAt"]);

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * One spelling for a field. Many events keep the row as stored before (`sector_code`, `starts_on`) and the
 * request's fields after (`sector`, `startsOn`): camelCase, and a code column is named by what it codes.
 */
function fieldName(key: string): string {
  const camel = key.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return camel.length > 4 && camel.endsWith("Code") ? camel.slice(0, -4) : camel;
}

function renamed(value: unknown): Fields {
  if (!isFields(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [fieldName(key), v]));
}

/** JSON with object keys sorted, so that equal values compare equal whatever order they were written in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isFields(value)) {
    const keys = Object.keys(value).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function differs(before: unknown, after: unknown): boolean {
  return canonical(before) !== canonical(after);
}

/** A field holding an object (a multilingual text, say) is compared key by key: `title.en`, `title.ru`. */
function changesOfField(field: string, before: unknown, after: unknown): AuditChange[] {
  const nested = (isFields(before) || before == null) && (isFields(after) || after == null);
  if (!nested || (before == null && after == null)) {
    return differs(before, after) ? [{ field, before: before ?? null, after: after ?? null }] : [];
  }
  const b = isFields(before) ? before : {};
  const a = isFields(after) ? after : {};
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((key) => differs(b[key], a[key]))
    .map((key) => ({ field: `${field}.${key}`, before: b[key] ?? null, after: a[key] ?? null }));
}

/**
 * The fields an event changed, computed from its before and after values. An update often records only the
 * fields it was sent after, and the whole row before: the fields looked at are those of `after` (those of
 * `before` when a record was removed), so that the rest of the row is not taken for a change.
 */
export function changedFields(before: unknown, after: unknown): AuditChange[] {
  if (!isFields(before) && !isFields(after)) {
    return differs(before, after) ? [{ field: "value", before: before ?? null, after: after ?? null }] : [];
  }
  const b = renamed(before);
  const a = renamed(after);
  const fields = Object.keys(isFields(after) ? a : b).filter((field) => !BOOKKEEPING.has(field));
  return fields.flatMap((field) => changesOfField(field, b[field], a[field]));
}
