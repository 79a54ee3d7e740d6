import { addPlenaryItem, recommendationsSectionId, sortPlenaryByVotes, type WorkshopState } from '@warsztat/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBoardDoc } from '../../sync/useBoardDoc';
import { AddPlenaryItem } from './plenary/AddPlenaryItem';
import { GroupRecommendations } from './plenary/GroupRecommendations';
import { PlenaryItems } from './plenary/PlenaryItems';
import { usePlenaryItems } from './plenary/usePlenaryItems';
import { VotingControls } from './plenary/VotingControls';
import type { Run } from './useCommand';
import '../../styles/plenary.css';

interface Props {
  workshop: WorkshopState;
  token: string;
  run: Run;
}

/**
 * Plenary consolidation: the facilitator pulls recommendation cards from the group boards into the
 * plenary doc (source group and text kept, text editable), orders them by hand or by the room's
 * votes, and runs the vote (open, budget, reveal, clear). The order here is the report's order.
 */
export function PlenaryPanel(props: Props) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  // Before the groups have worked there is nothing to consolidate: the panel holds no sockets
  // (each one counts against the workshop's connection cap) until asked or until the work starts.
  const early = props.workshop.phase === 'draft' || props.workshop.phase === 'lobby';
  if (early && !shown) {
    return (
      <section className="card-panel plenary-panel" aria-labelledby="plenary-heading" data-testid="plenary-panel">
        <div className="panel-header">
          <h2 id="plenary-heading">{t('plenary.heading')}</h2>
        </div>
        <p className="muted small">{t('plenary.hint')}</p>
        <button type="button" className="button" data-testid="plenary-show" onClick={() => setShown(true)}>
          {t('plenary.show')}
        </button>
      </section>
    );
  }
  return <PlenaryContent {...props} />;
}

/** The panel once shown: it holds the plenary doc's socket and one read socket per group board. */
function PlenaryContent({ workshop, token, run }: Props) {
  const { t } = useTranslation();
  const plenary = useBoardDoc(workshop.plenary.docName, token);
  const { doc } = plenary;
  const items = usePlenaryItems(doc);
  const totals = workshop.plenary.totals ?? {};
  const pulled = new Set(items.map((i) => i.sourceCardId).filter((id): id is string => id !== null));
  const sectionId = recommendationsSectionId(workshop.sections);

  return (
    <section className="card-panel plenary-panel" aria-labelledby="plenary-heading" data-testid="plenary-panel">
      <div className="panel-header">
        <h2 id="plenary-heading">{t('plenary.heading')}</h2>
        <span className="muted small" data-testid="plenary-sync">
          {plenary.synced ? t('sync.live') : t('sync.connecting')}
        </span>
      </div>
      <p className="muted small">{t('plenary.hint')}</p>
      <div className="plenary-grid">
        <div>
          <h3>{t('plenary.fromGroups')}</h3>
          {workshop.groups.map((g) => (
            <GroupRecommendations
              key={g.id}
              group={g}
              token={token}
              sectionId={sectionId}
              pulled={pulled}
              onPull={(card) => addPlenaryItem(doc, { text: card.text, sourceGroupId: g.id, sourceCardId: card.id })}
            />
          ))}
        </div>
        <div>
          <h3 id="plenary-list-heading">{t('plenary.consolidated')}</h3>
          <VotingControls workshop={workshop} run={run} onSort={() => sortPlenaryByVotes(doc, totals)} />
          {items.length === 0 && <p className="muted">{t('plenary.empty')}</p>}
          <PlenaryItems doc={doc} items={items} groups={workshop.groups} totals={totals} run={run} />
          <AddPlenaryItem doc={doc} />
        </div>
      </div>
    </section>
  );
}
