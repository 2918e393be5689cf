/** React Flow node and edge types of the canvas: each carries the document item it draws. */
import type { Edge, Node } from '@xyflow/react';
import type { Boundary, Flow, ModelElement, Note, Point } from '../model/types';

export type ElementNodeType = 'actor' | 'process' | 'store';

/**
 * What an element node draws. Only these fields: a property edit then leaves the node object (and React Flow's
 * state) untouched, because nothing the canvas shows depends on properties; the store holds the full element.
 */
export type ElementView = Pick<ModelElement, 'id' | 'kind' | 'type' | 'name' | 'description'>;
export type ElementNodeData = { element: ElementView };
export type ElementFlowNode = Node<ElementNodeData, ElementNodeType>;

export type BoundaryNodeData = { boundary: Boundary };
export type BoundaryFlowNode = Node<BoundaryNodeData, 'boundary'>;
export type LineBoundaryFlowNode = Node<BoundaryNodeData, 'lineBoundary'>;

export type NoteNodeData = { note: Note };
export type NoteFlowNode = Node<NoteNodeData, 'note'>;

export type CanvasNode = ElementFlowNode | BoundaryFlowNode | LineBoundaryFlowNode | NoteFlowNode;

/** Where a flow meets a trust boundary, in document (absolute) coordinates. */
export type BoundaryCrossing =
  | { kind: 'zone'; boundaryId: string; x: number; y: number; width: number; height: number }
  | { kind: 'line'; boundaryId: string; points: Point[] };

/** What a flow edge draws (see ElementView): a property edit on a flow leaves its edge object alone. */
export type FlowView = Pick<Flow, 'id' | 'source' | 'target' | 'name'>;

export type FlowEdgeData = {
  flow: FlowView;
  crossings: BoundaryCrossing[];
  /** Sideways offset in px, so parallel flows between the same two elements do not overlap. */
  offset: number;
};
export type FlowCanvasEdge = Edge<FlowEdgeData, 'flow'>;
