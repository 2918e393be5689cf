import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { seedModel } from './seed';

const KEY05 = (bot: string) => `KEY-05@${bot}`;
/** A register row of a firing finding (the register also lists "mitigated by design" rows under the same id). */
const findingRow = (page: import('@playwright/test').Page, id: string) => page.locator(`[data-testid="register-row-${id}"][data-source="finding"]`);

test('analysis runs in a Web Worker and annotates the diagram', async ({ page, editor }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  const { ids, envelope } = seedModel();
  await editor.load(envelope);
  const findings = await editor.findingIds();
  expect(findings).toContain(KEY05(ids.bot));
  expect(workers.some((u) => u.includes('analysis.worker'))).toBe(true);
  // The bot's badge shows its open findings.
  const badge = page.getByTestId(`badge-${ids.bot}`);
  await expect(badge).toBeVisible();
  const count = Number(await badge.getAttribute('data-count'));
  const own = findings.filter((f) => f.endsWith(`@${ids.bot}`)).length;
  expect(count).toBe(own);
  // A click on the badge selects the bot and opens its threats.
  await badge.click();
  await expect(page.getByTestId('inspector-name')).toHaveValue('Market-making bot');
  await expect(page.getByTestId('inspector-tab-threats')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('inspector-tab-threats')).toContainText(`Threats (${own})`);
  await expect(page.getByTestId(`finding-${KEY05(ids.bot)}`)).toBeVisible();
});

test('setting a control in the inspector updates badge, inspector and register without a reload', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  await editor.load(envelope);
  const finding = KEY05(ids.bot);
  const badge = page.getByTestId(`badge-${ids.bot}`);
  const countBefore = Number(await badge.getAttribute('data-count'));

  await expect(findingRow(page, finding)).toBeVisible();
  await editor.select(ids.bot);
  await editor.showThreats();
  await expect(page.getByTestId(`finding-${finding}`)).toBeVisible();
  // Unset control: the finding is unverified.
  await expect(page.getByTestId(`finding-${finding}`)).toHaveAttribute('data-confidence', 'unverified');

  await editor.setBoolean('ipAllowlist', 'no');
  await editor.showThreats();
  await expect(page.getByTestId(`finding-${finding}`)).toHaveAttribute('data-confidence', 'confirmed');

  // Mitigate by setting the control, from the finding itself.
  await page.getByTestId(`mitigate-${finding}-bind-to-egress-ips`).click();
  await expect(page.getByTestId(`finding-${finding}`)).toHaveCount(0);
  await expect(findingRow(page, finding)).toHaveCount(0);
  await expect(badge).toHaveAttribute('data-count', String(countBefore - 1));
  await expect(page.getByTestId('mitigated-list')).toContainText('ipAllowlist');
  expect(await editor.findingIds()).not.toContain(finding);

  // Undo brings the finding back.
  await editor.undo();
  await expect(findingRow(page, finding)).toBeVisible();
});

test('the browser and the CLI give the same finding ids for the same file', async ({ editor }) => {
  const { envelope } = seedModel();
  await editor.load(envelope);
  const browserIds = (await editor.findingIds()).sort();
  const dir = mkdtempSync(join(tmpdir(), 'rampart-e2e-'));
  const file = join(dir, 'model.rampart.json');
  writeFileSync(file, JSON.stringify(await editor.document()));
  const out = execFileSync('node', ['bin/rampart.mjs', 'analyze', file, '--format', 'json'], { encoding: 'utf8' });
  const cliIds = (JSON.parse(out) as { findings: { id: string }[] }).findings.map((f) => f.id).sort();
  expect(browserIds.length).toBeGreaterThan(5);
  expect(cliIds).toEqual(browserIds);
});

