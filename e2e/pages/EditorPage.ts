import { expect, type Locator, type Page } from '@playwright/test';
import type { Envelope } from '../../src/model/types';

/** The editor screen (#/model/<id>): palette, canvas, inspector, register, top bar. */
export class EditorPage {
  constructor(readonly page: Page) {}

  canvas(): Locator {
    return this.page.getByTestId('diagram-canvas');
  }

  /** Clicks a palette stencil (adds it at the viewport centre) and returns the new element's id. */
  async addFromPalette(stencilId: string): Promise<string> {
    const before = await this.elementIds();
    await this.page.getByTestId(`palette-item-${stencilId}`).click();
    return this.newId(before, () => this.elementIds());
  }

  /** Drags a palette item onto the canvas at a point relative to the canvas' top-left corner. */
  async dragFromPalette(testId: string, x: number, y: number): Promise<void> {
    const box = (await this.canvas().boundingBox())!;
    await this.page.getByTestId(testId).dragTo(this.canvas(), { targetPosition: { x, y } });
    expect(box.width).toBeGreaterThan(0);
  }

  async elementIds(): Promise<string[]> {
    const doc = await this.document();
    return doc.model.elements.map((e) => e.id);
  }

  async boundaryIds(): Promise<string[]> {
    const doc = await this.document();
    return doc.model.boundaries.map((b) => b.id);
  }

  async newId(before: string[], now: () => Promise<string[]>): Promise<string> {
    let id = '';
    await expect
      .poll(async () => {
        id = (await now()).find((x) => !before.includes(x)) ?? '';
        return id;
      })
      .not.toBe('');
    return id;
  }

  node(id: string): Locator {
    return this.page.locator(`.react-flow__node[data-id="${id}"]`);
  }

  edge(id: string): Locator {
    return this.page.locator(`.react-flow__edge[data-id="${id}"]`);
  }

  /** Moves a node by dragging it with the mouse so its centre lands on the centre of `target`. */
  async dragNodeOnto(id: string, target: Locator): Promise<void> {
    const from = (await this.node(id).boundingBox())!;
    const to = (await target.boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + 8);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Zooms out with the zoom controls until the canvas draws its simplified, zoomed-out diagram. */
  async zoomOutUntilFar(): Promise<void> {
    for (let i = 0; i < 12 && (await this.canvas().getAttribute('data-detail')) !== 'far'; i++) {
      await this.page.locator('.react-flow__controls-zoomout').click();
    }
    await expect(this.canvas()).toHaveAttribute('data-detail', 'far');
  }

  /** The zoomed-out drawing of all flows (FarFlowLayer). */
  farFlows(): Locator {
    return this.page.getByTestId('far-flows');
  }

  /** The path data the zoomed-out drawing shows, all paths joined. */
  async farFlowPaths(): Promise<string> {
    return (await this.farFlows().locator('path').evaluateAll((paths) => paths.map((p) => p.getAttribute('d') ?? ''))).join('|');
  }

  async dragNodeBy(id: string, dx: number, dy: number): Promise<void> {
    const from = (await this.node(id).boundingBox())!;
    await this.page.mouse.move(from.x + from.width / 2, from.y + 8);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + from.width / 2 + dx, from.y + 8 + dy, { steps: 12 });
    await this.page.mouse.up();
  }

