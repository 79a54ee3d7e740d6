import {
  type AgendaItem,
  REGROUP_MODES,
  type Regroup,
  SECTION_PRESET_IDS,
  SECTION_PRESETS,
  type SectionPresetId,
} from '@warsztat/shared';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLocale } from '../../i18n';
import { sameSections } from '../rounds/roundState';
import type { Run } from './useCommand';

const KEEP = 'keep';
/** Sections the item carries that match no preset (set through the API): kept as they are. */
const OWN = 'own';
type SectionsChoice = SectionPresetId | typeof KEEP | typeof OWN;

function choiceOf(item: AgendaItem): SectionsChoice {
  const sections = item.round?.sections;
  if (!sections) return KEEP;
  return SECTION_PRESET_IDS.find((p) => sameSections(SECTION_PRESETS[p].sections, sections)) ?? OWN;
}

/**
 * A breakout item's round (issue #17): its title, sections and regrouping, so starting the item
 * starts the round. Folded away, like the group editor: most items never need it.
 */
export function AgendaRoundPlan({ item, run }: { item: AgendaItem; run: Run }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const id = useId();
  const [title, setTitle] = useState(item.round?.title ?? '');
  const [sections, setSections] = useState<SectionsChoice>(choiceOf(item));
  const [regroup, setRegroup] = useState<Regroup>(item.round?.regroup ?? 'keep');
  const stored = JSON.stringify(item.round ?? null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `stored` stands for the item's round
  useEffect(() => {
    setTitle(item.round?.title ?? '');
    setSections(choiceOf(item));
    setRegroup(item.round?.regroup ?? 'keep');
  }, [stored]);
  const save = () => {
    if (!title.trim()) return;
    const chosen =
      sections === KEEP
        ? {}
        : sections === OWN
          ? { sections: item.round?.sections ?? [] }
          : { sections: SECTION_PRESETS[sections].sections };
    void run({ type: 'agenda', action: 'edit', itemId: item.id, round: { title: title.trim(), regroup, ...chosen } });
  };
  return (
    <details className="agenda-round" data-testid="agenda-round">
      <summary>{item.round ? t('rounds.agendaRoundIs', { title: item.round.title }) : t('rounds.agendaRound')}</summary>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <p className="muted small">{t('rounds.agendaHint')}</p>
        <label htmlFor={`${id}-title`}>{t('rounds.title')}</label>
        <input
          id={`${id}-title`}
          data-testid="agenda-round-title"
          maxLength={200}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <label htmlFor={`${id}-sections`}>{t('rounds.sections')}</label>
        <select
          id={`${id}-sections`}
          data-testid="agenda-round-sections"
          value={sections}
          onChange={(e) => setSections(e.target.value as SectionsChoice)}
        >
          <option value={KEEP}>{t('rounds.keepSections')}</option>
          {sections === OWN && <option value={OWN}>{t('sections.ownSections')}</option>}
          {SECTION_PRESET_IDS.map((p) => (
            <option key={p} value={p}>
              {SECTION_PRESETS[p].label[locale]}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-regroup`}>{t('rounds.regroup')}</label>
        <select
          id={`${id}-regroup`}
          data-testid="agenda-round-regroup"
          value={regroup}
          onChange={(e) => setRegroup(e.target.value as Regroup)}
        >
          {REGROUP_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`rounds.regroup_${mode}`)}
            </option>
          ))}
        </select>
        <div className="control-row">
          <button
            type="submit"
            className="button button--small"
            data-testid="agenda-round-save"
            disabled={!title.trim()}
          >
            {t('rounds.agendaSave')}
          </button>
          {item.round && (
            <button
              type="button"
              className="button button--small button--ghost"
              onClick={() => void run({ type: 'agenda', action: 'edit', itemId: item.id, round: null })}
            >
              {t('rounds.agendaRemove')}
            </button>
          )}
        </div>
      </form>
    </details>
  );
}
