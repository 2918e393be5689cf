/** Node and edge types, at module scope so React Flow never sees a new object (it would remount every node). */
import type { EdgeTypes, NodeTypes } from '@xyflow/react';
import { FlowEdge } from '../edges/FlowEdge';
import { BoundaryNode } from './BoundaryNode';
import { ElementNode } from './ElementNode';
import { LineBoundaryNode } from './LineBoundaryNode';
import { NoteNode } from './NoteNode';

export const NODE_TYPES: NodeTypes = {
  actor: ElementNode,
  process: ElementNode,
  store: ElementNode,
  boundary: BoundaryNode,
  lineBoundary: LineBoundaryNode,
  note: NoteNode,
};

export const EDGE_TYPES: EdgeTypes = {
  flow: FlowEdge,
};
