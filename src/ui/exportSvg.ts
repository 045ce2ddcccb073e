/**
 * Draws what is on screen — the namespace tree and the pid tables — as one standalone SVG
 * document (the tree laid out as on the page, each table as rows of text). Pure: frame in,
 * markup out, so the picture can be checked without a browser.
 */
import type { Frame, NsFrame, TableFrame } from '../protocol/index.ts';
import { INDENT, layoutTree, NODE_H, NODE_W } from './tree/layout.ts';

const PAD = 16;
const LINE = 18;
const COLUMNS = ['PID', 'PPID', 'PGID', 'SID', 'STAT', 'CMD'] as const;
const COLUMN_X = [0, 60, 120, 180, 240, 290];
const TABLE_W = 560;

export function buildExportSvg(frame: Frame, title: string): string {
  const byId = new Map(frame.namespaces.map((n) => [n.id, n]));
  // a namespace whose namespaces below are not all in the frame says how many are left out
  const placed = layoutTree(frame.namespaces, (id) => ((byId.get(id)?.hiddenChildren ?? 0) > 0 ? 1 : 0));
  const tree = placed.links.map((l) => `<path d="${l.d}" fill="none" stroke="#888"/>`).join('') +
    placed.nodes.map((p) => nodeSvg(byId.get(p.id), p.x, p.y)).join('');
  let y = 0;
  const tables = frame.tables.map((t) => {
    const out = `<g transform="translate(0,${y})">${tableSvg(t)}</g>`;
    y += (t.rows.length + 3) * LINE;
    return out;
  }).join('');
  const treeH = placed.height + LINE;
  const width = Math.max(placed.width, TABLE_W) + 2 * PAD;
  const height = LINE * 2 + treeH + y + 2 * PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"`,
    ` font-family="ui-monospace, monospace" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<g transform="translate(${PAD},${PAD})">`,
    `<text y="${LINE}" font-weight="700">${esc(`${title} — step ${frame.step}`)}</text>`,
    `<g transform="translate(0,${LINE * 2})">${tree}</g>`,
    `<g transform="translate(0,${LINE * 2 + treeH})">${tables}</g>`,
    `</g></svg>`,
  ].join('');
}

function nodeSvg(ns: NsFrame | undefined, x: number, y: number): string {
  if (!ns) return '';
  const dash = ns.state === 'dying' ? ' stroke-dasharray="6 3"' : ns.state === 'dead' ? ' stroke-dasharray="2 3"' : '';
  const init = ns.initLabel === null ? 'no init yet' : `init ${ns.initLabel} (pid ${ns.initPid ?? '–'})`;
  return `<g transform="translate(${x},${y})">` +
    `<rect width="${NODE_W}" height="${NODE_H}" rx="6" fill="#f4f6fb" stroke="#345"${dash}/>` +
    `<text x="10" y="18" font-weight="700">${esc(`${ns.name}  level ${ns.level}  ${ns.state}`)}</text>` +
    `<text x="10" y="35">${esc(init)}</text>` +
    `<text x="10" y="51">${esc(`${ns.live} live, ${ns.zombies} zombies`)}</text>` +
    (ns.hiddenChildren > 0 ? `<text x="${INDENT}" y="${NODE_H + 18}">${esc(`and ${ns.hiddenChildren.toLocaleString('en')} more namespaces`)}</text>` : '') +
    '</g>';
}

function tableSvg(t: TableFrame): string {
  const shown = t.rows.length < t.count ? ` (rows ${t.start + 1}–${t.start + t.rows.length} of ${t.count})` : '';
  const head = COLUMNS.map((c, i) => `<text x="${COLUMN_X[i]}" y="${LINE * 2}" font-weight="700">${c}</text>`).join('');
  const rows = t.rows.map((r, k) => {
    const cells = [r.pid, r.ppid, r.pgid, r.sid, r.stat, r.cmd];
    return cells.map((c, i) => `<text x="${COLUMN_X[i]}" y="${LINE * (k + 3)}">${esc(String(c))}</text>`).join('');
  }).join('');
  return `<text y="${LINE}" font-weight="700">${esc(`Processes in ns${t.ns}${shown}`)}</text>${head}${rows}`;
}

/**
 * Text as XML character data. Characters XML 1.0 forbids (C0 controls but tab and newline, lone
 * surrogates, U+FFFE/U+FFFF) would make the document ill-formed: each becomes `?`, as ps shows
 * a control character.
 */
export function esc(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '?')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
