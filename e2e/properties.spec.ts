import { expect, test } from './fixtures';
import { seedModel } from './seed';

test('edits typed properties in the inspector, each one undoable', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  await editor.load(envelope);

  const propsOf = async (id: string) => {
    const doc = await editor.document();
    return [...doc.model.elements, ...doc.model.flows].find((x) => x.id === id)!.props;
  };

  // Boolean: three states, unknown is not false.
  await editor.select(ids.bot);
  await editor.setBoolean('ipAllowlist', 'no');
  await expect.poll(async () => (await propsOf(ids.bot)).ipAllowlist).toBe(false);
  await editor.setBoolean('ipAllowlist', 'unknown');
  await expect.poll(async () => 'ipAllowlist' in (await propsOf(ids.bot))).toBe(false);
  await editor.undo();
  await expect.poll(async () => (await propsOf(ids.bot)).ipAllowlist).toBe(false);

  // List as multi-select.
  await editor.toggleListValue('keyPermissions', 'withdraw');
  await expect.poll(async () => (await propsOf(ids.bot)).keyPermissions).toEqual(['trade', 'withdraw']);
  await editor.undo();
  await expect.poll(async () => (await propsOf(ids.bot)).keyPermissions).toEqual(['trade']);
  await editor.redo();
  await expect.poll(async () => (await propsOf(ids.bot)).keyPermissions).toEqual(['trade', 'withdraw']);

  // Enum and number with its unit, on a flow.
  await editor.selectEdge(ids.orders);
  await editor.setEnum('replayProtection', 'timestamp+nonce');
  await expect.poll(async () => (await propsOf(ids.orders)).replayProtection).toBe('timestamp+nonce');
  await editor.setNumber('timestampToleranceMs', 60000);
  await expect.poll(async () => (await propsOf(ids.orders)).timestampToleranceMs).toBe(60000);
  await expect(page.getByTestId('prop-timestampToleranceMs')).toContainText('ms');
  await editor.undo();
  await expect.poll(async () => (await propsOf(ids.orders)).timestampToleranceMs).toBe(5000);
  await editor.undo();
  await expect.poll(async () => (await propsOf(ids.orders)).replayProtection).toBe('timestamp');
  await editor.redo();
  await expect.poll(async () => (await propsOf(ids.orders)).replayProtection).toBe('timestamp+nonce');
});

test('automation setProperty is the inspector action: one undo step', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  await editor.load(envelope);
  await page.evaluate((id) => window.rampart.setProperty(id, 'ipAllowlist', true), ids.bot);
  await expect.poll(async () => (await editor.document()).model.elements.find((e) => e.id === ids.bot)!.props.ipAllowlist).toBe(true);
  await editor.undo();
  await expect.poll(async () => 'ipAllowlist' in (await editor.document()).model.elements.find((e) => e.id === ids.bot)!.props).toBe(false);
});
