import { z } from 'zod';
import type { RxJsonSchema } from 'rxdb';

type JsonSchemaNode = Record<string, unknown> & { properties?: Record<string, JsonSchemaNode> };

export interface RxSchemaOptions {
  version: number;
  /** Compound indexes for the queries screens make; every field must be a required, bounded top-level field. */
  indexes: (string | string[])[];
}

/** Longest ISO date-time we store; bounds date strings so RxDB can index them. */
const DATE_STRING_MAX = 40;

/**
 * Derives the RxDB schema from the domain's zod schema, so the entity is described once and its type comes from it.
 * RxDB indexes need bounded strings: date and date-time formats get a maxLength here.
 */
export function toRxSchema<T>(entity: z.ZodType<T>, options: RxSchemaOptions): RxJsonSchema<T> {
  const json = z.toJSONSchema(entity, { io: 'output', unrepresentable: 'any' }) as JsonSchemaNode;
  const { $schema: _ignored, ...rest } = mergedUnion(json);
  makeTopLevelFieldsIndexable(rest);
  assertIndexable(rest, options.indexes);
  return {
    ...rest,
    version: options.version,
    primaryKey: 'id',
    type: 'object',
    indexes: options.indexes,
  } as unknown as RxJsonSchema<T>;
}

/**
 * A collection of several record kinds (a zod discriminated union: staffevents holds events and indirect work) is one
 * object to RxDB: every kind's fields, required where every kind requires them; a field two kinds describe apart
 * must be string enums (the discriminator), whose values are joined. Zod still validates each kind exactly.
 */
function mergedUnion(node: JsonSchemaNode): JsonSchemaNode {
  const members = (node.oneOf ?? node.anyOf) as JsonSchemaNode[] | undefined;
  if (!Array.isArray(members) || members.length === 0 || members.some((m) => m.type !== 'object')) return node;
  const properties: Record<string, JsonSchemaNode> = {};
  for (const member of members) {
    for (const [key, child] of Object.entries(member.properties ?? {})) {
      const known = properties[key];
      properties[key] = known ? joined(key, known, child) : child;
    }
  }
  const requiredBy = members.map((m) => new Set((m.required as string[] | undefined) ?? []));
  const required = Object.keys(properties).filter((key) => requiredBy.every((r) => r.has(key)));
  const { oneOf: _one, anyOf: _any, ...rest } = node;
  return { ...rest, type: 'object', properties, required, additionalProperties: false };
}

function joined(key: string, a: JsonSchemaNode, b: JsonSchemaNode): JsonSchemaNode {
  if (JSON.stringify(a) === JSON.stringify(b)) return a;
  const values = (n: JsonSchemaNode) =>
    Array.isArray(n.enum) ? (n.enum as unknown[]) : 'const' in n ? [n.const] : null;
  const [va, vb] = [values(a), values(b)];
  if (a.type === 'string' && b.type === 'string' && va && vb)
    return { type: 'string', enum: [...new Set([...va, ...vb])] };
  throw new Error(`Field "${key}" is described differently by the collection's record kinds`);
}

/**
 * RxDB can index only bounded strings and numbers with minimum, maximum and multipleOf. zod describes dates as
 * formats and small integer unions (semester 1 | 2) as anyOf of consts; restate both in the form RxDB accepts.
 */
function makeTopLevelFieldsIndexable(node: JsonSchemaNode): void {
  const properties = node.properties ?? {};
  for (const [key, child] of Object.entries(properties)) {
    const format = child.format;
    if (child.type === 'string' && child.maxLength === undefined && (format === 'date' || format === 'date-time')) {
      child.maxLength = DATE_STRING_MAX;
    }
    const constants = integerConstants(child);
    if (constants) {
      properties[key] = {
        type: 'integer',
        enum: constants,
        minimum: Math.min(...constants),
        maximum: Math.max(...constants),
        multipleOf: 1,
      };
    }
  }
}

function integerConstants(node: JsonSchemaNode): number[] | null {
  const options = node.anyOf;
  if (!Array.isArray(options) || options.length === 0) return null;
  const values = options.map((option: JsonSchemaNode) => option.const);
  return values.every((v): v is number => Number.isInteger(v)) ? values : null;
}

/** Fails at definition time, naming the field, instead of deep inside a storage adapter at runtime. */
function assertIndexable(node: JsonSchemaNode, indexes: (string | string[])[]): void {
  const required = new Set((node.required as string[] | undefined) ?? []);
  for (const field of indexes.flat()) {
    const property = node.properties?.[field];
    const bounded =
      property !== undefined &&
      ((property.type === 'string' && typeof property.maxLength === 'number') ||
        ((property.type === 'integer' || property.type === 'number') &&
          typeof property.minimum === 'number' &&
          typeof property.maximum === 'number' &&
          typeof property.multipleOf === 'number') ||
        property.type === 'boolean');
    if (!bounded || !required.has(field)) {
      throw new Error(`Index field "${field}" must be a required string with maxLength or a bounded number`);
    }
  }
}
