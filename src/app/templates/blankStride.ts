/** Template: a general STRIDE model with only the STRIDE pack on and a three-element starting diagram. */
import type { ThreatModel } from '../../model/types';
import { createTemplateBuilder } from './builder';

export function buildBlankStrideTemplate(): ThreatModel {
  const t = createTemplateBuilder({
    name: 'STRIDE model',
    description: 'A general STRIDE per-element analysis. Rename the starting elements or replace them with your own.',
    diagramName: 'Context',
    packs: ['stride'],
  });

  const system = t.zone('corporate', 'Your system', { x: 320, y: 60, width: 520, height: 240 });
  const user = t.node('actor', 'User', { x: 60, y: 140 });
  const app = t.node('process', 'Application', { x: 380, y: 140 }, { boundary: system });
  const db = t.node('store', 'Data store', { x: 640, y: 140 }, { boundary: system });

  t.flow(user, app, 'Request', { protocol: 'https' });
  t.flow(app, user, 'Response', { protocol: 'https' });
  t.flow(app, db, 'Read and write', {});

  return t.model;
}
