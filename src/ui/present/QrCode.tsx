/**
 * The QR code of the link of what is on screen, so students open the same step on their phones.
 * It is drawn as an SVG image (role img) once the encoder has loaded; a link too long to scan
 * well from a seat gets a note, and one too long for any code gets the reason instead.
 */
import { useEffect, useState } from 'react';
import { useCurrentLink } from '../share/useCurrentLink.ts';
import { qrOf, SCANS_WELL_UP_TO, type QrResult } from './qr.ts';

const QUIET = 4;

export function QrCode() {
  const link = useCurrentLink(null);
  const [made, setMade] = useState<{ link: string; result: QrResult } | null>(null);
  useEffect(() => {
    let current = true;
    void qrOf(link).then((result) => {
      if (current) setMade({ link, result });
    });
    return () => {
      current = false;
    };
  }, [link]);
  if (made === null) return <p className="qr-box">Drawing the QR code…</p>;
  const { result } = made;
  if (!result.ok) return <p className="qr-box qr-note">{result.reason}</p>;
  const side = result.picture.size + 2 * QUIET;
  return (
    <figure className="qr-box">
      <svg role="img" aria-label="QR code of this link" viewBox={`${-QUIET} ${-QUIET} ${side} ${side}`} shapeRendering="crispEdges">
        <rect x={-QUIET} y={-QUIET} width={side} height={side} fill="#fff" />
        <path d={result.picture.path} fill="#000" />
      </svg>
      <figcaption>
        Scan to open this step on your phone.
        {result.picture.size > SCANS_WELL_UP_TO ? (
          <span className="qr-note">
            {' '}This link is long ({made.link.length.toLocaleString('en')} characters), so the code is dense: scan it from
            close by, or share the link another way.
          </span>
        ) : null}
      </figcaption>
    </figure>
  );
}
