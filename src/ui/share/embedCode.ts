/** The `<iframe>` a course page pastes to embed the read-only player. */

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function iframeCode(src: string, title: string | null): string {
  const name = title === null ? 'pidns-lab' : `pidns-lab: ${title}`;
  return `<iframe src="${escapeAttribute(src)}" title="${escapeAttribute(name)}" width="100%" height="640" style="border: 1px solid #d5dae1; border-radius: 8px" loading="lazy"></iframe>`;
}
