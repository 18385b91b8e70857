import type { OpenAPIObject } from '@nestjs/swagger';
import type { ParameterObject, ReferenceObject, SchemaObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';

type Dto = new (...args: never[]) => unknown;

interface Rule {
  name?: string;
  propertyName: string;
  constraints?: unknown[];
  each?: boolean;
}

/**
 * Copies what the validators of each DTO enforce (lengths, ranges, sizes, formats, patterns) into the
 * document, so the limits are written once, in the DTO, and the document cannot drift from them.
 */
export function addValidationLimits(document: OpenAPIObject, queryDtos: Map<string, Dto[]> = new Map()): void {
  const dtos = validatedClasses();
  for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
    const dto = dtos.get(name);
    if (!dto || isReference(schema)) continue;
    for (const rule of rulesOf(dto)) {
      const property = schema.properties?.[rule.propertyName];
      if (property && !isReference(property)) applyRule(property, rule);
    }
  }
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.put, item.post, item.delete, item.patch]) {
      if (!operation) continue;
      const candidates = queryDtos.get(operation.operationId ?? '') ?? [];
      for (const parameter of (operation.parameters ?? []) as ParameterObject[]) {
        if (parameter.in !== 'query' || !parameter.schema || isReference(parameter.schema)) continue;
        for (const dto of candidates) {
          for (const rule of rulesOf(dto).filter((candidate) => candidate.propertyName === parameter.name)) {
            applyRule(parameter.schema, rule);
          }
        }
      }
    }
  }
}

function validatedClasses(): Map<string, Dto> {
  const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Dto, unknown[]> };
  const classes = new Map<string, Dto>();
  for (const target of storage.validationMetadatas.keys()) {
    if (typeof target === 'function') classes.set(target.name, target);
  }
  return classes;
}

function rulesOf(dto: Dto): Rule[] {
  return getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false) as unknown as Rule[];
}

function applyRule(property: SchemaObject, rule: Rule): void {
  const target = rule.each && property.items && !isReference(property.items) ? property.items : property;
  const [first, second] = rule.constraints ?? [];
  switch (rule.name) {
    case 'maxLength':
      target.maxLength = first as number;
      break;
    case 'minLength':
      target.minLength = first as number;
      break;
    case 'isLength':
      target.minLength = first as number;
      if (typeof second === 'number') target.maxLength = second;
      break;
    case 'isNotEmpty':
      if (target.type === 'string') target.minLength ??= 1;
      break;
    case 'arrayMaxSize':
      property.maxItems = first as number;
      break;
    case 'arrayMinSize':
      property.minItems = first as number;
      break;
    case 'min':
      target.minimum = first as number;
      break;
    case 'max':
      target.maximum = first as number;
      break;
    case 'isInt':
      target.type = 'integer';
      break;
    case 'isWholeNumber':
    case 'isPricePaise': {
      const range = first as { min: number; max?: number };
      target.type = 'integer';
      target.minimum = range.min;
      if (range.max !== undefined) target.maximum = range.max;
      break;
    }
    case 'isUuid':
      target.format = 'uuid';
      break;
    case 'isEmail':
    case 'isEmailAddress':
      target.format = 'email';
      break;
    case 'isInstant':
      target.format = 'date-time';
      break;
    case 'isUrl':
      target.format = 'uri';
      break;
    case 'isIn':
      if (!target.enum && Array.isArray(first) && first.length <= 20) target.enum = [...(first as unknown[])];
      break;
    case 'matches':
      if (first instanceof RegExp) target.pattern ??= first.source;
      break;
    default:
      break;
  }
}

function isReference(value: unknown): value is ReferenceObject {
  return typeof value === 'object' && value !== null && '$ref' in value;
}
