// The canvas keeps children drawn inside their trust boundary (src/canvas/nesting.ts): whatever lands in a zone
// by a palette drop, a drag, a paste or a resize makes the zone and its ancestors grow, in the same undo step.
import { describe, expect, it } from 'vitest';
import { commitDrop, commitResize, pasteInsideZones, planZoneGrowth, ZONE_LABEL_ROOM, ZONE_MARGIN } from '../../src/canvas/nesting';
import { addPaletteItem } from '../../src/canvas/paletteItems';
import { replaceDocument } from '../../src/app/replaceDocument';
import { createBoundary, createElement } from '../../src/model/document';
import type { Boundary, ModelElement, ThreatModel } from '../../src/model/types';
import type { EditorStore } from '../../src/store/editorStore';
import { DEFAULT_SIZES } from '../../src/store/geometry';
import { doc, emptyModel, ids, loadedStore } from './factory';

const nodes = { vpc: 'vpc', host: 'host', api: 'api', bot: 'bot', deep: 'deep' } as const;

/** A cloud VPC (0,0 800x600) holding a host zone (100,100 300x250); an API inside the VPC, a bot outside. */
function scene(): ThreatModel {
  const m = emptyModel();
  m.boundaries.push(
    createBoundary({ id: nodes.vpc, diagramId: ids.main, type: 'cloudVpc', position: { x: 0, y: 0 }, size: { width: 800, height: 600 } }),
    createBoundary({ id: nodes.host, diagramId: ids.main, type: 'host', parentId: nodes.vpc, position: { x: 100, y: 100 }, size: { width: 300, height: 250 } }),
  );
  m.elements.push(
    createElement({ id: nodes.api, diagramId: ids.main, type: 'apiGateway', boundaryId: nodes.vpc, position: { x: 500, y: 100 } }),
    createElement({ id: nodes.bot, diagramId: ids.main, type: 'tradingBot', position: { x: -400, y: 100 } }),
    createElement({ id: nodes.deep, diagramId: ids.main, type: 'signingService', boundaryId: nodes.host, position: { x: 150, y: 160 } }),
  );
  return m;
}

const zone = (store: EditorStore, id: string): Boundary => doc(store).boundaries.find((b) => b.id === id)!;
const element = (store: EditorStore, id: string): ModelElement => doc(store).elements.find((e) => e.id === id)!;

interface Rect {
  position: { x: number; y: number };
  size?: { width: number; height: number };
}

/** Whether `child` lies inside `parent` with the margins nesting.ts keeps. */
function enclosesWithMargin(parent: Rect, child: Rect, childSize = child.size ?? DEFAULT_SIZES.element): boolean {
  const p = parent.size!;
  return (
    child.position.x - ZONE_MARGIN >= parent.position.x &&
    child.position.y - ZONE_LABEL_ROOM >= parent.position.y &&
    child.position.x + childSize.width + ZONE_MARGIN <= parent.position.x + p.width &&
    child.position.y + childSize.height + ZONE_MARGIN <= parent.position.y + p.height
  );
}

