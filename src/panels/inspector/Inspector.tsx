import '../panels.css';
import './inspector.css';
import { useEditor } from '../../store/context';
import { findItem, toItemRef } from '../lookup';
import { InspectorTabs } from './InspectorTabs';
import { BoundaryHeader, ElementHeader, FlowHeader, NoteInspector } from './ItemInspectors';
import { ManualThreats } from './ManualThreats';
import { ModelOverview } from './ModelOverview';

/**
 * The right-hand panel. What it shows follows the selection: for one item its head (name, description,
 * kind/type, boundaries) and below it the Threats and Properties tabs; a count for a multi-selection; the
 * model's fields and summary when nothing is selected. Each part selects narrowly, so typing in one field does
 * not re-render the finding cards.
 */
export function Inspector() {
  const hasModel = useEditor((s) => s.model !== null);
  const count = useEditor((s) => s.selection.length);
  // findItem returns the document's own object, stable until that item is edited.
  const item = useEditor((s) => (s.selection.length === 1 ? findItem(s.model, s.selection[0]) : undefined));

  let body;
  if (!hasModel) {
    body = <p className="rp-empty">No model is open.</p>;
  } else if (count > 1) {
    body = (
      <div data-testid="inspector-multi">
        <p className="rp-multi-count" data-testid="inspector-multi-count">
          {count} items selected
        </p>
        <p className="rp-help">Press Delete to remove them (elements take their flows with them). Select a single item to edit it.</p>
      </div>
    );
  } else if (item) {
    const ref = toItemRef(item);
    switch (ref.kind) {
      case 'element':
        body = (
          <>
            <ElementHeader element={ref.item} />
            <InspectorTabs targetId={ref.item.id} propTarget={ref.item.kind} props={ref.item.props} />
          </>
        );
        break;
      case 'flow':
        body = (
          <>
            <FlowHeader flow={ref.item} />
            <InspectorTabs targetId={ref.item.id} propTarget="flow" props={ref.item.props} />
          </>
        );
        break;
      case 'boundary':
        body = (
          <>
            <BoundaryHeader boundary={ref.item} />
            <InspectorTabs targetId={ref.item.id} propTarget="boundary" props={ref.item.props} />
          </>
        );
        break;
      case 'note':
        body = <NoteInspector note={ref.item} />;
        break;
    }
  } else {
    body = (
      <>
        <ModelOverview />
        <ManualThreats targetId={null} />
      </>
    );
  }

  return (
    // A div, not a landmark: the app's layout puts the panel in its own <aside aria-label="Inspector">.
    <div className="rp-panel rp-inspector" data-testid="inspector">
      {body}
    </div>
  );
}
