/**
 * Getting files in and out of the page: download a text or a blob under a name, render an SVG
 * document to a PNG, read a dropped or picked file as text.
 */

export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadText(text: string, name: string, type: string): void {
  downloadBlob(new Blob([text], { type }), name);
}

/** rasterises a standalone SVG document at `scale` device pixels per unit */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
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

/** the first file of a drop or a picker, if it looks like a scenario (text, not huge) */
export async function readScenarioFile(file: File | undefined): Promise<string> {
  if (!file) throw new Error('no file was given');
  if (file.size > 1_000_000) throw new Error(`${file.name} is larger than 1 MB; a scenario is plain text`);
  return file.text();
}
