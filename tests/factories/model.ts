/**
 * Test factories for documents. Tests read as stories: declare a `const ids` table, build items with
 * `makeElement` / `makeFlow` / `makeBoundary`, and assemble them with `makeModel`:
 *
 *   const ids = { client: 'client', gw: 'gw', db: 'db' } as const;
 *   const model = makeModel({
 *     elements: [makeElement({ id: ids.client, type: 'browser' }), makeElement({ id: ids.gw, type: 'apiGateway' })],
 *     flows: [makeFlow(ids.client, ids.gw, { props: { protocol: 'https' } })],
 *   });
 *
 * Everything is deterministic (fixed model id, timestamps and diagram id) unless an id is left out of an item,
 * in which case a readable counter-based id is used.
 */
import {
  createBoundary,
  createElement,
  createFlow,
  createManualThreat,
  createModel,
  createNote,
  type BoundaryInit,
  type ElementInit,
  type NoteInit,
} from '../../src/model/document';
import type { Boundary, Diagram, Flow, Id, ManualThreat, ModelElement, Note, ThreatModel } from '../../src/model/types';

/** The diagram every factory item lands on unless told otherwise. */
export const DIAGRAM_ID = 'diagram-main';
export const MODEL_ID = 'model-test';
export const FIXED_TIME = '2024-01-01T00:00:00.000Z';

let counter = 0;
const nextId = (prefix: string): Id => `${prefix}-${++counter}`;

/** A model holding the given items on diagram {@link DIAGRAM_ID}; any other field may be overridden. */
export function makeModel(
  init: Partial<ThreatModel> & { elements?: ModelElement[]; flows?: Flow[]; boundaries?: Boundary[]; notes?: Note[] } = {},
): ThreatModel {
  const base = createModel({ id: MODEL_ID, name: 'Test model', now: FIXED_TIME, diagram: { id: DIAGRAM_ID, name: 'Main' } });
  return { ...base, ...init };
}

/** An element; `type` picks the stencil (and so kind, name and default props) as in the app. */
export function makeElement(overrides: Partial<ElementInit> = {}): ModelElement {
  return createElement({ diagramId: DIAGRAM_ID, id: overrides.id ?? nextId(overrides.type ?? 'element'), ...overrides });
}

/** A flow from `source` to `target`; its id defaults to `source->target`. */
export function makeFlow(source: Id, target: Id, overrides: Partial<Flow> = {}): Flow {
  return createFlow({ id: `${source}->${target}`, ...overrides, source, target });
}

/** A zone boundary (type `corporate` unless given); pass `shape: 'line'` for a line boundary. */
export function makeBoundary(overrides: Partial<BoundaryInit> = {}): Boundary {
  return createBoundary({ diagramId: DIAGRAM_ID, id: overrides.id ?? nextId('boundary'), ...overrides });
}

export function makeNote(overrides: Partial<NoteInit> = {}): Note {
  return createNote({ diagramId: DIAGRAM_ID, id: overrides.id ?? nextId('note'), ...overrides });
}

export function makeManualThreat(overrides: Partial<ManualThreat> = {}): ManualThreat {
  return createManualThreat({ id: overrides.id ?? nextId('threat'), ...overrides });
}

export function makeDiagram(id: Id, name = id): Diagram {
  return { id, name };
}

/**
 * A small but complete trading model: a browser on the internet calls an API gateway in the DMZ, which talks
 * to a matching engine and a database inside the corporate network; a trading bot signs requests to an
 * exchange. Handy for tests that need "a realistic model" rather than specific facts.
 */
export function makeSampleModel(): ThreatModel {
  const ids = {
    internet: 'b-internet', dmz: 'b-dmz', corp: 'b-corp',
    browser: 'browser', gw: 'gw', engine: 'engine', db: 'db', bot: 'bot', exchange: 'exchange',
  } as const;
  return makeModel({
    boundaries: [
      makeBoundary({ id: ids.internet, type: 'internet', position: { x: 0, y: 0 }, size: { width: 300, height: 300 } }),
      makeBoundary({ id: ids.dmz, type: 'dmz', position: { x: 400, y: 0 }, size: { width: 300, height: 300 } }),
      makeBoundary({ id: ids.corp, type: 'corporate', position: { x: 800, y: 0 }, size: { width: 600, height: 400 } }),
    ],
    elements: [
      makeElement({ id: ids.browser, type: 'browser', boundaryId: ids.internet, position: { x: 50, y: 50 } }),
      makeElement({ id: ids.gw, type: 'apiGateway', boundaryId: ids.dmz, position: { x: 450, y: 50 } }),
      makeElement({ id: ids.engine, type: 'matchingEngine', boundaryId: ids.corp, position: { x: 850, y: 50 } }),
      makeElement({ id: ids.db, type: 'database', boundaryId: ids.corp, position: { x: 850, y: 250 } }),
      makeElement({ id: ids.bot, type: 'tradingBot', boundaryId: ids.corp, position: { x: 1100, y: 50 } }),
      makeElement({ id: ids.exchange, type: 'exchange', position: { x: 1500, y: 50 } }),
    ],
    flows: [
      makeFlow(ids.browser, ids.gw, { name: 'Place order', props: { protocol: 'https', data: ['orders'] } }),
      makeFlow(ids.gw, ids.engine, { name: 'Order', props: { protocol: 'grpc', data: ['orders'] } }),
      makeFlow(ids.engine, ids.db, { name: 'Fills', props: { protocol: 'tcp', data: ['fills'] } }),
      makeFlow(ids.bot, ids.exchange, { name: 'Signed orders', props: { protocol: 'https', authentication: 'hmac' } }),
    ],
  });
}
