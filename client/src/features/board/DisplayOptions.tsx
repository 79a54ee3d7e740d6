import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Text size steps in per cent of the browser's default; the choice is kept on this device. */
const SCALES = [100, 125, 150] as const;
const SCALE_KEY = 'warsztat:textScale';
const CONTRAST_KEY = 'warsztat:contrast';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode may refuse storage; the setting still applies for this visit.
  }
}

function storedScale(): number {
  const value = Number(stored(SCALE_KEY));
  return (SCALES as readonly number[]).includes(value) ? value : 100;
}

/**
 * Called once at start-up: the text size and contrast chosen on a board also hold on the join page
 * and the waiting room of this device, before any board is open.
 */
export function applyStoredDisplayOptions(): void {
  document.documentElement.dataset.textScale = String(storedScale());
  document.documentElement.classList.toggle('theme-contrast', stored(CONTRAST_KEY) === '1');
}

/** Larger text and a high-contrast theme, applied to the whole page through `<html>`. */
export function DisplayOptions() {
  const { t } = useTranslation();
  const [scale, setScale] = useState<number>(storedScale);
  const [contrast, setContrast] = useState(() => stored(CONTRAST_KEY) === '1');

  useEffect(() => {
    document.documentElement.dataset.textScale = String(scale);
    store(SCALE_KEY, String(scale));
  }, [scale]);
  useEffect(() => {
    document.documentElement.classList.toggle('theme-contrast', contrast);
    store(CONTRAST_KEY, contrast ? '1' : '0');
  }, [contrast]);

  const next = SCALES[(SCALES.indexOf(scale as (typeof SCALES)[number]) + 1) % SCALES.length] ?? 100;
  return (
    <div className="display-options">
      <button type="button" className="button button--small" data-testid="text-size" onClick={() => setScale(next)}>
        {t('board.textSize', { size: scale })}
      </button>
      <button
        type="button"
        className="button button--small"
        data-testid="contrast-toggle"
        aria-pressed={contrast}
        onClick={() => setContrast((c) => !c)}
      >
        {t('board.highContrast')}
      </button>
    </div>
  );
}
