import { memo, useId } from 'react';
import { checkPropertyValue, type PropertyDecl } from '../../model/properties';
import type { PropValue } from '../../model/types';
import { CommitTextInput } from '../ui/CommitInput';
import { formatValue } from '../ui/format';

export interface PropertyFieldProps {
  decl: PropertyDecl;
  /** undefined = unknown (not set). */
  value: PropValue | undefined;
  onChange: (name: string, value: PropValue | undefined) => void;
}

/**
 * One typed property control. Unknown is a value of its own everywhere: booleans have three states, enums an
 * "Unknown" option, lists a "set unknown" action, numbers and strings unset when emptied. Selects, radios and
 * checkboxes commit on change; text and numbers on blur or Enter (one undo step per commit).
 */
export const PropertyField = memo(function PropertyField({ decl, value, onChange }: PropertyFieldProps) {
  const id = useId();
  const helpId = `${id}-help`;
  const invalid = value !== undefined ? checkPropertyValue(decl, value) : null;
  const label = decl.unit ? `${decl.label} (${decl.unit})` : decl.label;
  const testId = `prop-${decl.name}`;

  const help = (
    <div id={helpId} className="rp-help">
      {decl.help}
      {invalid ? (
        <span className="rp-field-warning" role="note">
          {' '}
          Stored value {formatValue(value)} is not valid: {invalid}.
        </span>
      ) : null}
    </div>
  );
  const nameTag = <code className="rp-prop-name">{decl.name}</code>;

  switch (decl.type) {
    case 'boolean': {
      const state = value === true ? 'yes' : value === false ? 'no' : 'unknown';
      const options: { key: 'unknown' | 'yes' | 'no'; label: string; value: boolean | undefined }[] = [
        { key: 'unknown', label: 'Unknown', value: undefined },
        { key: 'yes', label: 'Yes', value: true },
        { key: 'no', label: 'No', value: false },
      ];
      return (
        <fieldset className="rp-field rp-field-boolean" data-testid={testId} data-state={state} aria-describedby={helpId} title={decl.help}>
          <legend className="rp-field-label">
            {label} {nameTag}
          </legend>
          <div className="rp-segmented">
            {options.map((o) => (
              <label key={o.key} className={`rp-segment${state === o.key ? ' rp-segment-on' : ''}`}>
                <input
                  type="radio"
                  name={id}
                  checked={state === o.key}
                  data-testid={`${testId}-${o.key}`}
                  onChange={() => onChange(decl.name, o.value)}
                />
                <span>{o.label}</span>
              </label>
            ))}
          </div>
          {help}
        </fieldset>
      );
    }
    case 'enum': {
      const values = decl.values ?? [];
      const current = typeof value === 'string' ? value : '';
      const foreign = current !== '' && !values.includes(current);
      return (
        <div className="rp-field" data-testid={testId} data-state={current === '' ? 'unknown' : 'set'}>
          <label className="rp-field-label" htmlFor={id}>
            {label} {nameTag}
          </label>
          <select
            id={id}
            className="rp-select"
            value={current}
            title={decl.help}
            aria-describedby={helpId}
            data-testid={`${testId}-input`}
            onChange={(e) => onChange(decl.name, e.target.value === '' ? undefined : e.target.value)}
          >
            <option value="">Unknown</option>
            {foreign ? <option value={current}>{current} (not a known value)</option> : null}
            {values.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
          {help}
        </div>
      );
    }
    case 'list': {
      const values = decl.values ?? [];
      const current = Array.isArray(value) ? value : undefined;
      const toggle = (v: string, on: boolean) => {
        const base = current ?? [];
        // Keep the declaration's order, so the stored list does not depend on click order.
        const next = values.filter((x) => (x === v ? on : base.includes(x)));
        const extras = base.filter((x) => !values.includes(x));
        onChange(decl.name, [...next, ...extras]);
      };
      return (
        <fieldset className="rp-field rp-field-list" data-testid={testId} data-state={current === undefined ? 'unknown' : 'set'} aria-describedby={helpId} title={decl.help}>
          <legend className="rp-field-label">
            {label} {nameTag}
          </legend>
          <div className="rp-list-state">
            {current === undefined ? (
              <span className="rp-unknown">Unknown</span>
            ) : current.length === 0 ? (
              <span>None</span>
            ) : null}
            {current !== undefined ? (
              <button type="button" className="rp-button rp-button-link" data-testid={`${testId}-clear`} onClick={() => onChange(decl.name, undefined)}>
                Set unknown
              </button>
            ) : null}
          </div>
          <div className="rp-checklist">
            {values.map((v) => (
              <label key={v} className="rp-check">
                <input
                  type="checkbox"
                  checked={current?.includes(v) ?? false}
                  data-testid={`${testId}-${v}`}
                  onChange={(e) => toggle(v, e.target.checked)}
                />
                <span>{v}</span>
              </label>
            ))}
          </div>
          {help}
        </fieldset>
      );
    }
    case 'number': {
      const text = typeof value === 'number' ? String(value) : value === undefined ? '' : formatValue(value);
      return (
        <div className="rp-field" data-testid={testId} data-state={value === undefined ? 'unknown' : 'set'}>
          <label className="rp-field-label" htmlFor={id}>
            {label} {nameTag}
          </label>
          <div className="rp-number">
            <CommitTextInput
              id={id}
              type="number"
              step="any"
              value={text}
              placeholder="Unknown"
              title={decl.help}
              ariaDescribedBy={helpId}
              testId={`${testId}-input`}
              onCommit={(raw) => {
                if (raw.trim() === '') {
                  onChange(decl.name, undefined);
                  return true;
                }
                const n = Number(raw);
                if (!Number.isFinite(n)) return false;
                onChange(decl.name, n);
                return true;
              }}
            />
            {decl.unit ? <span className="rp-unit" aria-hidden="true">{decl.unit}</span> : null}
          </div>
          {help}
        </div>
      );
    }
    case 'string': {
      const text = typeof value === 'string' ? value : value === undefined ? '' : formatValue(value);
      return (
        <div className="rp-field" data-testid={testId} data-state={value === undefined ? 'unknown' : 'set'}>
          <label className="rp-field-label" htmlFor={id}>
            {label} {nameTag}
          </label>
          <CommitTextInput
            id={id}
            value={text}
            placeholder="Unknown"
            title={decl.help}
            ariaDescribedBy={helpId}
            testId={`${testId}-input`}
            onCommit={(raw) => onChange(decl.name, raw.trim() === '' ? undefined : raw)}
          />
          {help}
        </div>
      );
    }
  }
});
