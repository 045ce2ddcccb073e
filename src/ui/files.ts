/**
 * Getting files in and out of the page: download a text or a blob under a name, read a dropped
 * or picked file as text.
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

/** the first file of a drop or a picker, if it looks like a scenario (text, not huge) */
export async function readScenarioFile(file: File | undefined): Promise<string> {
  if (!file) throw new Error('no file was given');
  if (file.size > 1_000_000) throw new Error(`${file.name} is larger than 1 MB; a scenario is plain text`);
  return file.text();
}
