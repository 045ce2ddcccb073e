/**
 * Exporting the picture on screen as an SVG or PNG file. Only some visitors export: this module
 * is loaded on first use (the toolbar imports it dynamically), outside the first-load JavaScript.
 */
import type { Frame } from '../protocol/index.ts';
import { buildExportSvg } from './exportSvg.ts';
import { downloadBlob, downloadText } from './files.ts';

export async function exportPicture(frame: Frame, title: string, baseName: string, kind: 'svg' | 'png'): Promise<void> {
  const svg = buildExportSvg(frame, title);
  if (kind === 'svg') downloadText(svg, `${baseName}.svg`, 'image/svg+xml');
  else downloadBlob(await svgToPng(svg), `${baseName}.png`);
}

/** rasterises a standalone SVG document at `scale` device pixels per unit */
async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode().catch(() => {
      throw new Error('the browser could not draw the picture');
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.ceil(image.naturalWidth * scale);
    canvas.height = Math.ceil(image.naturalHeight * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('this browser cannot draw on a canvas');
    ctx.scale(scale, scale);
    ctx.drawImage(image, 0, 0);
    return await new Promise<Blob>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the PNG could not be made'))), 'image/png');
    });
  } finally {
    URL.revokeObjectURL(url);
  }
}
