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
  /** Frozen, and a change to the content arrived and is not shown: `data-held` (see useDocSnapshot). */
  held?: boolean | undefined;
  /**
   * A page chosen by the person presenting (issue #20 point 3): no timer then; the page shown is
   * this one modulo the page count. Without it pages turn by themselves every PAGE_MS.
   */
  page?: number | undefined;
}

/**
 * Fits content into the space left on a 1920×1080 wall without scrolling: the content flows in
 * newspaper columns of fixed height, and the font shrinks (binary search) until nothing flows
 * past the last column. At the 32 px floor anything still left over flows into further columns
 * to the right, shown a screen at a time as pages that turn by themselves (and stop while frozen).
 */
export function AutoFit({ children, columns, maxFontPx, frozen, contentKey, testId, held, page: chosen }: Props) {
  const { t } = useTranslation();
  const outer = useRef<HTMLDivElement>(null);
  const inner = useRef<HTMLDivElement>(null);
  const [fontPx, setFontPx] = useState(maxFontPx);
  const [pages, setPages] = useState(1);
  const [timedPage, setPage] = useState(0);
  const page = chosen === undefined ? timedPage : chosen % pages;

  const pageLine = useRef<HTMLParagraphElement>(null);

  const fit = useCallback(() => {
    const box = inner.current;
    if (!box) return;
    const overflows = () => box.scrollWidth > box.clientWidth + 2;
    /** Largest whole-pixel size that fits the viewport as it is now (or the floor). */
    const largest = () => {
      let lo = MIN_FONT_PX;
      let hi = Math.max(MIN_FONT_PX, maxFontPx);
      box.style.fontSize = `${hi}px`;
      if (!overflows()) return hi;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        box.style.fontSize = `${mid}px`;
        if (overflows()) hi = mid - 1;
        else lo = mid;
      }
      box.style.fontSize = `${lo}px`;
      return lo;
    };
    const pageCount = () => {
      const gap = Number.parseFloat(getComputedStyle(box).columnGap) || 0;
      const pageWidth = box.clientWidth + gap;
      return Math.max(1, Math.ceil((box.scrollWidth + gap - 2) / pageWidth));
    };
    // Measured without the "Strona 1 z 2" line first: the line takes height, and measuring with it
    // shown would keep content on two pages that fits one (issue #20 point 3).
    const line = pageLine.current;
    if (line) line.hidden = true;
    let size = largest();
    let count = pageCount();
    if (count > 1 && line) {
      line.hidden = false;
      size = largest();
      count = pageCount();
    }
    setFontPx(size);
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
    if (frozen || pages < 2 || chosen !== undefined) return;
    const id = window.setInterval(() => setPage((p) => (p + 1) % pages), PAGE_MS);
    return () => window.clearInterval(id);
  }, [frozen, pages, chosen]);

  return (
    <div
      className="autofit"
      data-testid={testId}
      data-font-px={fontPx}
      data-pages={pages}
      data-page={page + 1}
      data-held={held}
    >
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
      {/* Always in the page so fit() can measure with and without it; hidden on a single page. */}
      <p className="autofit-page" data-testid="autofit-page" ref={pageLine} hidden={pages < 2}>
        {t('projector.page', { page: page + 1, pages })}
      </p>
    </div>
  );
}
