import { describe, expect, it } from 'vitest';
import { nativeExportFileName, sanitizeFileName } from '../../src/app/download';

describe('export file names', () => {
  it('names native exports <model name>.rampart.json', () => {
    expect(nativeExportFileName('Order entry')).toBe('Order entry.rampart.json');
  });

  it('removes path separators, reserved and control characters', () => {
    expect(sanitizeFileName('../../etc/passwd')).toBe('etc-passwd');
    expect(sanitizeFileName('a<b>c:d"e|f?g*h')).toBe('a-b-c-d-e-f-g-h');
    expect(sanitizeFileName('tab\there\u0000nul')).toBe('tab-here-nul');
    expect(sanitizeFileName('C:\\Users\\me')).toBe('C-Users-me');
  });

  it('never returns an empty, hidden or overlong name', () => {
    expect(sanitizeFileName('')).toBe('threat-model');
    expect(sanitizeFileName('   ...  ')).toBe('threat-model');
    expect(sanitizeFileName('.hidden')).toBe('hidden');
    expect(sanitizeFileName('x'.repeat(500)).length).toBeLessThanOrEqual(100);
  });
});
