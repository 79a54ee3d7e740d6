import {
  MAX_SECTION_LABEL_CHARS,
  MAX_SECTION_PROMPT_CHARS,
  MAX_SECTIONS,
  SECTION_PRESET_IDS,
  SECTION_PRESETS,
  type SectionPresetId,
  type WorkshopState,
} from '@warsztat/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/rounds.css';
import { currentLocale } from '../../i18n';
import { hasOwnSections } from '../rounds/roundState';
import { type DraftSection, draftOf, emptySection, toCommandSections } from '../rounds/sectionDraft';
import type { Run } from './useCommand';

/** The select's value for the workshop's default (group ids are base64url, so no clash). */
const DEFAULT_TARGET = '~default';

/**
 * Prepare view (issue #17): the sections of every board, for the whole workshop or one group.
 * A preset or an edit changes only the draft; "Zapisz sekcje" sends it, so a half-made layout never
 * reaches the boards in the room. Ids of kept sections stay, so their cards stay in place.
 */
export function SectionsPanel({ workshop, run }: { workshop: WorkshopState; run: Run }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [target, setTarget] = useState(DEFAULT_TARGET);
  const group = workshop.groups.find((g) => g.id === target);
  const stored = group ? group.sections : workshop.sections;
  const storedKey = JSON.stringify(stored);
  const [draft, setDraft] = useState<DraftSection[]>(() => draftOf(stored, workshop.locale));
  const [status, setStatus] = useState('');
  // Another target, or a change saved elsewhere, replaces the draft.
  // biome-ignore lint/correctness/useExhaustiveDependencies: storedKey stands for `stored`
  useEffect(() => {
    setDraft(draftOf(stored, workshop.locale));
  }, [storedKey, target, workshop.locale]);

  const valid = draft.length >= 1 && draft.every((s) => s.label.trim() !== '');
  const edit = (index: number, patch: Partial<DraftSection>) =>
    setDraft((d) => d.map((s, i) => (i === index ? { ...s, ...patch } : s)));
  const loadPreset = (presetId: SectionPresetId) => {
    const preset = SECTION_PRESETS[presetId];
    setDraft(draftOf(preset.sections, workshop.locale));
    setStatus(t('sections.presetLoaded', { name: preset.label[locale] }));
  };
  const save = async () => {
    if (!valid) return;
    const ok = await run({
      type: 'sections',
      groupId: group ? group.id : null,
      sections: toCommandSections(draft, workshop.locale),
    });
    if (ok) setStatus(t('sections.saved'));
  };

  return (
    <section className="card-panel sections-panel" aria-labelledby={`${id}-heading`} data-testid="sections-panel">
      <h2 id={`${id}-heading`}>{t('sections.heading')}</h2>
      <p className="muted small">{t('sections.hint')}</p>
      <div className="field">
        <label htmlFor={`${id}-target`}>{t('sections.target')}</label>
        <select
          id={`${id}-target`}
          data-testid="sections-target"
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setStatus('');
          }}
        >
          <option value={DEFAULT_TARGET}>{t('sections.targetDefault')}</option>
          {workshop.groups.map((g) => (
            <option key={g.id} value={g.id}>
              {t('sections.targetGroup', { name: g.name })}
              {hasOwnSections(workshop, g) ? ` (${t('sections.ownSections')})` : ''}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="sections-presets">
        <legend>{t('sections.presets')}</legend>
        <div className="control-row">
          {SECTION_PRESET_IDS.map((presetId) => (
            <button
              key={presetId}
              type="button"
              className="button button--small"
              data-testid={`sections-preset-${presetId}`}
              onClick={() => loadPreset(presetId)}
            >
              {SECTION_PRESETS[presetId].label[locale]}
            </button>
          ))}
        </div>
      </fieldset>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <ol className="sections-draft" data-testid="sections-draft">
          {draft.map((s, index) => (
            <SectionRow
              key={s.key}
              section={s}
              n={index + 1}
              canRemove={draft.length > 1}
              onChange={(patch) => edit(index, patch)}
              onRemove={() => setDraft((d) => d.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
        <p className="muted small" id={`${id}-limit`}>
          {t('sections.limit', {
            max: MAX_SECTIONS,
            label: MAX_SECTION_LABEL_CHARS,
            prompt: MAX_SECTION_PROMPT_CHARS,
          })}
        </p>
        {!valid && (
          <p className="field-error" role="alert" data-testid="sections-invalid">
            {t('sections.emptyLabel')}
          </p>
        )}
        <div className="control-row">
          <button
            type="button"
            className="button button--small"
            data-testid="sections-add"
            disabled={draft.length >= MAX_SECTIONS}
            aria-describedby={`${id}-limit`}
            onClick={() => setDraft((d) => [...d, emptySection(d)])}
          >
            {t('sections.add')}
          </button>
          <button type="submit" className="button button--small button--primary" data-testid="sections-save">
            {t('sections.save')}
          </button>
          {group && hasOwnSections(workshop, group) && (
            <button
              type="button"
              className="button button--small"
              data-testid="sections-use-default"
              onClick={() => void run({ type: 'sections', groupId: group.id, sections: null })}
            >
              {t('sections.useDefault')}
            </button>
          )}
          <button
            type="button"
            className="button button--small button--ghost"
            onClick={() => {
              setDraft(draftOf(stored, workshop.locale));
              setStatus('');
            }}
          >
            {t('sections.reset')}
          </button>
        </div>
        <output className="muted small" aria-live="polite" data-testid="sections-status">
          {status}
        </output>
      </form>
    </section>
  );
}

function SectionRow({
  section,
  n,
  canRemove,
  onChange,
  onRemove,
}: {
  section: DraftSection;
  n: number;
  canRemove: boolean;
  onChange: (patch: Partial<DraftSection>) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <li className="section-row" data-testid="section-row" data-section-id={section.id}>
      <label htmlFor={`${id}-label`}>{t('sections.label', { n })}</label>
      <input
        id={`${id}-label`}
        data-testid="section-label-input"
        maxLength={MAX_SECTION_LABEL_CHARS}
        required
        aria-invalid={section.label.trim() === ''}
        value={section.label}
        onChange={(e) => onChange({ label: e.target.value })}
      />
      <label htmlFor={`${id}-prompt`}>{t('sections.prompt', { n })}</label>
      <textarea
        id={`${id}-prompt`}
        data-testid="section-prompt-input"
        rows={2}
        maxLength={MAX_SECTION_PROMPT_CHARS}
        value={section.prompt}
        onChange={(e) => onChange({ prompt: e.target.value })}
      />
      {canRemove && (
        <button type="button" className="button button--small button--danger" onClick={onRemove}>
          {t('sections.remove', { n })}
        </button>
      )}
    </li>
  );
}
