import { z } from 'zod';
import { snapshotSchema, type Snapshot } from './stream';

export type SnapshotCheck = { snapshot: Snapshot } | { problem: string };

const issueText = (where: string, error: z.ZodError): string => {
  const issue = error.issues[0];
  return [where, ...(issue?.path ?? [])].join('.') + ` ${issue?.message ?? 'is malformed'}`;
};

/**
 * A snapshot's JSON checked against `snapshotSchema` a record at a time, each record replaced by its
 * parsed form as it goes. The same rules as `snapshotSchema.safeParse`, but 10,000 clients are not
 * alive twice at once (parsed and checked copies): on the console's start the whole-object parse
 * was most of a 160 MB jump in resident memory that the engines never gave back. All or nothing
 * still: nothing is written until every record has passed.
 */
export function parseSnapshot(json: unknown): SnapshotCheck {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return { problem: 'the answer is not a JSON object' };
  const raw = json as Record<string, unknown>;
  const checked: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(snapshotSchema.shape) as [string, z.ZodType][]) {
    const value = raw[key];
    const inner = field instanceof z.ZodOptional ? (field.unwrap() as z.ZodType) : field;
    if (value === undefined && inner !== field) continue;
    if (inner instanceof z.ZodArray && Array.isArray(value)) {
      const element = inner.element as z.ZodType;
      for (let i = 0; i < value.length; i += 1) {
        const parsed = element.safeParse(value[i]);
        if (!parsed.success) return { problem: issueText(`${key}.${i}`, parsed.error) };
        value[i] = parsed.data;
      }
      checked[key] = value;
      continue;
    }
    const parsed = field.safeParse(value);
    if (!parsed.success) return { problem: issueText(key, parsed.error) };
    checked[key] = parsed.data;
  }
  return { snapshot: checked as Snapshot };
}