test('triage lasts through re-analysis, undo, reload and export/import', async ({ page, editor, library }) => {
  const { ids, envelope } = seedModel();
  await editor.load(envelope);
  const finding = KEY05(ids.bot);
  await editor.select(ids.bot);
  await editor.showThreats();
  await page.getByTestId(`triage-status-${finding}`).selectOption('accepted');
  const justification = page.getByTestId(`triage-justification-${finding}`);
  await justification.fill('Venue does not support IP binding for this account tier');
  await justification.blur();
  await expect.poll(async () => (await editor.document()).model.triage[finding]?.status).toBe('accepted');

  // The finding stops firing: its triage stays in the document, hidden.
  await editor.setBoolean('ipAllowlist', 'yes');
  await expect(findingRow(page, finding)).toHaveCount(0);
  expect((await editor.document()).model.triage[finding]?.status).toBe('accepted');
  // Undo: it fires again, with the decision intact.
  await editor.undo();
  await expect(findingRow(page, finding)).toHaveAttribute('data-status', 'accepted');

  await editor.expectSaved();
  await page.reload();
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  await expect(findingRow(page, finding)).toHaveAttribute('data-status', 'accepted');

  const text = JSON.stringify(await editor.document());
  await library.goto();
  await library.importFile('triaged.rampart.json', text);
  await expect(page.getByTestId('diagram-canvas')).toBeVisible();
  await editor.whenIdle();
  await expect(findingRow(page, finding)).toHaveAttribute('data-status', 'accepted');
  expect((await editor.document()).model.triage[finding]?.justification).toBe('Venue does not support IP binding for this account tier');
});

test('register filters by severity and search, and a row click selects the target', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  await editor.load(envelope);
  await page.getByTestId('register-search').fill('IP allow-list');
  const rows = page.locator('[data-testid^="register-row-"]');
  await expect(rows.first()).toBeVisible();
  const all = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')));
  expect(all).toContain(`register-row-${KEY05(ids.bot)}`);
  // Start from the Properties tab: the row click must switch to Threats and bring the finding on screen.
  await editor.select(ids.secrets);
  await editor.showProperty('storesSecrets');
  await page.getByTestId(`register-row-${KEY05(ids.bot)}`).click();
  await expect(page.getByTestId('inspector-name')).toHaveValue('Market-making bot');
  await expect(page.getByTestId('inspector-tab-threats')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId(`finding-${KEY05(ids.bot)}`)).toBeInViewport();
  await page.getByTestId('register-search').fill('');
  await page.getByTestId('register-filter-severity-critical').click();
  // The register re-renders at low priority (useDeferredValue): wait for the filtered rows.
  const findingRows = page.locator('[data-testid^="register-row-"][data-source="finding"]');
  const severities = () => findingRows.evaluateAll((els) => [...new Set(els.map((e) => e.querySelector('[data-testid="severity-chip"]')?.textContent?.toLowerCase()))]);
  await expect.poll(severities).toEqual(['critical']);
});

test('a custom rule is validated live, previewed, and then analysed with the rest', async ({ page, editor }) => {
  const { ids, envelope } = seedModel();
  await editor.load(envelope);
  await page.getByTestId('rule-packs-button').click();
  await page.getByTestId('rule-new').click();
  await page.getByTestId('rule-id').fill('DESK-01');
  await page.getByTestId('rule-title').fill('Plain HTTP from a desk');
  await page.getByTestId('rule-stride').fill('I');
  await page.getByTestId('rule-when').fill("self.protocl == 'http'");
  await expect(page.getByTestId('rule-when-problems')).toContainText(/did you mean protocol/);
  await page.getByTestId('rule-when').fill("self.protocol == 'http'");
  await expect(page.getByTestId('rule-status')).toHaveAttribute('data-valid', 'true');
  await expect(page.getByTestId('rule-preview-count')).toContainText('1');
  await page.getByTestId('rule-save').click();
  await page.getByTestId('rule-packs-close').click();
  await expect.poll(() => editor.findingIds()).toContain(`DESK-01@${ids.ui}`);
});
