/**
 * Zoom and pan for the namespace tree: a plain factory over d3-zoom, created in an effect and
 * destroyed on cleanup. It moves the content group directly (no React render per wheel event).
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom';

export interface TreeZoom {
  /** scale and move so a `width` × `height` drawing fits the view (never unreadable; never above
   * 1:1, or the CSS property `--fit-up-to` of the svg: a presentation draws the tree large) */
  fit(width: number, height: number): void;
  zoomBy(factor: number): void;
  destroy(): void;
}

const MARGIN = 16;
const MIN_READABLE = 0.6;

export function createTreeZoom(svg: SVGSVGElement, content: SVGGElement): TreeZoom {
  const behavior: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.1, 4])
    .on('zoom', (event: { transform: { toString(): string } }) => {
      content.setAttribute('transform', event.transform.toString());
    });
  const selection = select(svg);
  selection.call(behavior);
  return {
    fit(width, height) {
      const box = svg.getBoundingClientRect();
      if (box.width === 0 || width === 0) return;
      const upTo = Number(getComputedStyle(svg).getPropertyValue('--fit-up-to')) || 1;
      const k = Math.min(upTo, (box.width - 2 * MARGIN) / width, (box.height - 2 * MARGIN) / Math.max(height, 1));
      // Below MIN_READABLE the boxes cannot be read: show the top-left part and let the visitor pan.
      selection.call(behavior.transform, zoomIdentity.translate(MARGIN, MARGIN).scale(Math.max(k, MIN_READABLE)));
    },
    zoomBy(factor) {
      selection.call(behavior.scaleBy, factor);
    },
    destroy() {
      selection.on('.zoom', null);
    },
  };
}
