import type { WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConnectionStatus } from '../../app/ConnectionStatus';
import { ControlGate } from '../../app/ControlGate';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Page } from '../../app/Page';
import { BoardSettingsPanel } from '../board/BoardSettingsPanel';
import { GroupColumns } from './GroupColumns';
import { LinksPanel } from './LinksPanel';
import { ParticipantsTable } from './ParticipantsTable';
import { PhaseControls } from './PhaseControls';
import { TimerControls } from './TimerControls';
import { useCommand } from './useCommand';

/** `/f/:token`: the facilitator's console. */
export function FacilitatorPage() {
  const { token } = useParams();
  return <ControlGate token={token}>{(workshop) => <Console workshop={workshop} token={token ?? ''} />}</ControlGate>;
}

function Console({ workshop, token }: { workshop: WorkshopState; token: string }) {
  const { t } = useTranslation();
  const { run, error } = useCommand();
  return (
    <Page title={workshop.title} status={<ConnectionStatus />} wide>
      <header className="screen-header">
        <div>
          <p className="eyebrow">{t('facilitator.heading')}</p>
          <h1 className="screen-title">{workshop.title}</h1>
        </div>
      </header>
      <ErrorAlert code={error} testId="command-error" />
      <div className="console-grid">
        <div className="console-main">
          <PhaseControls workshop={workshop} run={run} />
          <TimerControls workshop={workshop} run={run} />
        </div>
        <LinksPanel workshop={workshop} />
      </div>
      <ParticipantsTable workshop={workshop} run={run} />
      <GroupColumns workshop={workshop} token={token} run={run} />
      <BoardSettingsPanel workshop={workshop} run={run} />
    </Page>
  );
}
