/**
 * The editor's top bar (DESIGN.md §6): Rampart > model name, save status, undo/redo, analysis summary, and the
 * Export, Import, History, Rule packs and Help commands.
 */
import { useRef, type ChangeEvent } from 'react';
import { useEditor, useEditorApi } from '../store/context';
import { selectCanRedo, selectCanUndo } from '../store/selectors';
import { AnalysisSummary } from './AnalysisSummary';
import type { EditorSession } from './editorSession';
import { exportNative } from './importExport';
import { useImporter } from './importController';
import { Menu, type MenuItem } from './Menu';
import { ModelNameInput } from './ModelNameInput';
import { SaveStatus } from './SaveStatus';

export interface TopBarProps {
  session: EditorSession;
  onOpenHistory: () => void;
  onOpenRulePacks: () => void;
  rulePacksOpen: boolean;
}

const IMPORT_ACCEPT = '.json,application/json';

export function TopBar({ session, onOpenHistory, onOpenRulePacks, rulePacksOpen }: TopBarProps) {
  const store = useEditorApi();
  const canUndo = useEditor(selectCanUndo);
  const canRedo = useEditor(selectCanRedo);
  const importer = useImporter();
  const fileRef = useRef<HTMLInputElement>(null);

  const exportItems: MenuItem[] = [
    {
      label: 'Rampart JSON (.rampart.json)',
      testId: 'export-json',
      onSelect: () => {
        const model = store.getState().model;
        if (model) exportNative(model);
      },
    },
  ];

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) void importer.importFile(file);
  };

  return (
    <nav className="rp-topbar" aria-label="Editor" data-testid="topbar">
      <a className="rp-topbar-brand" href="#/" data-testid="topbar-home" title="Back to the model library">
        <img src="/favicon.svg" alt="" />
        Rampart
      </a>
      <span className="rp-topbar-sep" aria-hidden="true">
        ›
      </span>
      <ModelNameInput />
      <SaveStatus session={session} />
      <span className="rp-topbar-spacer" />
      <div className="rp-topbar-group" role="group" aria-label="History">
        <button type="button" className="rp-topbar-button" data-testid="undo" disabled={!canUndo} title="Undo (Ctrl+Z)" onClick={() => store.getState().undo()}>
          Undo
        </button>
        <button type="button" className="rp-topbar-button" data-testid="redo" disabled={!canRedo} title="Redo (Ctrl+Shift+Z)" onClick={() => store.getState().redo()}>
          Redo
        </button>
      </div>
      <AnalysisSummary session={session} />
      <div className="rp-topbar-group">
        <Menu label="Export" testId="export-menu" items={exportItems} />
        <button type="button" className="rp-topbar-button" data-testid="import-json" onClick={() => fileRef.current?.click()}>
          Import
        </button>
        <input
          ref={fileRef}
          type="file"
          accept={IMPORT_ACCEPT}
          className="rp-visually-hidden"
          tabIndex={-1}
          aria-label="Import a model file"
          data-testid="import-file-input"
          onChange={onFile}
        />
        <button type="button" className="rp-topbar-button" data-testid="history-button" onClick={onOpenHistory}>
          History
        </button>
        <button type="button" className="rp-topbar-button" data-testid="rule-packs-button" aria-pressed={rulePacksOpen} onClick={onOpenRulePacks}>
          Rule packs
        </button>
        <button type="button" className="rp-topbar-button" data-testid="help-button" aria-label="Help: keyboard shortcuts" onClick={() => store.getState().setUi({ helpOpen: true })}>
          Help
        </button>
      </div>
    </nav>
  );
}