  /** Draws a flow by dragging from a handle of `source` to the body of `target`. */
  async connect(source: string, target: string): Promise<string> {
    const before = (await this.document()).model.flows.map((f) => f.id);
    const handle = this.node(source).locator('.react-flow__handle-right');
    const h = (await handle.boundingBox())!;
    const t = (await this.node(target).boundingBox())!;
    await this.page.mouse.move(h.x + h.width / 2, h.y + h.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(t.x + t.width / 2, t.y + t.height / 2, { steps: 10 });
    const targetHandle = this.node(target).locator('.react-flow__handle-left');
    const th = (await targetHandle.boundingBox())!;
    await this.page.mouse.move(th.x + th.width / 2, th.y + th.height / 2, { steps: 4 });
    await this.page.mouse.up();
    return this.newId(before, async () => (await this.document()).model.flows.map((f) => f.id));
  }

  async select(id: string): Promise<void> {
    await this.node(id).click();
    await expect(this.page.getByTestId('inspector-name')).toBeVisible();
  }

  async selectEdge(id: string): Promise<void> {
    await this.page.getByTestId(`flow-label-${id}`).click();
    await expect(this.page.getByTestId('inspector-flow')).toBeVisible();
  }

  async rename(name: string): Promise<void> {
    const input = this.page.getByTestId('inspector-name');
    await input.fill(name);
    await input.press('Enter');
  }

  /** Sets a three-state boolean property in the inspector: 'yes', 'no' or 'unknown'. */
  async setBoolean(name: string, state: 'yes' | 'no' | 'unknown'): Promise<void> {
    await this.showProperty(name);
    await this.page.getByTestId(`prop-${name}-${state}`).click();
  }

  async setEnum(name: string, value: string): Promise<void> {
    await this.showProperty(name);
    await this.page.getByTestId(`prop-${name}-input`).selectOption(value);
  }

  async setNumber(name: string, value: number): Promise<void> {
    await this.showProperty(name);
    const input = this.page.getByTestId(`prop-${name}-input`);
    await input.fill(String(value));
    await input.press('Enter');
  }

  async toggleListValue(name: string, value: string): Promise<void> {
    await this.showProperty(name);
    await this.page.getByTestId(`prop-${name}-${value}`).click();
  }

  /** Opens the inspector's Properties tab (when another tab shows) and filters the form so the field is on screen. */
  async showProperty(name: string): Promise<void> {
    await this.showInspectorTab('properties');
    const filter = this.page.getByTestId('prop-filter');
    if ((await filter.inputValue()) !== name) await filter.fill(name);
    await expect(this.page.getByTestId(`prop-${name}`)).toBeVisible();
  }

  /** Opens the inspector's Threats tab: the selection's findings, rules mitigated by design and manual threats. */
  async showThreats(): Promise<void> {
    await this.showInspectorTab('threats');
    await expect(this.page.getByTestId('finding-list')).toBeVisible();
  }

  /** The inspector remembers the last tab across selections, so click only when another one shows. */
  private async showInspectorTab(name: 'threats' | 'properties'): Promise<void> {
    const tab = this.page.getByTestId(`inspector-tab-${name}`);
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
  }

  async undo(): Promise<void> {
    await this.page.getByTestId('undo').click();
  }

  async redo(): Promise<void> {
    await this.page.getByTestId('redo').click();
  }

  /** Presses a key with focus on the canvas (shortcuts are ignored while typing in inputs). */
  async pressOnCanvas(key: string): Promise<void> {
    await this.page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 }, force: true }).catch(() => undefined);
    await this.page.keyboard.press(key);
  }

  async document(): Promise<Envelope> {
    return this.page.evaluate(() => window.rampart.getDocument()!) as Promise<Envelope>;
  }

  async findingIds(): Promise<string[]> {
    await this.whenIdle();
    return this.page.evaluate(() => window.rampart.getFindings().map((f) => f.id));
  }

  async whenIdle(): Promise<void> {
    await this.page.evaluate(() => window.rampart.whenIdle());
  }

  /** Seeds a document through the automation hook (DESIGN §10) and waits for the editor to show it. */
  async load(envelope: unknown): Promise<string> {
    await this.page.goto('/#/');
    await this.page.waitForFunction(() => typeof window.rampart !== 'undefined');
    const result = await this.page.evaluate((env) => window.rampart.loadDocument(env), envelope);
    if (!result.ok) throw new Error(`loadDocument failed: ${result.reason} at ${result.path}`);
    await expect(this.page.getByTestId('diagram-canvas')).toBeVisible();
    await this.whenIdle();
    return result.modelId;
  }

  async expectSaved(): Promise<void> {
    await this.whenIdle();
    await expect(this.page.getByTestId('save-status')).toContainText(/saved/i);
  }
}