describe('planZoneGrowth', () => {
  it('plans nothing for children already inside with a margin', () => {
    expect(planZoneGrowth(scene(), [nodes.api, nodes.deep, nodes.host, nodes.bot])).toEqual([]);
  });

  it('grows the parent and every ancestor the grown parent would stick out of', () => {
    const m = scene();
    // The signing service pokes out of the host's right edge (400) and, by more, out of the VPC's bottom (600).
    m.elements = m.elements.map((e) => (e.id === nodes.deep ? { ...e, position: { x: 330, y: 560 } } : e));
    const plan = new Map(planZoneGrowth(m, [nodes.deep]).map((r) => [r.id, r]));
    expect([...plan.keys()].sort()).toEqual([nodes.host, nodes.vpc]);
    const host = plan.get(nodes.host)!;
    expect(host.position).toEqual({ x: 100, y: 100 });
    expect(host.size).toEqual({ width: 330 + 160 + ZONE_MARGIN - 100, height: 560 + 80 + ZONE_MARGIN - 100 });
    const vpc = plan.get(nodes.vpc)!;
    expect(vpc.position).toEqual({ x: 0, y: 0 });
    expect(vpc.size).toEqual({ width: 800, height: 100 + host.size.height + ZONE_MARGIN });
  });

  it('grows up and to the left by moving the zone, keeping its far edges', () => {
    const m = scene();
    m.elements = m.elements.map((e) => (e.id === nodes.api ? { ...e, position: { x: -30, y: 10 } } : e));
    const [vpc] = planZoneGrowth(m, [nodes.api]);
    expect(vpc.position).toEqual({ x: -30 - ZONE_MARGIN, y: 10 - ZONE_LABEL_ROOM });
    expect(vpc.position.x + vpc.size.width).toBe(800);
    expect(vpc.position.y + vpc.size.height).toBe(600);
  });

  it('stops at a parent cycle a damaged document may hold', () => {
    const m = scene();
    m.boundaries = m.boundaries.map((b) => (b.id === nodes.vpc ? { ...b, parentId: nodes.host } : b));
    m.elements = m.elements.map((e) => (e.id === nodes.deep ? { ...e, position: { x: 900, y: 900 } } : e));
    const plan = planZoneGrowth(m, [nodes.deep]);
    expect(plan.map((r) => r.id).sort()).toEqual([nodes.host, nodes.vpc]);
  });
});

describe('dropping from the palette into a zone', () => {
  it('grows the zone around a boundary dropped near its edge, as one undo step', () => {
    const store = loadedStore(scene());
    // Centred 100 px from the VPC's right edge: the 420-wide signing zone sticks out by 110 px.
    const id = addPaletteItem(store, { kind: 'boundary', type: 'signingZone' }, { x: 700, y: 420 })!;
    const signing = zone(store, id);
    expect(signing.parentId).toBe(nodes.vpc);
    expect(enclosesWithMargin(zone(store, nodes.vpc), signing, signing.size)).toBe(true);
    expect(zone(store, nodes.vpc).position).toEqual({ x: 0, y: 0 });
    expect(store.getState().past).toHaveLength(1);

    store.getState().undo();
    expect(doc(store).boundaries.some((b) => b.id === id)).toBe(false);
    expect(zone(store, nodes.vpc).size).toEqual({ width: 800, height: 600 });
  });

  it('grows nested zones up the chain for an element dropped in the inner one', () => {
    const store = loadedStore(scene());
    const id = addPaletteItem(store, { kind: 'element', stencilId: 'hsm' }, { x: 390, y: 340 })!;
    const hsm = element(store, id);
    expect(hsm.boundaryId).toBe(nodes.host);
    expect(enclosesWithMargin(zone(store, nodes.host), hsm)).toBe(true);
    expect(enclosesWithMargin(zone(store, nodes.vpc), zone(store, nodes.host), zone(store, nodes.host).size)).toBe(true);
    expect(store.getState().past).toHaveLength(1);
  });

  it('leaves zones alone when the drop lands well inside', () => {
    const store = loadedStore(scene());
    const before = doc(store).boundaries;
    addPaletteItem(store, { kind: 'element', stencilId: 'database' }, { x: 600, y: 450 });
    expect(doc(store).boundaries).toBe(before);
  });
});

