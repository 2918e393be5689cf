/**
 * The two tabs under the inspector's head: Threats (findings, mitigated by design, manual threats) and
 * Properties (the typed form). Which one shows is the analyst's last choice, kept in the store's ui state, so
 * moving from element to element keeps them on the view they were working in; focusing a finding from the
 * register or a badge switches to Threats. Both panels stay mounted (inactive one `hidden`), so a half-written
 * manual threat or a property filter survives a look at the other tab.
 *
 * Keyboard: the WAI-ARIA tabs pattern with automatic activation (arrow keys, Home and End move and select).
 */
import { useCallback, useEffect, useId, useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { getPropertyDecls, type PropTarget } from '../../model/properties';
import type { Id, Props, PropValue } from '../../model/types';
import { useEditor } from '../../store/context';
import type { FocusRequest, InspectorTab } from '../../store/types';
import { useActions } from '../hooks';
import { severityLabel } from '../ui/SeverityChip';
import { FindingList } from './FindingList';
import { ManualThreats } from './ManualThreats';
import { PropertyForm } from './PropertyForm';

export interface InspectorTabsProps {
  targetId: Id;
  /** Which property declarations apply: the element's kind, 'flow' or 'boundary'. */
  propTarget: PropTarget;
  props: Props;
}

const TABS: readonly InspectorTab[] = ['threats', 'properties'];

/** The tab a navigation key moves to from `current`, wrapping around; undefined for other keys. */
function tabForKey(key: string, current: InspectorTab): InspectorTab | undefined {
  const at = TABS.indexOf(current);
  switch (key) {
    case 'ArrowRight':
      return TABS[(at + 1) % TABS.length];
    case 'ArrowLeft':
      return TABS[(at - 1 + TABS.length) % TABS.length];
    case 'Home':
      return TABS[0];
    case 'End':
      return TABS[TABS.length - 1];
    default:
      return undefined;
  }
}

/** The threats tab's label: open findings and open manual threats (the canvas badge's count) and a dot in the worst severity. */
function ThreatsLabel({ targetId }: { targetId: Id }) {
  // The badge already counts open findings plus open manual threats of this target, kept current by the store.
  const badge = useEditor((s) => s.badges[targetId]);
  const open = badge?.open ?? 0;
  const severity = open > 0 ? badge?.severity : null;
  return (
    <>
      <span>Threats ({open})</span>
      {severity ? (
        <>
          <span
            className={`rp-tab-dot rp-tab-dot-${severity}${badge?.unverifiedOnly ? ' rp-tab-dot-unverified' : ''}`}
            data-testid="inspector-tab-threats-dot"
            data-severity={severity}
            aria-hidden="true"
          />
          <span className="rp-visually-hidden">, highest {severityLabel(severity).toLowerCase()}</span>
        </>
      ) : null}
    </>
  );
}

function PropertiesLabel({ propTarget, props }: { propTarget: PropTarget; props: Props }) {
  const decls = useMemo(() => getPropertyDecls(propTarget), [propTarget]);
  const set = decls.filter((d) => props[d.name] !== undefined).length;
  return (
    <span>
      Properties ({set}/{decls.length}
      <span className="rp-visually-hidden"> set</span>)
    </span>
  );
}

/** Looks up the card of a finding, manual threat or mitigated-by-design entry inside a panel. */
function findThreatCard(panel: HTMLElement, threatId: string): HTMLElement | null {
  // Inside a double-quoted attribute selector only the quote and the backslash need escaping.
  const escaped = threatId.replace(/["\\]/g, '\\$&');
  return panel.querySelector<HTMLElement>(`[data-threat-id="${escaped}"]`);
}

/** The nearest ancestor that scrolls vertically: in the app, the inspector's own area. */
function findScrollParent(el: HTMLElement): HTMLElement | null {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return null;
}

/**
 * Scrolls the inspector's area so the card sits just under the sticky tab list. Not scrollIntoView: that also
 * scrolls every outer box of the app shell that has a few pixels of overflow, shifting the whole screen.
 */
function revealCard(card: HTMLElement, tablist: HTMLElement | null): void {
  const scroller = findScrollParent(card);
  if (!scroller || typeof scroller.scrollTo !== 'function') return;
  const covered = tablist ? tablist.getBoundingClientRect().height : 0;
  const offset = card.getBoundingClientRect().top - scroller.getBoundingClientRect().top - covered - 6;
  scroller.scrollTo({ top: Math.max(0, scroller.scrollTop + offset) });
}

/**
 * Focus requests already answered. A request stays in the store after it is served, and this panel remounts or
 * sees its target again when the analyst comes back to the item: that must not jump to the old card again.
 */
const revealed = new WeakSet<FocusRequest>();

/** A short outline pulse, so the eye finds the card the analyst asked for after the panel jumped. */
function pulse(card: HTMLElement): void {
  if (typeof card.animate !== 'function') return;
  const colour = getComputedStyle(card).getPropertyValue('--rp-accent').trim() || '#0b5cad';
  card.animate([{ boxShadow: `0 0 0 3px ${colour}` }, { boxShadow: '0 0 0 0 transparent' }], { duration: 1600, easing: 'ease-out' });
}

export function InspectorTabs({ targetId, propTarget, props }: InspectorTabsProps) {
  const baseId = useId();
  const tab = useEditor((s) => s.ui.inspectorTab);
  const focus = useEditor((s) => s.ui.focusRequest);
  const { setUi, setProperty } = useActions();
  const tabRefs = useRef(new Map<InspectorTab, HTMLButtonElement>());
  const threatsPanel = useRef<HTMLDivElement>(null);
  const tablist = useRef<HTMLDivElement>(null);

  const onProp = useCallback((name: string, value: PropValue | undefined) => setProperty(targetId, name, value), [setProperty, targetId]);
  const choose = (next: InspectorTab) => {
    if (next !== tab) setUi({ inspectorTab: next });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = tabForKey(e.key, tab);
    if (!next) return;
    e.preventDefault();
    choose(next);
    tabRefs.current.get(next)?.focus();
  };

  // A new focus request that names a threat on this item scrolls its card into view (after the tab switch that
  // came with it has rendered). Each click makes a new request, so clicking the same row again scrolls again.
  useEffect(() => {
    if (!focus?.findingId || focus.id !== targetId || revealed.has(focus) || !threatsPanel.current) return;
    const card = findThreatCard(threatsPanel.current, focus.findingId);
    if (!card) return;
    revealed.add(focus);
    revealCard(card, tablist.current);
    pulse(card);
  }, [focus, targetId]);

  const ids = (t: InspectorTab) => ({ tab: `${baseId}-tab-${t}`, panel: `${baseId}-panel-${t}` });
  const tabButton = (t: InspectorTab, label: ReactNode) => (
    <button
      key={t}
      ref={(el) => {
        if (el) tabRefs.current.set(t, el);
        else tabRefs.current.delete(t);
      }}
      type="button"
      role="tab"
      id={ids(t).tab}
      className="rp-tab"
      aria-selected={tab === t}
      aria-controls={ids(t).panel}
      tabIndex={tab === t ? 0 : -1}
      data-testid={`inspector-tab-${t}`}
      onClick={() => choose(t)}
    >
      {label}
    </button>
  );

  return (
    <div className="rp-inspector-tabs">
      <div ref={tablist} className="rp-tablist" role="tablist" aria-label="Inspector sections" onKeyDown={onKeyDown}>
        {tabButton('threats', <ThreatsLabel targetId={targetId} />)}
        {tabButton('properties', <PropertiesLabel propTarget={propTarget} props={props} />)}
      </div>
      <div
        ref={threatsPanel}
        role="tabpanel"
        id={ids('threats').panel}
        aria-labelledby={ids('threats').tab}
        className="rp-tabpanel"
        hidden={tab !== 'threats'}
        data-testid="inspector-panel-threats"
      >
        <FindingList targetId={targetId} />
        <ManualThreats targetId={targetId} />
      </div>
      <div
        role="tabpanel"
        id={ids('properties').panel}
        aria-labelledby={ids('properties').tab}
        className="rp-tabpanel"
        hidden={tab !== 'properties'}
        data-testid="inspector-panel-properties"
      >
        <PropertyForm target={propTarget} props={props} onChange={onProp} />
      </div>
    </div>
  );
}
