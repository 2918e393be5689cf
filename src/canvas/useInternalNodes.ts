/**
 * React Flow's internal nodes (measured sizes, absolute positions) for components that draw many of them at once.
 * React Flow keeps one lookup map and refills it, so the map itself never changes identity; its user node list is
 * replaced on every change to any node (a drag step included), so the list is the version that says when to redraw.
 */
import { useStore, useStoreApi, type InternalNode } from '@xyflow/react';
import { useMemo } from 'react';

export interface InternalNodes {
  lookup: ReadonlyMap<string, InternalNode>;
  /** The node list this lookup stands for. */
  version: unknown;
}

/** The internal nodes, as an object that is new whenever any node changed: a dependency for what draws them. */
export function useInternalNodes(): InternalNodes {
  const version = useStore((s) => s.nodes);
  const lookup = useStoreApi().getState().nodeLookup as ReadonlyMap<string, InternalNode>;
  return useMemo(() => ({ lookup, version }), [lookup, version]);
}
