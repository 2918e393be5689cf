import { expect, test } from './fixtures';
import { seedModel } from './seed';

test('zoomed out, flows are one drawing that follows a dragged element, and zooming in brings the flow edges back', async ({ page, editor }) => {
  const { envelope, ids } = seedModel();
  await editor.load(envelope);
  await expect(editor.edge(ids.orders)).toBeVisible();
  await expect(editor.farFlows()).toHaveCount(0);

  await editor.zoomOutUntilFar();
  // Every flow is in the drawing, and React Flow draws none of them itself.
  await expect(editor.farFlows()).toHaveAttribute('data-count', '3');
  await expect(page.locator('.react-flow__edge')).toHaveCount(0);
  const before = await editor.farFlowPaths();
  expect(before).toMatch(/M[\d.-]+ [\d.-]+L/);

  // Dragging the bot moves the two flows it has: the drawing changes, and the move is in the document.
  const botBefore = (await editor.document()).model.elements.find((e) => e.id === ids.bot)!.position;
  await editor.dragNodeBy(ids.bot, 0, 60);
  await expect.poll(async () => (await editor.document()).model.elements.find((e) => e.id === ids.bot)!.position.y).toBeGreaterThan(botBefore.y + 20);
  await expect.poll(() => editor.farFlowPaths()).not.toBe(before);
  await expect(editor.farFlows()).toHaveAttribute('data-count', '3');

  // Zooming in again: React Flow's edges with their labels, no zoomed-out drawing.
  await editor.pressOnCanvas('Shift+1');
  await expect(editor.canvas()).toHaveAttribute('data-detail', 'full');
  await expect(page.locator('.react-flow__edge')).toHaveCount(3);
  await expect(editor.farFlows()).toHaveCount(0);
});

test('the overview map shows the diagram and moves the view where it is clicked', async ({ page, editor }) => {
  const { envelope } = seedModel();
  await editor.load(envelope);
  const map = page.getByTestId('overview-map');
  await expect(map).toBeVisible();
  // One path per kind of node holds a rectangle for each: 4 elements and 2 zones in the seed.
  const rects = await map.locator('path').evaluateAll((paths) => paths.map((p) => (p.getAttribute('d')?.match(/Z/g) ?? []).length));
  expect(rects.slice(0, 3)).toEqual([2, 0, 4]);

  const viewport = page.locator('.react-flow__viewport');
  const transformBefore = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
  const box = (await map.boundingBox())!;
  await page.mouse.click(box.x + 10, box.y + box.height - 10);
  await expect.poll(() => viewport.evaluate((el) => (el as HTMLElement).style.transform)).not.toBe(transformBefore);
});

test('a model that opens zoomed out gets its flow edges when zoomed in on an element', async ({ page, editor }) => {
  // The exchange far away: fitting both in view lands zoomed out, so the elements first render without handles.
  const { envelope, ids } = seedModel();
  const exchange = envelope.model.elements.find((e) => e.id === ids.exchange)!;
  exchange.position = { x: 40000, y: 20000 };
  exchange.boundaryId = null;
  await editor.load(envelope);
  await expect(editor.canvas()).toHaveAttribute('data-detail', 'far');
  await expect(editor.farFlows()).toHaveAttribute('data-count', '3');

  // Zoom to the bot through a register row: its flow from the key vault is a React Flow edge again, with a line.
  await page.locator(`[data-testid^="register-row-"][data-source="finding"]`).filter({ hasText: 'Market-making bot' }).first().click();
  await expect(editor.canvas()).toHaveAttribute('data-detail', 'full');
  await expect(editor.edge(ids.config).locator('path.rampart-flow')).toHaveAttribute('d', /^M [\d.-]+ [\d.-]+ L [\d.-]+ [\d.-]+$/);
  await expect(page.getByTestId(`flow-label-${ids.config}`)).toBeVisible();
});
