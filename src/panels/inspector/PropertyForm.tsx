import { memo, useId, useMemo, useState } from 'react';
import { getPropertyDecl, getPropertyDecls, type PropertyDecl, type PropTarget } from '../../model/properties';
import type { Props, PropValue } from '../../model/types';
import { formatValue } from '../ui/format';
import { PropertyField } from './PropertyField';

export interface PropertyFormProps {
  /** What the form is for: an element kind, 'flow' or 'boundary'. Decides which declarations apply. */
  target: PropTarget;
  props: Props;
  /** value undefined = unset (the property becomes unknown). */
  onChange: (name: string, value: PropValue | undefined) => void;
}

interface Group {
  name: string;
  decls: PropertyDecl[];
}

function groupDecls(decls: readonly PropertyDecl[]): Group[] {
  const groups = new Map<string, PropertyDecl[]>();
  for (const d of decls) {
    const list = groups.get(d.group) ?? [];
    list.push(d);
    groups.set(d.group, list);
  }
  return Array.from(groups, ([name, list]) => ({ name, decls: list }));
}

function matches(decl: PropertyDecl, query: string): boolean {
  return decl.name.toLowerCase().includes(query) || decl.label.toLowerCase().includes(query) || decl.group.toLowerCase().includes(query);
}

/**
 * The typed property form, generated from the declarations in model/properties.ts: one collapsible section per
 * declaration group, a filter box, and the count of set properties per section. Properties stored on the item
 * but not declared for it (from an import, or for another kind) are listed apart and can be cleared.
 */
export const PropertyForm = memo(function PropertyForm({ target, props, onChange }: PropertyFormProps) {
  const filterId = useId();
  const [query, setQuery] = useState('');
  const [onlySet, setOnlySet] = useState(false);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());

  const decls = useMemo(() => getPropertyDecls(target), [target]);
  const q = query.trim().toLowerCase();
  const groups = useMemo(() => {
    const visible = decls.filter((d) => (!q || matches(d, q)) && (!onlySet || props[d.name] !== undefined));
    return groupDecls(visible);
  }, [decls, q, onlySet, props]);
  const undeclared = useMemo(() => {
    const names = new Set(decls.map((d) => d.name));
    return Object.keys(props)
      .filter((k) => !names.has(k))
      .sort();
  }, [decls, props]);
  const searching = q !== '' || onlySet;

  const toggleGroup = (name: string, open: boolean) =>
    setCollapsed((prev) => {
      const next = new Set(prev);
      if (open) next.delete(name);
      else next.add(name);
      return next;
    });

  return (
    <div className="rp-propform" data-testid="property-form" data-target={target}>
      <div className="rp-propform-tools">
        <label htmlFor={filterId} className="rp-visually-hidden">
          Filter properties
        </label>
        <input
          id={filterId}
          type="search"
          className="rp-input"
          placeholder="Filter properties"
          value={query}
          data-testid="prop-filter"
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="rp-check">
          <input type="checkbox" checked={onlySet} data-testid="prop-only-set" onChange={(e) => setOnlySet(e.target.checked)} />
          <span>Only set</span>
        </label>
      </div>
      {groups.length === 0 ? <p className="rp-empty">No properties match.</p> : null}
      {groups.map((g) => {
        const setCount = g.decls.filter((d) => props[d.name] !== undefined).length;
        // A search opens every section that has a match, whatever the analyst collapsed before.
        const open = searching || !collapsed.has(g.name);
        return (
          <details
            key={g.name}
            className="rp-propgroup"
            open={open}
            data-testid={`prop-group-${g.name}`}
            onToggle={(e) => {
              if (!searching) toggleGroup(g.name, (e.currentTarget as HTMLDetailsElement).open);
            }}
          >
            <summary className="rp-propgroup-title">
              {g.name}{' '}
              <span className="rp-muted">
                ({setCount}/{g.decls.length} set)
              </span>
            </summary>
            {g.decls.map((d) => (
              <PropertyField key={d.name} decl={d} value={props[d.name]} onChange={onChange} />
            ))}
          </details>
        );
      })}
      {undeclared.length > 0 && !searching ? (
        <section className="rp-propgroup" data-testid="prop-group-other" aria-label="Other properties">
          <h4 className="rp-propgroup-title">Other properties</h4>
          <p className="rp-help">Stored on this item but not declared for a {target}; rules ignore them.</p>
          <ul className="rp-plain-list">
            {undeclared.map((name) => (
              <li key={name} className="rp-undeclared" data-testid={`prop-${name}`}>
                <code>{name}</code> = {formatValue(props[name])}
                {getPropertyDecl(name) ? <span className="rp-muted"> (applies to {getPropertyDecl(name)!.appliesTo.join(', ')})</span> : null}{' '}
                <button type="button" className="rp-button rp-button-link" data-testid={`prop-${name}-clear`} onClick={() => onChange(name, undefined)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
});
