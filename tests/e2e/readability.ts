import type { Page } from 'playwright-core';

/**
 * What the room can read, measured from the rendered page: every visible element with its own
 * text, its computed font size, and the contrast of its computed colour against the first opaque
 * background behind it (semi-transparent layers blended), by the WCAG 2.x formula.
 */
export interface TextSample {
  text: string;
  fontPx: number;
  contrast: number;
  color: string;
  background: string;
}

export function readableText(page: Page, root = '[data-testid="projector"]'): Promise<TextSample[]> {
  return page.evaluate((selector) => {
    type Rgba = [number, number, number, number];
    const parse = (value: string): Rgba => {
      const m = value.match(/rgba?\(([^)]+)\)/);
      if (!m?.[1]) return [0, 0, 0, 0];
      const parts = m[1]
        .split(/[\s,/]+/)
        .filter(Boolean)
        .map(Number);
      return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
    };
    const over = (top: Rgba, bottom: Rgba): Rgba => {
      const a = top[3];
      return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
    };
    const luminance = ([r, g, b]: Rgba) => {
      const lin = (c: number) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    const backgroundOf = (el: Element): Rgba => {
      const layers: Rgba[] = [];
      for (let node: Element | null = el; node; node = node.parentElement) {
        const bg = parse(getComputedStyle(node).backgroundColor);
        if (bg[3] > 0) layers.push(bg);
        if (bg[3] >= 1) break;
      }
      let colour: Rgba = [255, 255, 255, 1];
      for (const layer of layers.reverse()) colour = over(layer, colour);
      return colour;
    };
    // Hidden from sight: display/visibility, or inside a 1px clip (visually-hidden text for screen readers).
    const seen = (el: Element, root: Element) => {
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) return false;
      for (let node: Element | null = el; node && node !== root.parentElement; node = node.parentElement) {
        const r = node.getBoundingClientRect();
        if (r.width <= 1 || r.height <= 1) return false;
      }
      return true;
    };
    const root = document.querySelector(selector);
    if (!root) return [];
    const out: TextSample[] = [];
    for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
      const own = Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .trim();
      if (!own || !seen(el, root)) continue;
      const style = getComputedStyle(el);
      const fg = parse(style.color);
      const bg = backgroundOf(el);
      const text = over(fg, bg);
      const [hi, lo] = [luminance(text), luminance(bg)].sort((a, b) => b - a) as [number, number];
      out.push({
        text: own.slice(0, 60),
        fontPx: Number.parseFloat(style.fontSize),
        contrast: Math.round(((hi + 0.05) / (lo + 0.05)) * 100) / 100,
        color: style.color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
      });
    }
    return out;
  }, root);
}

/** Boxes of every visible element with text or an image inside `root` that meet the rectangle. */
export function elementsIn(
  page: Page,
  rect: { x: number; y: number; width: number; height: number },
  root = '[data-testid="projector"]',
): Promise<string[]> {
  return page.evaluate(
    ({ rect, selector }) => {
      const root = document.querySelector(selector);
      if (!root) return [];
      const hits: string[] = [];
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.closest('[data-testid="safe-area"]')) continue;
        const hasText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
        if (!hasText && el.tagName !== 'IMG') continue;
        if (!el.checkVisibility({ visibilityProperty: true })) continue;
        // Clipped to nothing (visually hidden) does not count.
        let clipped = false;
        for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
          const r = node.getBoundingClientRect();
          if (r.width <= 1 || r.height <= 1) clipped = true;
        }
        if (clipped) continue;
        for (const box of Array.from(el.getClientRects())) {
          // What is actually painted: the box cut by every ancestor that clips its overflow (text
          // flowed onto a later page sits outside the page's clip) and by the screen.
          let [left, top, right, bottom] = [box.left, box.top, box.right, box.bottom];
          for (let node = el.parentElement; node; node = node.parentElement) {
            const o = getComputedStyle(node);
            if (o.overflowX === 'visible' && o.overflowY === 'visible') continue;
            const c = node.getBoundingClientRect();
            [left, top, right, bottom] = [
              Math.max(left, c.left),
              Math.max(top, c.top),
              Math.min(right, c.right),
              Math.min(bottom, c.bottom),
            ];
          }
          [left, top, right, bottom] = [
            Math.max(left, 0),
            Math.max(top, 0),
            Math.min(right, innerWidth),
            Math.min(bottom, innerHeight),
          ];
          if (right <= left || bottom <= top) continue;
          const meets = right > rect.x && left < rect.x + rect.width && bottom > rect.y && top < rect.y + rect.height;
          if (meets) hits.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 40)}"`);
        }
      }
      return hits;
    },
    { rect, selector: root },
  );
}
