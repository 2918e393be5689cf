/**
 * The composition root's top component: routes by hash between the model library and one editor, with the
 * app-wide pieces around them (crash screen, storage banners, import by drop).
 */
import { getLastDocument } from './activeSession';
import { ConnectionBanners } from './Banners';
import { EditorScreen } from './EditorScreen';
import { ErrorBoundary } from './ErrorBoundary';
import { ImportController } from './importController';
import { LibraryScreen } from './LibraryScreen';
import { useRoute } from './routing';

export function App() {
  const route = useRoute();
  return (
    <ErrorBoundary getLastDocument={getLastDocument}>
      <ImportController>
        <div className="rp-app">
          <ConnectionBanners />
          {route.name === 'model' ? <EditorScreen key={route.id} modelId={route.id} /> : <LibraryScreen />}
        </div>
      </ImportController>
    </ErrorBoundary>
  );
}
