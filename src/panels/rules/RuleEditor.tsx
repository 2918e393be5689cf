import { useEffect, useId, useMemo, useState } from 'react';
import type { Finding } from '../../model/findings';
import { SEVERITIES, type Severity } from '../../model/types';
import { useEditor } from '../../store/context';
import { useActions } from '../hooks';
import { buildNameIndex } from '../lookup';
import { SeverityChip, severityLabel } from '../ui/SeverityChip';
import { caretAt, draftFromRule, EMPTY_DRAFT, ruleFromDraft, withPosition, type DraftField, type FieldProblem, type RuleData, type RuleDraft } from './ruleDraft';
import type { RulesApi } from './rulesApi';

export interface RuleEditorProps {
  api: RulesApi;
  /** The rule being edited, or null for a new one. */
  initial: RuleData | null;
  /** Rule ids already used elsewhere (id → pack name); finding ids are rule@target, so ids must be unique. */
  takenIds: ReadonlyMap<string, string>;
  /** Custom packs the rule may be saved into; an empty list means a new pack is created. */
  packs: readonly { id: string; name: string }[];
  defaultPackId: string | null;
  onSave: (rule: RuleData, packId: string | null) => void;
  onCancel: () => void;
}

const PREVIEW_DELAY_MS = 300;

const PREVIEW_SHOWN = 50;

function Caret({ text, position, testId }: { text: string; position: number; testId: string }) {
  const c = caretAt(text, position);
  return (
    <pre className="rp-caret" data-testid={testId} aria-label={`at line ${c.line}, column ${c.column + 1}`}>
      {c.lineText}
      {'\n'}
      {' '.repeat(c.column)}^
    </pre>
  );
}

/**
 * A custom rule as a form, validated on every keystroke through the RulesApi (errors with a caret under the
 * position), with a live preview of what it finds in the open model. A rule with an error in `when` can be
 * saved: the engine reports it and skips it without stopping other rules.
 */
