/**
 * The stencil palette: search, the stencil groups, trust boundaries and notes. Drag an item onto the canvas
 * (HTML5 drag, type `application/rampart-stencil`) to drop it at the pointer, or click it to add it at the
 * centre of the view.
 */
import { memo, useMemo, useRef, useState, type DragEvent } from 'react';
import { BOUNDARY_ICON, NOTE_ICON, type IconDef } from '../model/icons';
import { BOUNDARY_TYPE_INFO, STENCIL_GROUPS, STENCILS } from '../model/stencils';
import { BOUNDARY_TYPES } from '../model/types';
import { useEditorApi } from '../store/context';
import { getCanvas } from './bridge';
import './canvas.css';
import { addPaletteItem, STENCIL_MIME, toToken, type PaletteItem } from './paletteItems';
import { StencilIcon } from './StencilIcon';

interface Entry {
  key: string;
  testId: string;
  label: string;
  description: string;
  icon: IconDef;
  item: PaletteItem;
}

interface Group {
  id: string;
  label: string;
  entries: Entry[];
}

const ALL_GROUPS: Group[] = [
  ...STENCIL_GROUPS.map((g) => ({
    id: g.id,
    label: g.label,
    entries: STENCILS.filter((s) => s.group === g.id).map(
      (s): Entry => ({
        key: s.id,
        testId: `palette-item-${s.id}`,
        label: s.label,
        description: s.description,
        icon: s.icon,
        item: { kind: 'element', stencilId: s.id },
      }),
    ),
  })),
  {
    id: 'boundaries',
    label: 'Trust boundaries',
    entries: BOUNDARY_TYPES.map(
      (t): Entry => ({
        key: `boundary-${t}`,
        testId: `palette-boundary-${t}`,
        label: BOUNDARY_TYPE_INFO[t].label,
        description: BOUNDARY_TYPE_INFO[t].description,
        icon: BOUNDARY_ICON,
        item: { kind: 'boundary', type: t },
      }),
    ),
  },
  {
    id: 'annotations',
    label: 'Annotations',
    entries: [{ key: 'note', testId: 'palette-note', label: 'Note', description: 'A free-text note on the diagram', icon: NOTE_ICON, item: { kind: 'note' } }],
  },
];

function matches(entry: Entry, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return entry.label.toLowerCase().includes(q) || entry.key.toLowerCase().includes(q) || entry.description.toLowerCase().includes(q);
}

export const Palette = memo(function Palette() {
  const store = useEditorApi();
  const [query, setQuery] = useState('');
  // Repeated clicks at the same view centre fan out, so new items do not hide each other.
  const lastClick = useRef<{ key: string; count: number }>({ key: '', count: 0 });
  const groups = useMemo(() => ALL_GROUPS.map((g) => ({ ...g, entries: g.entries.filter((e) => matches(e, query)) })).filter((g) => g.entries.length), [query]);

  const addAtCentre = (item: PaletteItem) => {
    const centre = getCanvas(store)?.viewportCentre() ?? { x: 200, y: 150 };
    const key = `${Math.round(centre.x)},${Math.round(centre.y)}`;
    lastClick.current = lastClick.current.key === key ? { key, count: lastClick.current.count + 1 } : { key, count: 0 };
    const shift = (lastClick.current.count % 10) * 24;
    addPaletteItem(store, item, { x: centre.x + shift, y: centre.y + shift });
  };

  const onDragStart = (event: DragEvent, item: PaletteItem) => {
    event.dataTransfer.setData(STENCIL_MIME, toToken(item));
    event.dataTransfer.setData('text/plain', toToken(item));
    event.dataTransfer.effectAllowed = 'copy';
  };

  return (
    <nav className="rampart-palette" aria-label="Stencil palette" data-testid="palette">
      <input
        className="rampart-palette__search"
        type="search"
        placeholder="Search stencils"
        aria-label="Search stencils"
        data-testid="palette-search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      {groups.length === 0 && <p className="rampart-palette__empty">No stencil matches “{query}”.</p>}
      {groups.map((g) => (
        <section key={g.id} className="rampart-palette__group" data-testid={`palette-group-${g.id}`} aria-label={g.label}>
          <h3>{g.label}</h3>
          <ul className="rampart-palette__list">
            {g.entries.map((e) => (
              <li key={e.key}>
                <button
                  type="button"
                  className="rampart-palette__item"
                  draggable
                  data-testid={e.testId}
                  data-token={toToken(e.item)}
                  aria-label={`Add ${e.label}`}
                  title={e.description}
                  onClick={() => addAtCentre(e.item)}
                  onDragStart={(event) => onDragStart(event, e.item)}
                >
                  <StencilIcon icon={e.icon} size={18} />
                  <span>{e.label}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
});
