import { expect, test } from './fixtures';

test('draws each element kind, nested boundaries and flows, with undo and redo of each', async ({ page, library, editor }) => {
  await library.goto();
  await library.createModel('Order entry');

  // Each DFD kind, plus a domain stencil, by click-to-add.
  const actor = await editor.addFromPalette('actor');
  const process = await editor.addFromPalette('apiGateway');
  const store = await editor.addFromPalette('store');
  let doc = await editor.document();
  const kinds = Object.fromEntries(doc.model.elements.map((e) => [e.id, `${e.kind}/${e.type}`]));
  expect(kinds).toEqual({ [actor]: 'actor/actor', [process]: 'process/apiGateway', [store]: 'store/store' });

  // Undo and redo of an add.
  await editor.undo();
  await expect.poll(async () => (await editor.elementIds()).includes(store)).toBe(false);
  await editor.redo();
  await expect.poll(async () => (await editor.elementIds()).includes(store)).toBe(true);

  // Spread them out so they do not overlap.
  await editor.dragNodeBy(actor, -330, -120);
  await editor.dragNodeBy(store, 330, 140);

  // An outer boundary dropped from the palette, an inner one dropped inside it.
  await editor.dragFromPalette('palette-boundary-cloudVpc', 620, 200);
  const outer = (await editor.boundaryIds())[0];
  await expect(editor.node(outer)).toBeVisible();
  const outerBox = (await editor.node(outer).boundingBox())!;
  const canvasBox = (await editor.canvas().boundingBox())!;
  await editor.dragFromPalette('palette-boundary-signingZone', outerBox.x - canvasBox.x + 40, outerBox.y - canvasBox.y + 40);
  const inner = await editor.newId([outer], () => editor.boundaryIds());
  doc = await editor.document();
  expect(doc.model.boundaries.find((b) => b.id === inner)!.parentId).toBe(outer);

  // Dragging the process into the inner boundary sets its parent; undo clears it, redo sets it again.
  await editor.dragNodeOnto(process, editor.node(inner));
  await expect.poll(async () => (await editor.document()).model.elements.find((e) => e.id === process)!.boundaryId).toBe(inner);
  await editor.undo();
  await expect.poll(async () => (await editor.document()).model.elements.find((e) => e.id === process)!.boundaryId).toBe(null);
  await editor.redo();
  await expect.poll(async () => (await editor.document()).model.elements.find((e) => e.id === process)!.boundaryId).toBe(inner);

  // Flows by dragging between handles; they are directed and labelled.
  const f1 = await editor.connect(actor, process);
  const f2 = await editor.connect(process, store);
  doc = await editor.document();
  const flows = Object.fromEntries(doc.model.flows.map((f) => [f.id, [f.source, f.target]]));
  expect(flows).toEqual({ [f1]: [actor, process], [f2]: [process, store] });
  await expect(page.getByTestId(`flow-label-${f1}`)).toBeVisible();
  // The arrow itself is drawn: its path has a size on screen (a CSS regression once hid every flow line).
  for (const f of [f1, f2]) {
    const box = await editor.edge(f).locator('path.react-flow__edge-path').boundingBox();
    expect(box, `flow ${f} is drawn`).not.toBeNull();
    expect(box!.width + box!.height).toBeGreaterThan(20);
  }
  // The gateway→store flow leaves the signing zone and the VPC: the canvas marks both crossings.
  await expect(page.getByTestId(`crossing-${f2}`)).toHaveCount(2);

  await editor.undo();
  await expect.poll(async () => (await editor.document()).model.flows.map((f) => f.id)).toEqual([f1]);
  await editor.redo();
  await expect.poll(async () => (await editor.document()).model.flows.length).toBe(2);

  // Renaming through the inspector, undone and redone.
  await editor.select(process);
  await editor.rename('Public REST gateway');
  await expect(page.getByTestId(`element-name-${process}`)).toHaveText('Public REST gateway');
  await editor.undo();
  await expect(page.getByTestId(`element-name-${process}`)).not.toHaveText('Public REST gateway');
  await editor.redo();
  await expect(page.getByTestId(`element-name-${process}`)).toHaveText('Public REST gateway');
});

test('deletes an element with its flows, and undo brings them all back', async ({ page, editor }) => {
  const ids = { user: 'e-user', api: 'e-api', db: 'e-db', f1: 'f-1', f2: 'f-2', f3: 'f-3' };
  await editor.load({
    format: 'rampart',
    version: 1,
    model: {
      id: 'm-delete',
      name: 'Delete test',
      diagrams: [{ id: 'd1', name: 'Main' }],
      elements: [
        { id: ids.user, diagramId: 'd1', kind: 'actor', type: 'actor', name: 'User', position: { x: 0, y: 0 }, props: {} },
        { id: ids.api, diagramId: 'd1', kind: 'process', type: 'process', name: 'API', position: { x: 300, y: 0 }, props: {} },
        { id: ids.db, diagramId: 'd1', kind: 'store', type: 'database', name: 'DB', position: { x: 600, y: 0 }, props: {} },
      ],
      flows: [
        { id: ids.f1, source: ids.user, target: ids.api, name: 'request', props: {} },
        { id: ids.f2, source: ids.api, target: ids.db, name: 'query', props: {} },
        { id: ids.f3, source: ids.user, target: ids.db, name: 'direct', props: {} },
      ],
      boundaries: [],
    },
  });
  await editor.select(ids.api);
  await page.keyboard.press('Delete');
  await expect(editor.node(ids.api)).toHaveCount(0);
  let doc = await editor.document();
  expect(doc.model.elements.map((e) => e.id).sort()).toEqual([ids.db, ids.user]);
  expect(doc.model.flows.map((f) => f.id)).toEqual([ids.f3]);

  await editor.undo();
  await expect(editor.node(ids.api)).toBeVisible();
  doc = await editor.document();
  expect(doc.model.flows.map((f) => f.id).sort()).toEqual([ids.f1, ids.f2, ids.f3]);
});
