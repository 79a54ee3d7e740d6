import * as Dialog from '@radix-ui/react-dialog';
import {
  REGROUP_MODES,
  type Regroup,
  SECTION_PRESET_IDS,
  SECTION_PRESETS,
  type SectionPresetId,
  type WorkshopState,
} from '@warsztat/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/rounds.css';
import type { FailureCode } from '../../api/http';
import { ErrorAlert } from '../../app/ErrorAlert';
import { currentLocale } from '../../i18n';
import { sendCommand } from '../../stores/controlSocket';
import { sectionList } from '../rounds/roundState';

/** The sections choice that keeps the current round's. */
const KEEP = 'keep';

/**
 * "Nowa runda" (issue #17): title, sections and how to regroup, then a confirmation that says what
 * will happen, because every group gets a fresh board and the room's current boards turn read-only.
 */
export function NewRoundDialog({ workshop }: { workshop: WorkshopState }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [step, setStep] = useState<'form' | 'confirm'>('form');
  const [title, setTitle] = useState('');
  const [preset, setPreset] = useState<SectionPresetId | typeof KEEP>(KEEP);
  const [regroup, setRegroup] = useState<Regroup>('keep');
  const [missingTitle, setMissingTitle] = useState(false);
  // Said inside the dialog: the console's own error line is behind the overlay.
  const [error, setError] = useState<FailureCode | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (step === 'confirm') confirmButton.current?.focus();
  }, [step]);
  const reset = () => {
    setStep('form');
    setTitle('');
    setPreset(KEEP);
    setRegroup('keep');
    setMissingTitle(false);
    setError(null);
  };
  const sections = preset === KEEP ? workshop.sections : SECTION_PRESETS[preset].sections;
  const start = async () => {
    const result = await sendCommand({
      type: 'round',
      action: 'new',
      title: title.trim(),
      regroup,
      ...(preset === KEEP ? {} : { sections: SECTION_PRESETS[preset].sections }),
    });
    if (result.ok) {
      setOpen(false);
      reset();
    } else {
      setError(result.error.code);
      setStep('form');
    }
  };

  return (
    <Dialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (!next) reset();
      }}
    >
      <Dialog.Trigger className="button button--small" data-testid="round-new">
        {t('rounds.newRound')}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="sheet-overlay" />
        <Dialog.Content className="round-dialog" data-testid="round-dialog" aria-describedby={`${id}-hint`}>
          <Dialog.Title>{t('rounds.dialogTitle')}</Dialog.Title>
          <p className="muted small" id={`${id}-hint`}>
            {t('rounds.dialogHint')}
          </p>
          <ErrorAlert code={error} testId="round-error" />
          {step === 'form' ? (
            <form
              className="stack"
              noValidate
              onSubmit={(e) => {
                e.preventDefault();
                if (!title.trim()) return setMissingTitle(true);
                setStep('confirm');
              }}
            >
              <label htmlFor={`${id}-title`}>{t('rounds.title')}</label>
              <input
                id={`${id}-title`}
                data-testid="round-title"
                maxLength={200}
                required
                placeholder={t('rounds.titlePlaceholder')}
                aria-invalid={missingTitle}
                aria-describedby={missingTitle ? `${id}-title-error` : undefined}
                value={title}
                onChange={(e) => {
                  setTitle(e.target.value);
                  setMissingTitle(false);
                }}
              />
              {missingTitle && (
                <p className="field-error" id={`${id}-title-error`} role="alert">
                  {t('rounds.titleRequired')}
                </p>
              )}
              <label htmlFor={`${id}-sections`}>{t('rounds.sections')}</label>
              <select
                id={`${id}-sections`}
                data-testid="round-sections"
                value={preset}
                onChange={(e) => setPreset(e.target.value as SectionPresetId | typeof KEEP)}
              >
                <option value={KEEP}>{t('rounds.keepSections')}</option>
                {SECTION_PRESET_IDS.map((p) => (
                  <option key={p} value={p}>
                    {SECTION_PRESETS[p].label[locale]}
                  </option>
                ))}
              </select>
              <fieldset className="radio-group">
                <legend>{t('rounds.regroup')}</legend>
                {REGROUP_MODES.map((mode) => (
                  <label key={mode} className="radio">
                    <input
                      type="radio"
                      name={`${id}-regroup`}
                      value={mode}
                      data-testid={`round-regroup-${mode}`}
                      checked={regroup === mode}
                      onChange={() => setRegroup(mode)}
                    />
                    <span>
                      {t(`rounds.regroup_${mode}`)}
                      <span className="muted small"> — {t(`rounds.regroupHint_${mode}`)}</span>
                    </span>
                  </label>
                ))}
              </fieldset>
              <div className="control-row">
                <button type="submit" className="button button--primary" data-testid="round-next">
                  {t('rounds.next')}
                </button>
                <Dialog.Close className="button button--ghost">{t('rounds.cancel')}</Dialog.Close>
              </div>
            </form>
          ) : (
            <div className="stack" data-testid="round-confirm">
              <h3>{t('rounds.confirmHeading', { title: title.trim() })}</h3>
              <p>{t('rounds.confirmSections', { list: sectionList(sections, locale) })}</p>
              <p>{t('rounds.confirmRegroup', { regroup: t(`rounds.regroup_${regroup}`) })}</p>
              <div className="control-row">
                <button
                  ref={confirmButton}
                  type="button"
                  className="button button--primary"
                  data-testid="round-confirm-start"
                  onClick={() => void start()}
                >
                  {t('rounds.confirm')}
                </button>
                <button type="button" className="button" onClick={() => setStep('form')}>
                  {t('rounds.back')}
                </button>
              </div>
            </div>
          )}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
