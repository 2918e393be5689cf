/** How the checker names types, declarations and parameter kinds in its messages. */
import type { PropertyDecl } from '../model/properties';
import type { Type } from './checker';
import type { ParamKind } from './helpers';

export function describeDecl(decl: PropertyDecl): string {
  switch (decl.type) {
    case 'boolean':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'enum':
      return `one of ${decl.values!.join(', ')}`;
    case 'list':
      return `a list of ${decl.values!.join(', ')}`;
  }
}

/** "a number", "true or false", ... for messages. */
export function describeType(type: Type): string {
  switch (type.t) {
    case 'bool':
      return 'true or false';
    case 'number':
      return 'a number';
    case 'string':
      return 'text';
    case 'list':
      return 'a list';
    case 'node':
      return 'an element';
    case 'flow':
      return 'a flow';
    case 'boundary':
      return 'a boundary';
    case 'flows':
      return 'a list of flows';
    case 'lambda':
      return 'a lambda';
    case 'error':
      return 'invalid';
  }
}

export function describeKind(kind: ParamKind): string {
  switch (kind) {
    case 'node':
      return 'an element';
    case 'flow':
      return 'a flow';
    case 'entity':
      return 'an element, flow or boundary';
    case 'bool':
      return 'true or false';
    case 'value':
      return 'a property value';
    case 'list':
      return 'a list';
    case 'string':
      return 'text';
    case 'flows':
      return 'a list of flows (inbound(x) or outbound(x))';
    case 'lambda':
      return 'a lambda';
  }
}
