import '../panels.css';
import { useCallback, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import type { RulePackData, RulePackSettings } from '../../model/types';
import { useEditor } from '../../store/context';
import { useActions } from '../hooks';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { downloadText, safeFileName } from '../ui/format';
import { PackCard, type PackRuleRow } from './PackCard';
import { RuleEditor } from './RuleEditor';
import { customRules, freePackId, type PackData, type RuleData } from './ruleDraft';
import type { RulesApi } from './rulesApi';

export type { RulesApi, RuleValidationProblem, ParsePackResult } from './rulesApi';
export type { RuleData, PackData } from './ruleDraft';

export interface RulePacksViewProps {
  api: RulesApi;
  /** Hide the "Rule packs" heading when the host already shows one (the editor's overlay does). */
  hideTitle?: boolean;
}

/** Largest pack file accepted; a bigger one is refused before it is read. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;

type Editing = { packId: string; index: number } | 'new' | null;
type Confirm = { kind: 'deletePack'; packId: string; name: string } | { kind: 'replacePack'; pack: PackData } | null;

function toRows(rules: readonly RuleData[]): PackRuleRow[] {
  return rules.map((r, index) => ({ id: r.id, title: r.title, severity: r.severity, stride: r.stride, index, rule: r }));
}

function customRows(pack: RulePackData): PackRuleRow[] {
  return customRules(pack).map(({ rule, index }) => ({
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    stride: rule.stride,
    index,
    rule: rule as RuleData,
  }));
}

const EMPTY_SET: ReadonlySet<string> = new Set();

/**
 * Rule packs of the open model: built-in packs and custom packs embedded in the model, switched on and off as
 * wholes or rule by rule; custom rules written, validated and previewed live; packs imported from and exported
 * to JSON files. Every change is one document change (one undo step) through setRulePacks.
 */
export function RulePacksView({ api, hideTitle = false }: RulePacksViewProps) {
  const searchId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const settings = useEditor((s) => s.model?.rulePacks);
  const problems = useEditor((s) => s.analysisProblems);
  const { setRulePacks } = useActions();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<Editing>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [importError, setImportError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const disabled = useMemo(() => (settings ? new Set(settings.disabledRules) : EMPTY_SET), [settings]);
  const builtinRows = useMemo(() => new Map(api.builtinPacks.map((p) => [p.id, toRows(p.rules)])), [api.builtinPacks]);
  const problemsByPack = useMemo(() => {
    const map = new Map<string, typeof problems>();
    for (const p of problems) map.set(p.packId, [...(map.get(p.packId) ?? []), p]);
    return map;
  }, [problems]);
  const takenIds = useMemo(() => {
    const map = new Map<string, string>();
    for (const p of api.builtinPacks) for (const r of p.rules) map.set(r.id, p.name);
    for (const p of settings?.custom ?? []) for (const { rule } of customRules(p)) map.set(rule.id, p.name);
    return map;
  }, [api.builtinPacks, settings]);

  const update = useCallback((patch: Partial<RulePackSettings>) => settings && setRulePacks({ ...settings, ...patch }), [settings, setRulePacks]);
  const onTogglePack = useCallback(
    (packId: string, on: boolean) => settings && update({ enabled: on ? [...new Set([...settings.enabled, packId])] : settings.enabled.filter((id) => id !== packId) }),
    [settings, update],
  );
  const onToggleRule = useCallback(
    (ruleId: string, on: boolean) =>
      settings && update({ disabledRules: on ? settings.disabledRules.filter((id) => id !== ruleId) : [...new Set([...settings.disabledRules, ruleId])] }),
    [settings, update],
  );
  const onExport = useCallback(
    (packId: string) => {
      const pack: PackData | RulePackData | undefined = api.builtinPacks.find((p) => p.id === packId) ?? settings?.custom.find((p) => p.id === packId);
      if (pack) downloadText(`${safeFileName(pack.id, 'rule-pack')}.json`, `${JSON.stringify(pack, null, 2)}\n`);
    },
    [api.builtinPacks, settings],
  );
  const onDeleteRule = useCallback(
    (packId: string, index: number) =>
      settings && update({ custom: settings.custom.map((p) => (p.id === packId ? { ...p, rules: p.rules.filter((_, i) => i !== index) } : p)) }),
    [settings, update],
  );
  const onEditRule = useCallback((packId: string, index: number) => setEditing({ packId, index }), []);
  const onDeletePack = useCallback(
    (packId: string) => setConfirm({ kind: 'deletePack', packId, name: settings?.custom.find((p) => p.id === packId)?.name ?? packId }),
    [settings],
  );

  if (!settings) return <p className="rp-empty">No model is open.</p>;

  const editingRule: RuleData | null =
    editing && editing !== 'new' ? ((settings.custom.find((p) => p.id === editing.packId)?.rules[editing.index] as RuleData | undefined) ?? null) : null;
  const allPackIds = [...api.builtinPacks.map((p) => p.id), ...settings.custom.map((p) => p.id)];

  const saveRule = (rule: RuleData, packId: string | null) => {
    let custom = settings.custom.slice();
    let enabled = settings.enabled;
    const original = editing && editing !== 'new' ? editing : null;
    let targetId = packId && custom.some((p) => p.id === packId) ? packId : null;
    if (!targetId) {
      targetId = freePackId('custom', allPackIds);
      custom.push({ id: targetId, name: custom.length ? `Custom rules ${custom.length + 1}` : 'Custom rules', version: '1.0.0', rules: [] });
      enabled = [...enabled, targetId];
    }
    custom = custom.map((p) => {
      if (original && p.id === original.packId && p.id === targetId) return { ...p, rules: p.rules.map((r, i) => (i === original.index ? rule : r)) };
      const rules = original && p.id === original.packId ? p.rules.filter((_, i) => i !== original.index) : p.rules;
      return p.id === targetId ? { ...p, rules: [...rules, rule] } : rules === p.rules ? p : { ...p, rules };
    });
    setRulePacks({ ...settings, enabled, custom });
    setEditing(null);
    setNotice(`Rule ${rule.id} saved.`);
  };

  const addPack = (pack: PackData) => {
    const custom = settings.custom.some((p) => p.id === pack.id) ? settings.custom.map((p) => (p.id === pack.id ? pack : p)) : [...settings.custom, pack];
    setRulePacks({ ...settings, custom, enabled: [...new Set([...settings.enabled, pack.id])] });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    setImportError(null);
    setNotice(null);
    if (!file) return;
    if (file.size > MAX_PACK_BYTES) {
      setImportError(`${file.name} is larger than ${MAX_PACK_BYTES / 1024 / 1024} MB.`);
      return;
    }
    let result;
    try {
      result = api.parsePack(await file.text());
    } catch (error) {
      result = { error: error instanceof Error ? error.message : String(error) };
    }
    if ('error' in result) {
      setImportError(`${file.name}: ${result.error}`);
      return;
    }
    const { pack, problems: packProblems } = result;
    if (api.builtinPacks.some((p) => p.id === pack.id)) {
      setImportError(`${file.name}: pack id "${pack.id}" is a built-in pack's; change the id in the file.`);
      return;
    }
    const summary = `Imported ${pack.name} (${pack.rules.length} rules)${packProblems.length ? `; ${packProblems.length} rule problem(s), those rules are skipped` : ''}.`;
    if (settings.custom.some((p) => p.id === pack.id)) {
      setConfirm({ kind: 'replacePack', pack });
      setNotice(summary);
      return;
    }
    addPack(pack);
    setNotice(summary);
  };

  return (
    <div className="rp-panel rp-rulepacks" data-testid="rule-packs">
      <header className="rp-panel-head">
        {hideTitle ? <span /> : <h2 className="rp-panel-title">Rule packs</h2>}
        <div className="rp-row-actions">
          <button type="button" className="rp-button rp-button-primary" data-testid="rule-new" onClick={() => setEditing('new')}>
            New rule
          </button>
          <button type="button" className="rp-button" data-testid="pack-import" onClick={() => fileRef.current?.click()}>
            Import pack…
          </button>
          <input ref={fileRef} type="file" accept=".json,application/json,.tb7" className="rp-visually-hidden" tabIndex={-1} aria-label="Import rule pack file" data-testid="pack-import-input" onChange={onFile} />
        </div>
      </header>
      {importError ? (
        <p className="rp-alert" role="alert" data-testid="pack-import-error">
          {importError}
        </p>
      ) : null}
      {notice ? (
        <p className="rp-notice" role="status" data-testid="rule-packs-notice">
          {notice}
        </p>
      ) : null}
      {editing ? (
        <RuleEditor
          key={editing === 'new' ? 'new' : `${editing.packId}/${editing.index}`}
          api={api}
          initial={editingRule}
          takenIds={takenIds}
          packs={settings.custom.map((p) => ({ id: p.id, name: p.name }))}
          defaultPackId={editing !== 'new' ? editing.packId : (settings.custom[0]?.id ?? null)}
          onSave={saveRule}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      <div className="rp-propform-tools">
        <label htmlFor={searchId} className="rp-visually-hidden">
          Filter rules
        </label>
        <input id={searchId} type="search" className="rp-input" placeholder="Filter rules by id or title" value={query} data-testid="rules-search" onChange={(e) => setQuery(e.target.value)} />
      </div>
      <h3 className="rp-section-title">Built-in packs</h3>
      {api.builtinPacks.map((p) => (
        <PackCard
          key={p.id}
          packId={p.id}
          name={p.name}
          version={p.version}
          description={p.description}
          rules={builtinRows.get(p.id) ?? []}
          enabled={settings.enabled.includes(p.id)}
          disabledRules={disabled}
          problems={problemsByPack.get(p.id) ?? []}
          custom={false}
          query={query}
          onTogglePack={onTogglePack}
          onToggleRule={onToggleRule}
          onExport={onExport}
        />
      ))}
      <h3 className="rp-section-title">Custom packs</h3>
      {settings.custom.length === 0 ? (
        <p className="rp-empty" data-testid="custom-packs-empty">
          No custom rules yet. Write one with “New rule” or import a pack file.
        </p>
      ) : (
        settings.custom.map((p) => (
          <PackCard
            key={p.id}
            packId={p.id}
            name={p.name}
            version={p.version}
            description={p.description}
            rules={customRows(p)}
            enabled={settings.enabled.includes(p.id)}
            disabledRules={disabled}
            problems={problemsByPack.get(p.id) ?? []}
            custom
            query={query}
            onTogglePack={onTogglePack}
            onToggleRule={onToggleRule}
            onExport={onExport}
            onEditRule={onEditRule}
            onDeleteRule={onDeleteRule}
            onDeletePack={onDeletePack}
          />
        ))
      )}
      {confirm?.kind === 'deletePack' ? (
        <ConfirmDialog
          title="Delete rule pack"
          message={`Delete the custom pack “${confirm.name}” and its rules from this model? Undo brings it back.`}
          confirmLabel="Delete pack"
          danger
          onCancel={() => setConfirm(null)}
          onConfirm={() => {
            update({ custom: settings.custom.filter((p) => p.id !== confirm.packId), enabled: settings.enabled.filter((id) => id !== confirm.packId) });
            setConfirm(null);
          }}
        />
      ) : null}
      {confirm?.kind === 'replacePack' ? (
        <ConfirmDialog
          title="Replace rule pack"
          message={`This model already has a pack with id “${confirm.pack.id}”. Replace it with the imported one?`}
          confirmLabel="Replace"
          danger
          onCancel={() => {
            setConfirm(null);
            setNotice(null);
          }}
          onConfirm={() => {
            addPack(confirm.pack);
            setConfirm(null);
          }}
        />
      ) : null}
    </div>
  );
}
