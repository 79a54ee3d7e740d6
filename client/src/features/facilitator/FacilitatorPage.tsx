import type { Me, WorkshopState } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConnectionStatus } from '../../app/ConnectionStatus';
import { ControlGate } from '../../app/ControlGate';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Page } from '../../app/Page';
import { CurrentAgendaItem } from '../../app/RoomNotices';
import { BoardSettingsPanel } from '../board/BoardSettingsPanel';
import { AgendaPanel } from './AgendaPanel';
import { AssignmentControls } from './AssignmentControls';
import { GroupColumns } from './GroupColumns';
import { HelpRequests } from './HelpRequests';
import { LinksPanel } from './LinksPanel';
import { ParticipantsTable } from './ParticipantsTable';
import { PhaseControls } from './PhaseControls';
import { PlenaryPanel } from './PlenaryPanel';
import { PrivacyPanel } from './PrivacyPanel';
import { ProjectorControls } from './ProjectorControls';
import { ReportDownload } from './ReportDownload';
import { ReportEditor } from './ReportEditor';
import { ReuseWorkshop } from './ReuseWorkshop';
import { RoomPanel } from './RoomPanel';
import { TimerControls } from './TimerControls';
import { useCommand } from './useCommand';

/** `/f/:token`: the facilitator's console. */
export function FacilitatorPage() {
  const { token } = useParams();
  return (
    <ControlGate token={token}>
      {(workshop, me) => <Console workshop={workshop} me={me} token={token ?? ''} />}
    </ControlGate>
  );
}

function Console({ workshop, me, token }: { workshop: WorkshopState; me: Me; token: string }) {
  const { t } = useTranslation();
  const { run, error } = useCommand();
  return (
    <Page title={workshop.title} status={<ConnectionStatus />} wide>
      <header className="screen-header">
        <div>
          <p className="eyebrow">{t('facilitator.heading')}</p>
          <h1 className="screen-title">{workshop.title}</h1>
          <CurrentAgendaItem workshop={workshop} />
        </div>
      </header>
      <ErrorAlert code={error} testId="command-error" />
      <HelpRequests workshop={workshop} run={run} />
      <div className="console-grid">
        <div className="console-main">
          <PhaseControls workshop={workshop} run={run} canClose={me.role === 'facilitator'} />
          <TimerControls workshop={workshop} run={run} />
          <ProjectorControls workshop={workshop} run={run} />
          <RoomPanel workshop={workshop} run={run} />
        </div>
        <div className="console-side">
          <LinksPanel workshop={workshop} />
          <AgendaPanel workshop={workshop} run={run} />
          <ReportDownload workshopId={workshop.id} token={token} />
          <PrivacyPanel workshop={workshop} run={run} token={token} canDelete={me.role === 'facilitator'} />
        </div>
      </div>
      <ParticipantsTable workshop={workshop} run={run}>
        <AssignmentControls workshop={workshop} run={run} />
      </ParticipantsTable>
      <GroupColumns workshop={workshop} token={token} run={run} />
      <PlenaryPanel workshop={workshop} token={token} run={run} />
      <BoardSettingsPanel workshop={workshop} run={run} />
      <ReportEditor workshop={workshop} token={token} />
      <ReuseWorkshop workshop={workshop} token={token} />
    </Page>
  );
}
