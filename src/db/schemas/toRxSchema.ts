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
  const { $schema: _ignored, ...rest } = json;
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
