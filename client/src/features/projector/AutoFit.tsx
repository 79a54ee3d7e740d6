import { type ReactNode, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Body text on the wall never goes below this (issue #7: 32 px at 1080p). */
export const MIN_FONT_PX = 32;
/** How long each page stays up when content needs more than one screen. */
export const PAGE_MS = 15_000;

interface Props {
  children: ReactNode;
  /** Newspaper columns per screen. */
  columns: number;
  /** The largest type tried first. */
  maxFontPx: number;
  /** Stops page turning (WCAG 2.2.2) — content is frozen by the caller. */
  frozen: boolean;
  /** Anything that changes the content's size (re-fits when it changes). */
  contentKey: string;
  testId?: string;
}

/**
 * Fits content into the space left on a 1920×1080 wall without scrolling: the content flows in
 * newspaper columns of fixed height, and the font shrinks (binary search) until nothing flows
 * past the last column. At the 32 px floor anything still left over flows into further columns
 * to the right, shown a screen at a time as pages that turn by themselves (and stop while frozen).
 */
export function AutoFit({ children, columns, maxFontPx, frozen, contentKey, testId }: Props) {
  const { t } = useTranslation();
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [fontPx, setFontPx] = useState(maxFontPx);
  const [pages, setPages] = useState(1);
  const [page, setPage] = useState(0);

  const fit = useCallback(() => {
    const box = inner.current;
    if (!box) return;
    const overflows = () => box.scrollWidth > box.clientWidth + 2;
    let lo = MIN_FONT_PX;
    let hi = Math.max(MIN_FONT_PX, maxFontPx);
    box.style.fontSize = `${hi}px`;
    if (overflows()) {
      // Largest size that fits, in whole pixels.
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        box.style.fontSize = `${mid}px`;
        if (overflows()) hi = mid - 1;
        else lo = mid;
      }
      box.style.fontSize = `${lo}px`;
    } else {
      lo = hi;
    }
    const gap = Number.parseFloat(getComputedStyle(box).columnGap) || 0;
    const pageWidth = box.clientWidth + gap;
    const count = Math.max(1, Math.ceil((box.scrollWidth + gap - 2) / pageWidth));
    setFontPx(lo);
    setPages(count);
    setPage((p) => (p < count ? p : 0));
  }, [maxFontPx]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: contentKey and columns change the content's size
  useLayoutEffect(() => {
    fit();
  }, [fit, contentKey, columns]);

  useEffect(() => {
    const box = outer.current;
    const flow = inner.current;
    if (!box || !flow) return;
    // Re-fit at most once a frame: on a resize, and whenever the content changes underneath —
    // children read their docs on their own (a group's cards arrive after the first layout).
    let frame: number | null = null;
    const schedule = () => {
      if (frame === null) {
        frame = requestAnimationFrame(() => {
          frame = null;
          fit();
        });
      }
    };
    const resized = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(schedule);
    resized?.observe(box);
    const changed = new MutationObserver(schedule);
    changed.observe(flow, { childList: true, subtree: true, characterData: true });
    // Web fonts or late images change sizes after the first layout.
    void document.fonts?.ready.then(schedule);
    return () => {
      resized?.disconnect();
      changed.disconnect();
      if (frame !== null) cancelAnimationFrame(frame);
    };
  }, [fit]);

  useEffect(() => {
    if (frozen || pages < 2) return;
    const id = window.setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => window.clearInterval(id);
  }, [frozen, pages]);

  return (
    <div className="autofit" data-testid={testId} data-font-px={fontPx} data-pages={pages} data-page={page + 1}>
      <div className="autofit-viewport" ref={outer}>
        <div
          className="autofit-flow"
          ref={inner}
          style={{
            fontSize: `${fontPx}px`,
            columnCount: columns,
            transform: page > 0 ? `translateX(calc(-${page} * (100% + var(--autofit-gap))))` : undefined,
          }}
        >
          {children}
        </div>
      </div>
      {pages > 1 && (
        <p className="autofit-page" data-testid="autofit-page">
          {t('projector.page', { page: page + 1, pages })}
        </p>
      )}
    </div>
  );
}
