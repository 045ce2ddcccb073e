/**
 * Share links: a scenario (and optionally the step shown and the view) in a URL fragment.
 *
 * Format v1: `#v1.` MODE DATA `.` CRC
 * - BODY = UTF-8 of META `\n` TEXT, where META is empty, or `[step,task,viewAs,ns]` as JSON when
 *   any of them is set.
 * - MODE `z`: DATA = base64url(deflate-raw(squeeze(BODY)), preset dictionary DICTIONARY_V1);
 *   MODE `p`: DATA = base64url(BODY). The encoder picks the shorter (`z` on a tie).
 * - CRC = base64url of the big-endian CRC-32 of BODY, so a cut or altered link is detected.
 * `decodeFragment` never throws: every failure is a sentence for the page to show.
 * Text is carried as UTF-8: a lone UTF-16 surrogate (not valid text) does not survive.
 */
import { deflateSync, Inflate, strFromU8, strToU8 } from 'fflate';
import { crcText, fromBase64url, squeeze, toBase64url, unsqueeze } from './codec-bytes.ts';
import { DICTIONARY_V1 } from './codec-dictionary.ts';
import { MAX_TEXT_BYTES } from './limits.ts';

export const LINK_VERSION = 1;

/** What the page shows besides the text: selected task, namespace seen from, selected namespace. */
export interface LinkView {
  task: string | null;
  viewAs: string | null;
  ns: string | null;
}
export interface LinkData {
  text: string;
  /** the step shown (0 = before the first statement), or null for the page's default */
  step: number | null;
  view: LinkView;
}
export type DecodeResult = { ok: true; data: LinkData } | { ok: false; error: string };

const DICT = squeeze(strToU8(DICTIONARY_V1));
const NO_VIEW: LinkView = { task: null, viewAs: null, ns: null };
const DAMAGED = 'the link is truncated or damaged; copy the whole link again';

function body(data: LinkData): Uint8Array {
  const { step, view } = data;
  const meta = step === null && view.task === null && view.viewAs === null && view.ns === null
    ? '' : JSON.stringify([step, view.task, view.viewAs, view.ns]);
  return strToU8(`${meta}\n${data.text}`);
}

/** The fragment (starting with `#`) for `text`, optionally pointing at a step and a view. */
export function encodeFragment(text: string, step: number | null = null, view: LinkView = NO_VIEW): string {
  const raw = body({ text, step, view });
  const zipped = toBase64url(deflateSync(squeeze(raw), { level: 9, mem: 12, dictionary: DICT }));
  // base64url of n bytes is ceil(4n/3) characters: the plain form is built only when it is shorter
  // (building it to compare took longer than the compression for a mebibyte)
  const [mode, data] = zipped.length <= Math.ceil((raw.length * 4) / 3) ? ['z', zipped] : ['p', toBase64url(raw)];
  return `#v${LINK_VERSION}.${mode}${data}.${crcText(raw)}`;
}

/** Room for the text and its META line; a body that fills it is too large. */
const MAX_BODY = MAX_TEXT_BYTES + 4096;
const TOO_LARGE = 'the scenario in this link is larger than 1 MiB, the limit';

/** compressed input is fed in pieces this big, so the output is checked every few hundred KB */
const INFLATE_PIECE = 256;

/**
 * The squeezed body, inflated piece by piece and stopped once it passes MAX_BODY (a link of a
 * few KB can expand to gigabytes): what it returns is at most a piece's worth over the limit.
 * null when the data is not valid deflate.
 */
function inflate(bytes: Uint8Array): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let size = 0;
  const inflater = new Inflate({ dictionary: DICT }, (chunk) => {
    chunks.push(chunk);
    size += chunk.length;
  });
  try {
    for (let at = 0; at < bytes.length && size <= MAX_BODY; at += INFLATE_PIECE) {
      const end = Math.min(bytes.length, at + INFLATE_PIECE);
      inflater.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    return null;
  }
  const squeezed = new Uint8Array(size);
  let o = 0;
  for (const chunk of chunks) {
    squeezed.set(chunk, o);
    o += chunk.length;
  }
  return unsqueeze(squeezed, MAX_BODY);
}

const isLabel = (v: unknown): v is string | null => v === null || (typeof v === 'string' && v.length <= 256);

function readMeta(meta: string): Pick<LinkData, 'step' | 'view'> | null {
  if (meta === '') return { step: null, view: NO_VIEW };
  let parsed: unknown;
  try {
    parsed = JSON.parse(meta);
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4) return null;
  const [step, task, viewAs, ns] = parsed as unknown[];
  const stepOk = step === null || (Number.isSafeInteger(step) && (step as number) >= 0);
  if (!stepOk || !isLabel(task) || !isLabel(viewAs) || !isLabel(ns)) return null;
  return { step: step as number | null, view: { task, viewAs, ns } };
}

function decodeV1(rest: string): DecodeResult {
  const dot = rest.lastIndexOf('.');
  const mode = rest[0];
  // base64url carries 6 bits a character: a plain body this long is too large before decoding
  if (mode === 'p' && dot * 0.75 > MAX_BODY + 3) return { ok: false, error: TOO_LARGE };
  const bytes = dot < 1 ? null : fromBase64url(rest.slice(1, dot));
  if (bytes === null || (mode !== 'z' && mode !== 'p')) return { ok: false, error: DAMAGED };
  const raw = mode === 'z' ? inflate(bytes) : bytes;
  if (raw !== null && raw.length > MAX_BODY) return { ok: false, error: TOO_LARGE };
  if (raw === null || crcText(raw) !== rest.slice(dot + 1)) return { ok: false, error: DAMAGED };
  const decoded = strFromU8(raw);
  const newline = decoded.indexOf('\n');
  const meta = newline < 0 ? null : readMeta(decoded.slice(0, newline));
  if (meta === null) return { ok: false, error: DAMAGED };
  return { ok: true, data: { text: decoded.slice(newline + 1), ...meta } };
}

/** Reads a fragment (with or without its `#`). Never throws. */
export function decodeFragment(fragment: string): DecodeResult {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (f === '') return { ok: false, error: 'the link carries no scenario' };
  const m = /^v(\d{1,6})\./.exec(f);
  if (m === null) return { ok: false, error: `this is not a pidns-lab scenario link (its part after # should start with v${LINK_VERSION}.)` };
  const version = Number(m[1]);
  if (version > LINK_VERSION) {
    return { ok: false, error: `link format v${version} is newer than this page understands (v${LINK_VERSION}); open it with a newer pidns-lab` };
  }
  if (version !== LINK_VERSION) return { ok: false, error: `link format v${version} does not exist; the link is damaged` };
  return decodeV1(f.slice(m[0].length));
}
