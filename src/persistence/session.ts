/**
 * The open model's link to storage: the tabs.ts policy in one object, so app/ cannot forget a step.
 * It remembers the saveCount this tab last loaded or wrote, saves with it as `expectedSaveCount`, announces each
 * save to the other tabs, and reports other tabs' saves that this tab has not seen.
 *
 * Wiring in app/:
 *   const loaded = await repository.loadModel(id);            // ok: model, saveCount
 *   const session = createModelSession({ repository, coordinator, modelId: id, saveCount: loaded.saveCount,
 *     onRemoteChange: () => showChangedElsewhere() });
 *   const autosave = createAutosave({ save: session.save, addRevision: repository.addRevision });
 * A save refused with kind `conflict` (autosave status) or an `onRemoteChange` call both lead to the choice
 * "reload it / keep mine (save as copy)"; either way dispose the autosave and close the session first.
 */
import type { Id, ThreatModel } from '../model/types';
import type { Repository } from './repository';
import type { RemoteSave, TabCoordinator } from './tabs';

export interface ModelSessionOptions {
  repository: Pick<Repository, 'saveModel'>;
  /** Omit where BroadcastChannel is unavailable: the saveCount check still prevents overwrites. */
  coordinator?: TabCoordinator;
  modelId: Id;
  /** From `loadModel` (or 1 after `createModel`). */
  saveCount: number;
  /** Another tab stored a version of this model that this tab has not seen. */
  onRemoteChange?: (message: RemoteSave) => void;
  /** Another tab opened this model. */
  onRemoteOpen?: () => void;
}

export interface ModelSession {
  readonly modelId: Id;
  /** Saves with the remembered count (refused with a ConflictError if another tab wrote), then announces it. */
  save(model: ThreatModel): Promise<void>;
  getSaveCount(): number;
  /** After the app reloaded the model itself (e.g. on "reload it"), adopt the stored count. */
  adopt(saveCount: number): void;
  close(): void;
}

export function createModelSession(options: ModelSessionOptions): ModelSession {
  const { repository, coordinator, modelId } = options;
  let saveCount = options.saveCount;
  const offs: (() => void)[] = [];

  if (coordinator) {
    offs.push(
      coordinator.onRemoteSave(modelId, (message) => {
        // Counts only grow; a message at or below ours describes a state this tab already has or overwrote.
        if (message.saveCount > saveCount) options.onRemoteChange?.(message);
      }),
    );
    if (options.onRemoteOpen) {
      const onRemoteOpen = options.onRemoteOpen;
      offs.push(coordinator.onRemoteOpen(modelId, () => onRemoteOpen()));
    }
    coordinator.announceOpen(modelId);
  }

  return {
    modelId,
    async save(model) {
      if (model.id !== modelId) throw new Error(`Session for ${modelId} cannot save model ${model.id}.`);
      saveCount = await repository.saveModel(model, { expectedSaveCount: saveCount });
      coordinator?.announceSaved(modelId, saveCount);
    },
    getSaveCount: () => saveCount,
    adopt(next) {
      saveCount = next;
    },
    close() {
      for (const off of offs.splice(0)) off();
    },
  };
}
