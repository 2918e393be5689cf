/**
 * A small document factory for the catalog tests: plain objects typed by src/model/types.ts, built in the
 * order an analyst draws them (zones, then elements placed in zones, then flows). Elements start with their
 * stencil's default properties, as they do when dragged from the palette, and the given ones are set on top.
 *
 *   const m = doc()
 *     .zone('net', 'internet').zone('vpc', 'cloudVpc')
 *     .actor('client', 'browser', {}, 'net')
 *     .process('api', 'apiGateway', { rateLimiting: false }, 'vpc')
 *     .flow('client', 'api', { protocol: 'https' })        // id 'client->api'
 *     .build();
 */
import { getStencil } from '../../../src/model/stencils';
import type { Boundary, ElementKind, Flow, Id, ModelElement, PropValue, Props, ThreatModel } from '../../../src/model/types';

const DIAGRAM = 'd1';

/** Property changes: a value sets a property, `undefined` unsets it (makes it unknown). */
export type PropPatch = Record<string, PropValue | undefined>;

export class DocBuilder {
  private readonly elements: ModelElement[] = [];
  private readonly boundaries: Boundary[] = [];
  private readonly flows: Flow[] = [];

  /** A zone boundary of the given type, optionally nested in another zone. */
  zone(id: Id, type: string, parentId: Id | null = null): this {
    this.boundaries.push({
      id, diagramId: DIAGRAM, shape: 'zone', name: id, type, parentId,
      position: { x: 0, y: 0 }, size: { width: 400, height: 300 }, props: {},
    });
    return this;
  }

  /** A line boundary that records the flows drawn across it. */
  line(id: Id, type: string, crossedBy: Id[]): this {
    this.boundaries.push({
      id, diagramId: DIAGRAM, shape: 'line', name: id, type, parentId: null,
      position: { x: 0, y: 0 }, size: { width: 300, height: 0 }, props: {}, crossedBy: [...crossedBy],
    });
    return this;
  }

  /** An element of an explicit kind: the stencil's defaults plus `props`, placed in `zone`. */
  element(id: Id, kind: ElementKind, type: string, props: Props = {}, zone: Id | null = null): this {
    const defaults = getStencil(type)?.defaults ?? {};
    this.elements.push({
      id, diagramId: DIAGRAM, kind, type, name: id, description: '', boundaryId: zone,
      position: { x: 0, y: 0 }, props: cloneProps({ ...defaults, ...props }),
    });
    return this;
  }

  actor(id: Id, type = 'actor', props: Props = {}, zone: Id | null = null): this {
    return this.element(id, 'actor', type, props, zone);
  }

  process(id: Id, type = 'process', props: Props = {}, zone: Id | null = null): this {
    return this.element(id, 'process', type, props, zone);
  }

  store(id: Id, type = 'store', props: Props = {}, zone: Id | null = null): this {
    return this.element(id, 'store', type, props, zone);
  }

  /** A flow; its id is `source->target` unless given. */
  flow(source: Id, target: Id, props: Props = {}, id: Id = `${source}->${target}`): this {
    this.flows.push({ id, source, target, name: id, props: cloneProps(props) });
    return this;
  }

  build(): ThreatModel {
    return {
      id: 'catalog-test',
      name: 'Catalog test',
      description: '',
      owner: '',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      diagrams: [{ id: DIAGRAM, name: 'Main' }],
      elements: this.elements.map((e) => ({ ...e, props: cloneProps(e.props) })),
      boundaries: this.boundaries.map((b) => ({ ...b })),
      flows: this.flows.map((f) => ({ ...f, props: cloneProps(f.props) })),
      notes: [],
      triage: {},
      manualThreats: [],
      rulePacks: { enabled: ['stride', 'owasp-api', 'trading', 'custody', 'defi'], disabledRules: [], custom: [] },
    };
  }
}

export function doc(): DocBuilder {
  return new DocBuilder();
}

function cloneProps(props: Props): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) out[k] = Array.isArray(v) ? [...v] : v;
  return out;
}

/** A copy of `model` with property changes applied to elements or flows by id; unknown ids throw. */
export function patch(model: ThreatModel, changes: Record<Id, PropPatch>): ThreatModel {
  const apply = <T extends ModelElement | Flow>(item: T): T => {
    const p = changes[item.id];
    if (!p) return item;
    const props = cloneProps(item.props);
    for (const [k, v] of Object.entries(p)) {
      if (v === undefined) delete props[k];
      else props[k] = Array.isArray(v) ? [...v] : v;
    }
    return { ...item, props };
  };
  const known = new Set([...model.elements.map((e) => e.id), ...model.flows.map((f) => f.id)]);
  for (const id of Object.keys(changes)) if (!known.has(id)) throw new Error(`patch: no element or flow '${id}'`);
  return { ...model, elements: model.elements.map(apply), flows: model.flows.map(apply) };
}

/**
 * Scenario: a client in an internet zone calls an API process in a cloud VPC over HTTPS, so the process is an
 * exposed API. Ids: zones `net`, `vpc`; elements `client`, `api`; flow `client->api`.
 */
export function exposedApi(apiProps: Props = {}, flowProps: Props = {}, apiType = 'apiGateway'): DocBuilder {
  return doc()
    .zone('net', 'internet')
    .zone('vpc', 'cloudVpc')
    .actor('client', 'thirdPartyApp', {}, 'net')
    .process('api', apiType, apiProps, 'vpc')
    .flow('client', 'api', { protocol: 'https', authentication: 'ed25519', ...flowProps });
}

/**
 * Scenario: a trading bot in a cloud VPC calls a third-party exchange on the internet. Ids: zones `vpc`, `net`;
 * elements `bot`, `venue`; flow `bot->venue`.
 */
export function botToVenue(botProps: Props = {}, flowProps: Props = {}, venueType = 'exchange'): DocBuilder {
  return doc()
    .zone('vpc', 'cloudVpc')
    .zone('net', 'internet')
    .process('bot', 'tradingBot', botProps, 'vpc')
    .actor('venue', venueType, {}, 'net')
    .flow('bot', 'venue', { protocol: 'https', ...flowProps });
}
