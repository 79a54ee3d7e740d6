import * as Dialog from '@radix-ui/react-dialog';
import { useState } from 'react';
import { useHotkeys } from 'react-hotkeys-hook';
import { useTranslation } from 'react-i18next';
import { CONSOLE_VIEWS } from './consoleView';
import { RUN_SHORTCUTS } from './useRunShortcuts';

/** `?` lists the console's keys; a button opens the same list for those who do not guess it. */
export function ShortcutsHelp() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  useHotkeys('shift+slash', () => setOpen(true), { preventDefault: true, useKey: false });
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger className="button button--small button--ghost" data-testid="shortcuts-open">
        {t('console.shortcuts')}{' '}
        <span className="console-tab-key" aria-hidden="true">
          ?
        </span>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="sheet-overlay" />
        <Dialog.Content className="shortcuts-dialog" data-testid="shortcuts-dialog" aria-describedby={undefined}>
          <Dialog.Title>{t('console.shortcuts')}</Dialog.Title>
          <p className="muted small">{t('console.shortcutsHint')}</p>
          <dl className="shortcuts-list">
            {CONSOLE_VIEWS.map((v, i) => (
              <div key={v}>
                <dt>
                  <kbd>{i + 1}</kbd>
                </dt>
                <dd>{t(`console.view_${v}`)}</dd>
              </div>
            ))}
            {RUN_SHORTCUTS.map(([key, what]) => (
              <div key={key}>
                <dt>
                  <kbd>{key}</kbd>
                </dt>
                <dd>{t(`console.key_${what}`)}</dd>
              </div>
            ))}
          </dl>
          <Dialog.Close className="button">{t('console.close')}</Dialog.Close>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
