/**
 * The QR code of a link, as dark modules for an SVG path. The encoder is a small library
 * (qrcode-generator), loaded the first time a code is asked for. Error correction L: a
 * projected code is clean, and L fits the longest links.
 */
export interface QrPicture {
  /** modules per side, quiet zone excluded */
  size: number;
  /** one `M x y h1 v1 h-1 z` square per dark module */
  path: string;
}

/** Above this many modules per side (version 20) a projected code is hard to scan from a seat. */
export const SCANS_WELL_UP_TO = 97;

export type QrResult = { ok: true; picture: QrPicture } | { ok: false; reason: string };

export async function qrOf(link: string): Promise<QrResult> {
  const { default: qrcode } = await import('qrcode-generator');
  const code = qrcode(0, 'L');
  code.addData(link, 'Byte');
  try {
    code.make();
  } catch {
    return { ok: false, reason: `This link is too long for a QR code (${link.length.toLocaleString('en')} characters; a code holds about 2,900).` };
  }
  const size = code.getModuleCount();
  const squares: string[] = [];
  for (let row = 0; row < size; row += 1) {
    for (let col = 0; col < size; col += 1) {
      if (code.isDark(row, col)) squares.push(`M${col} ${row}h1v1h-1z`);
    }
  }
  return { ok: true, picture: { size, path: squares.join('') } };
}
