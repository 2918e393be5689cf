/** `#/`: the model library (panels' ModelLibrary) under the app header. */
import { useMemo } from 'react';
import { ModelLibrary } from '../panels/library/ModelLibrary';
import { NoticeBanners } from './Banners';
import { importAndReport } from './importController';
import { createLibraryApi } from './libraryApi';
import { getServices } from './services';

export function LibraryScreen() {
  const api = useMemo(() => createLibraryApi({ repository: getServices().repository, importFile: importAndReport }), []);
  return (
    <div className="rp-library-screen" data-testid="library-screen">
      <header className="rp-topbar">
        <a className="rp-topbar-brand" href="#/" data-testid="topbar-home">
          <img src="/favicon.svg" alt="" />
          Rampart
        </a>
        <span className="rp-topbar-sep" aria-hidden="true">
          ›
        </span>
        <span>Model library</span>
      </header>
      <NoticeBanners modelId={null} />
      <main className="rp-library-main">
        <ModelLibrary api={api} />
      </main>
    </div>
  );
}