export function RuleEditor({ api, initial, takenIds, packs, defaultPackId, onSave, onCancel }: RuleEditorProps) {
  const id = useId();
  const [draft, setDraft] = useState<RuleDraft>(() => (initial ? draftFromRule(initial) : EMPTY_DRAFT));
  const [packId, setPackId] = useState<string>(defaultPackId ?? packs[0]?.id ?? '');
  const model = useEditor((s) => s.model);
  const { focusTarget } = useActions();
  const set = (field: keyof RuleDraft, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const { rule, problems } = useMemo(() => {
    const built = ruleFromDraft(draft);
    const all: FieldProblem[] = [...built.problems];
    const rid = draft.id.trim();
    const owner = takenIds.get(rid);
    if (rid && owner && rid !== initial?.id) all.push({ field: 'id', message: `id already used in ${owner}` });
    if (built.rule && built.rule.when.trim()) {
      let apiProblems;
      try {
        apiProblems = api.validateRule(built.rule);
      } catch (error) {
        apiProblems = [{ message: `validation failed: ${error instanceof Error ? error.message : String(error)}` }];
      }
      for (const p of apiProblems) {
        const field = (p.field ?? 'when') as DraftField;
        const message = p.expected ? `${p.message} (expected ${p.expected})` : p.message;
        // Problems the form already reports (missing title...) would show twice; keep the engine's `when` ones.
        if (field !== 'when' && all.some((q) => q.field === field)) continue;
        all.push({ field, message, position: p.position });
      }
    }
    return { rule: built.rule, problems: all };
  }, [api, draft, takenIds, initial]);

  const whenOk = rule !== null && !problems.some((p) => p.field === 'when');
  const [preview, setPreview] = useState<{ findings: readonly Finding[]; error?: string } | null>(null);
  useEffect(() => {
    if (!rule || !whenOk || !model) return undefined;
    const timer = setTimeout(() => {
      try {
        setPreview({ findings: api.preview(rule, model) });
      } catch (error) {
        setPreview({ findings: [], error: error instanceof Error ? error.message : String(error) });
      }
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [api, rule, whenOk, model]);
  const names = useMemo(() => buildNameIndex(model), [model]);

  const fieldProblems = (field: DraftField) => problems.filter((p) => p.field === field);
  const blocking = problems.filter((p) => p.field !== 'when');
  const canSave = rule !== null && blocking.length === 0;

  const problemList = (field: DraftField, text: string) => {
    const list = fieldProblems(field);
    if (list.length === 0) return null;
    return (
      <div className="rp-field-problems" role="alert" data-testid={`rule-${field}-problems`}>
        {list.map((p, i) => (
          <div key={i}>
            <p className="rp-panel-error">{withPosition(p.message, p.position)}</p>
            {p.position !== undefined ? <Caret text={text} position={p.position} testId={`rule-${field}-caret`} /> : null}
          </div>
        ))}
      </div>
    );
  };

  const text = (field: 'id' | 'title' | 'stride' | 'appliesTo', label: string, hint?: string) => (
    <div className="rp-field">
      <label className="rp-field-label" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <input
        id={`${id}-${field}`}
        className="rp-input rp-mono"
        value={draft[field]}
        aria-invalid={fieldProblems(field).length > 0}
        data-testid={`rule-${field === 'appliesTo' ? 'applies-to' : field}`}
        onChange={(e) => set(field, e.target.value)}
      />
      {hint ? <div className="rp-help">{hint}</div> : null}
      {problemList(field, draft[field])}
    </div>
  );
  const area = (field: 'description' | 'when' | 'mitigations' | 'references', label: string, rows: number, hint?: string) => (
    <div className="rp-field">
      <label className="rp-field-label" htmlFor={`${id}-${field}`}>
        {label}
      </label>
      <textarea
        id={`${id}-${field}`}
        className={`rp-textarea${field === 'description' ? '' : ' rp-mono'}`}
        rows={rows}
        spellCheck={false}
        value={draft[field]}
        aria-invalid={fieldProblems(field).length > 0}
        data-testid={`rule-${field}`}
        onChange={(e) => set(field, e.target.value)}
      />
      {hint ? <div className="rp-help">{hint}</div> : null}
      {problemList(field, draft[field])}
    </div>
  );

  return (
    <form
      className="rp-rule-editor"
      data-testid="rule-editor"
      aria-label={initial ? `Edit rule ${initial.id}` : 'New rule'}
      onSubmit={(e) => {
        e.preventDefault();
        if (canSave && rule) onSave(rule, packId || null);
      }}
    >
      <h3 className="rp-section-title">{initial ? `Edit rule ${initial.id}` : 'New custom rule'}</h3>
      <div className="rp-form-row">
        {text('id', 'Id')}
        {text('title', 'Title')}
      </div>
      {area('description', 'Description', 2)}
      <div className="rp-form-row">
        {text('stride', 'STRIDE', 'Letters S T R I D E, e.g. ST')}
        {text('appliesTo', 'Applies to', 'actor, process, store, flow, boundary or stencil types, comma-separated')}
        <div className="rp-field">
          <label className="rp-field-label" htmlFor={`${id}-severity`}>
            Severity
          </label>
          <select id={`${id}-severity`} className="rp-select" value={draft.severity} data-testid="rule-severity" onChange={(e) => set('severity', e.target.value as Severity)}>
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityLabel(s)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {area('when', 'When (condition)', 3, "e.g. crosses(self, 'internet') and off(self.tlsVerify); see docs/RULES.md")}
      {area('mitigations', 'Mitigations (JSON)', 4, '[{ "key": "pin-tls", "text": "Verify certificates", "controls": [{ "property": "tlsVerify", "value": true }] }]')}
      {area('references', 'References (JSON)', 2, '[{ "type": "CWE", "id": "CWE-295" }]')}

      <div className="rp-field">
        <label className="rp-field-label" htmlFor={`${id}-pack`}>
          Save into
        </label>
        <select id={`${id}-pack`} className="rp-select" value={packId} data-testid="rule-pack" onChange={(e) => setPackId(e.target.value)}>
          {packs.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
          <option value="">New pack “Custom rules”</option>
        </select>
      </div>

      <div className="rp-rule-status" data-testid="rule-status" data-valid={problems.length === 0}>
        {problems.length === 0 ? <p className="rp-ok">The rule is valid.</p> : <p className="rp-panel-error">{problems.length} problem(s): see the fields above.</p>}
      </div>

      <section className="rp-preview" aria-label="Preview" data-testid="rule-preview" aria-live="polite">
        <h4 className="rp-subhead">Preview in this model</h4>
        {!whenOk || !model ? (
          <p className="rp-muted">Fix the condition to see what the rule finds.</p>
        ) : preview === null ? (
          <p className="rp-muted">Evaluating…</p>
        ) : preview.error ? (
          <p className="rp-panel-error">Preview failed: {preview.error}</p>
        ) : (
          <>
            <p data-testid="rule-preview-count">
              {preview.findings.length === 0 ? 'Matches nothing in this model.' : `Matches ${preview.findings.length} item(s).`}
            </p>
            <ul className="rp-plain-list">
              {preview.findings.slice(0, PREVIEW_SHOWN).map((f) => (
                <li key={f.id} data-testid={`rule-preview-item-${f.id}`}>
                  <SeverityChip severity={f.severity} unverified={f.confidence === 'unverified'} />{' '}
                  <button type="button" className="rp-button rp-button-link" onClick={() => focusTarget(f.targetId, f.id)}>
                    {names.get(f.targetId) ?? f.targetId}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <div className="rp-modal-actions">
        <button type="button" className="rp-button" data-testid="rule-cancel" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="rp-button rp-button-primary" data-testid="rule-save" disabled={!canSave}>
          {problems.length > 0 && canSave ? 'Save with error' : 'Save rule'}
        </button>
      </div>
    </form>
  );
}