describe('dragging items', () => {
  it('re-parents an element dropped into a zone and grows the zone in the same undo step', () => {
    const store = loadedStore(scene());
    // The bot's centre lands just inside the VPC's left edge; most of it is outside.
    commitDrop(store, [{ id: nodes.bot, position: { x: -60, y: 420 } }]);
    expect(element(store, nodes.bot).boundaryId).toBe(nodes.vpc);
    expect(enclosesWithMargin(zone(store, nodes.vpc), element(store, nodes.bot))).toBe(true);
    expect(zone(store, nodes.vpc).position.x).toBe(-60 - ZONE_MARGIN);
    expect(store.getState().past).toHaveLength(1);

    store.getState().undo();
    expect(element(store, nodes.bot)).toMatchObject({ boundaryId: null, position: { x: -400, y: 100 } });
    expect(zone(store, nodes.vpc)).toMatchObject({ position: { x: 0, y: 0 }, size: { width: 800, height: 600 } });
  });

  it('grows the zone around a child dragged partly over its edge (still its child)', () => {
    const store = loadedStore(scene());
    commitDrop(store, [{ id: nodes.api, position: { x: 700, y: 100 } }]);
    expect(element(store, nodes.api).boundaryId).toBe(nodes.vpc);
    expect(zone(store, nodes.vpc).size.width).toBe(700 + 160 + ZONE_MARGIN);
  });

  it('does not capture what a dragged zone now overlaps, nor grow for it', () => {
    const store = loadedStore(scene());
    // The host zone moves out of the VPC over the bot: the bot stays where and in what it was.
    commitDrop(store, [{ id: nodes.host, position: { x: -450, y: 50 } }]);
    expect(zone(store, nodes.host).parentId).toBe(null);
    expect(element(store, nodes.bot).boundaryId).toBe(null);
    expect(zone(store, nodes.host).size).toEqual({ width: 300, height: 250 });
    // Its own child came along and is still its child.
    expect(element(store, nodes.deep)).toMatchObject({ boundaryId: nodes.host, position: { x: -400, y: 110 } });
    expect(store.getState().past).toHaveLength(1);
  });

  it('takes an element out of every zone when it is dropped outside them', () => {
    const store = loadedStore(scene());
    const before = doc(store).boundaries;
    commitDrop(store, [{ id: nodes.deep, position: { x: 1000, y: 100 } }]);
    expect(element(store, nodes.deep).boundaryId).toBe(null);
    expect(doc(store).boundaries.map((b) => b.size)).toEqual(before.map((b) => b.size));
  });
});

describe('resizing', () => {
  it('records an element resize as its size, one undo step', () => {
    const store = loadedStore(scene());
    commitResize(store, nodes.bot, { width: 220, height: 96 }, { x: -400, y: 100 });
    expect(element(store, nodes.bot).size).toEqual({ width: 220, height: 96 });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(element(store, nodes.bot).size).toBeUndefined();
  });

  it('grows the zones around an element resized past their edge, in the same step', () => {
    const store = loadedStore(scene());
    commitResize(store, nodes.deep, { width: 300, height: 120 }, { x: 150, y: 160 });
    expect(enclosesWithMargin(zone(store, nodes.host), element(store, nodes.deep))).toBe(true);
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(zone(store, nodes.host).size).toEqual({ width: 300, height: 250 });
  });
});

describe('pasting into a zone', () => {
  it('grows the zone a pasted copy sticks out of, as one undo step', () => {
    const store = loadedStore(scene());
    store.getState().moveItems([{ id: nodes.api, position: { x: 600, y: 480 } }]);
    store.getState().select([nodes.api]);
    store.getState().copy();
    const [copy] = pasteInsideZones(store, 'paste');
    expect(element(store, copy).boundaryId).toBe(nodes.vpc);
    expect(enclosesWithMargin(zone(store, nodes.vpc), element(store, copy))).toBe(true);
    expect(store.getState().past).toHaveLength(2);

    store.getState().undo();
    expect(doc(store).elements.some((e) => e.id === copy)).toBe(false);
    expect(zone(store, nodes.vpc).size).toEqual({ width: 800, height: 600 });
  });

  it('does the same for duplicate', () => {
    const store = loadedStore(scene());
    store.getState().moveItems([{ id: nodes.deep, position: { x: 220, y: 250 } }]);
    store.getState().select([nodes.deep]);
    const [copy] = pasteInsideZones(store, 'duplicate');
    expect(element(store, copy).boundaryId).toBe(nodes.host);
    expect(enclosesWithMargin(zone(store, nodes.host), element(store, copy))).toBe(true);
  });
});

describe('replaceDocument', () => {
  it('replaces the document as one undo step and keeps the model id', () => {
    const store = loadedStore(scene());
    const revision = { ...scene(), id: 'some-other-id', name: 'An older revision', elements: [] };
    expect(replaceDocument(store, revision)).toBe(true);
    expect(doc(store)).toMatchObject({ id: ids.model, name: 'An older revision', elements: [] });
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(doc(store).elements).toHaveLength(3);
  });

  it('refuses while a gesture runs', () => {
    const store = loadedStore(scene());
    store.getState().beginGesture();
    expect(replaceDocument(store, { ...scene(), name: 'Other' })).toBe(false);
    expect(doc(store).name).toBe(emptyModel().name);
  });
});
