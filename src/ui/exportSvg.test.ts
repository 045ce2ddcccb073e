import { describe, expect, it } from 'vitest';
import type { Frame } from '../protocol/index.ts';
import { buildExportSvg, esc } from './exportSvg.ts';

const ns = (id: number, parent: number | null) => ({
  id, name: `ns${id}`, level: id, parent, state: 'active' as const, init: 0, live: 1, zombies: 0, pidMax: 32768,
  lastPid: 2, initLabel: id === 0 ? 'init' : 'wrap', initPid: 1, rowCount: 1, processes: [], processCount: 1, hiddenChildren: 0,
});
const row = { task: 0, pid: 1, ppid: 0, pgid: 1, sid: 1, stat: 'S' as const, cmd: '/sbin/<init>', label: 'init', born: 0, seenAs: null };
const frame: Frame = {
  step: 3,
  namespaces: [ns(0, null), ns(1, 0)],
  tables: [{ ns: 0, count: 1, start: 0, rows: [row] }, { ns: 1, count: 1, start: 0, rows: [{ ...row, task: 3 }] }],
  liveTasks: null, inspected: null, events: [], act: null, stepInfo: null, why: null, caption: null, question: null, labels: [],
};

describe('buildExportSvg', () => {
  it('draws every namespace box and every table row, escaped', () => {
    const svg = buildExportSvg(frame, 'T & T');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('T &amp; T — step 3');
    expect(svg).toContain('Processes in ns0');
    expect(svg).toContain('Processes in ns1');
    expect(svg).toContain('init wrap (pid 1)');
    expect(svg).toContain('/sbin/&lt;init&gt;');
    expect(svg.match(/<rect width="250"/g)).toHaveLength(2);
    expect(svg.endsWith('</svg>')).toBe(true);
  });

  it('says how many namespaces below one the frame left out', () => {
    const cut = { ...frame, namespaces: [{ ...ns(0, null), hiddenChildren: 1980 }, ns(1, 0)] };
    expect(buildExportSvg(cut, 't')).toContain('and 1,980 more namespaces');
    expect(buildExportSvg(frame, 't')).not.toContain('more namespaces');
  });

  it('turns characters XML forbids into ?, so the document stays well-formed', () => {
    expect(esc('a\u001b]0;pwned\u0007b\tc\u0000')).toBe('a?]0;pwned?b\tc?');
    expect(esc('\ud800x\ud83d\ude00\udc00\uffff')).toBe('?x\ud83d\ude00??');
    const svg = buildExportSvg({ ...frame, tables: [{ ns: 0, count: 1, start: 0, rows: [{ ...row, cmd: 'sh\u001b[2J' }] }] }, 'x\u0001');
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    expect(svg).toContain('sh?[2J');
  });
});

