import type { Me, WorkshopState } from '@warsztat/shared';
import { PARTICIPANT_WRITE_PHASES } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConnectionStatus } from '../../app/ConnectionStatus';
import { ControlGate } from '../../app/ControlGate';
import { Page } from '../../app/Page';
import { PhaseBadge } from '../../app/PhaseBadge';
import { CurrentAgendaItem, RoomNotices } from '../../app/RoomNotices';
import { SoundToggle, Timer } from '../../app/Timer';
import { Board } from '../board/Board';
import { GroupChooser, ParticipantActions } from './ParticipantActions';
import { PlenaryVote, showsPlenary } from './PlenaryVote';
import { ReportConsent } from './ReportConsent';
import { WaitingRoom } from './WaitingRoom';

/** `/b/:token`: the participant's screen — waiting room until assigned, then the group's board. */
export function ParticipantPage() {
  const { token } = useParams();
  return (
    <ControlGate token={token}>
      {(workshop, me) => <ParticipantView workshop={workshop} me={me} token={token ?? ''} />}
    </ControlGate>
  );
}

function ParticipantView({ workshop, me, token }: { workshop: WorkshopState; me: Me; token: string }) {
  const { t } = useTranslation();
  const self = workshop.participants.find((p) => p.id === me.participantId);
  const group =
    workshop.groups.find((g) => g.id === self?.groupId) ??
    workshop.groups.find((g) => me.participantId !== null && g.memberIds.includes(me.participantId));
  const waiting = workshop.phase === 'lobby' || workshop.phase === 'draft' || !group;
  const locked = group?.board?.locked ?? false;
  const readOnly = !PARTICIPANT_WRITE_PHASES.includes(workshop.phase) || locked;

  return (
    <Page title={workshop.title} status={<ConnectionStatus />} wide={!waiting}>
      <header className="screen-header">
        <div>
          <h1 className="screen-title">{workshop.title}</h1>
          {group && !waiting && (
            <p className="group-name">
              <span className="muted">{t('participant.group')}: </span>
              <strong data-testid="group-name">{group.name}</strong>
            </p>
          )}
        </div>
        <div className="screen-meta">
          <PhaseBadge phase={workshop.phase} />
          <Timer timer={workshop.timer} />
          <SoundToggle />
        </div>
      </header>
      <CurrentAgendaItem workshop={workshop} />
      <RoomNotices workshop={workshop} />
      {workshop.selfSelect && workshop.phase !== 'closed' && <GroupChooser workshop={workshop} me={me} />}
      {waiting ? (
        <>
          <WaitingRoom workshop={workshop} me={me} />
          {/* Someone who joined late and has no group yet still votes with the room. */}
          {showsPlenary(workshop) && <PlenaryVote workshop={workshop} me={me} token={token} />}
        </>
      ) : (
        <>
          <ParticipantActions workshop={workshop} me={me} group={group} />
          {showsPlenary(workshop) && <PlenaryVote workshop={workshop} me={me} token={token} />}
          {workshop.phase === 'closed' && <output className="notice">{t('participant.closedNotice')}</output>}
          {readOnly && workshop.phase !== 'closed' && (
            <output className="notice">{t('participant.readOnlyNotice')}</output>
          )}
          <Board
            key={group.docName}
            docName={group.docName}
            token={token}
            sections={workshop.sections}
            readOnly={readOnly}
            authorId={me.participantId}
            title={group.name}
            settings={group.board}
            prompt={group.prompt}
            userName={me.name}
            canEditSummary={group.rapporteurId === null || group.rapporteurId === me.participantId}
          />
        </>
      )}
      <ReportConsent workshop={workshop} me={me} />
    </Page>
  );
}
