/** The part of JSON Schema (as @hono/zod-openapi writes it) the fuzzer reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema>; parameters?: Record<string, RawParameter> };
}

interface RawParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  $ref?: string;
}

interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: JsonSchema }> };
}

export interface Param {
  name: string;
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The document's path template under /api/v1, e.g. /partners/{id}. */
  path: string;
  pathParams: Param[];
  query: Param[];
  body?: { contentType: string; schema: JsonSchema; required: boolean };
  /** METHOD /path, as failures are reported. */
  key: string;
}

/** Every operation of the document, with its parameters and body schema, references resolved. */
export function operationsOf(doc: OpenApiDoc): Operation[] {
  const ops: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(methods)) {
      const params = (raw.parameters ?? []).map((p) =>
        p.$ref ? (doc.components?.parameters?.[p.$ref.split('/').pop()!] as RawParameter) : p,
      );
      const toParam = (p: RawParameter): Param => ({
        name: p.name,
        required: Boolean(p.required),
        schema: resolve(p.schema ?? {}, doc),
      });
      const content = raw.requestBody?.content ?? {};
      const contentType = Object.keys(content)[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        pathParams: params.filter((p) => p.in === 'path').map(toParam),
        query: params.filter((p) => p.in === 'query').map(toParam),
        ...(contentType
          ? {
              body: {
                contentType,
                schema: resolve(content[contentType]!.schema ?? {}, doc),
                required: Boolean(raw.requestBody?.required),
              },
            }
          : {}),
        key: `${method.toUpperCase()} ${path}`,
      });
    }
  }
  return ops;
}

/** The schema with every $ref replaced by what it names (the API's schemas are not recursive). */
export function resolve(schema: JsonSchema, doc: OpenApiDoc, depth = 0): JsonSchema {
  if (depth > 20) return {};
  if (schema.$ref) {
    const target = doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {};
    return resolve(target, doc, depth + 1);
  }
  const out: JsonSchema = { ...schema };
  for (const k of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (schema[k]) out[k] = schema[k]!.map((s) => resolve(s, doc, depth + 1));
  }
  if (schema.properties) {
    out.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([k, v]) => [k, resolve(v, doc, depth + 1)]),
    );
  }
  if (schema.items) out.items = resolve(schema.items, doc, depth + 1);
  return out;
}
