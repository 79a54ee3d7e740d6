import type { Me, WorkshopState } from '@warsztat/shared';
import { PARTICIPANT_WRITE_PHASES } from '@warsztat/shared';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ConnectionStatus } from '../../app/ConnectionStatus';
import { ControlGate } from '../../app/ControlGate';
import { Page } from '../../app/Page';
import { CurrentAgendaItem } from '../../app/RoomNotices';
import { SoundToggle } from '../../app/Timer';
import { Board } from '../board/Board';
import { knownSectionsOf } from '../rounds/roundState';
import { BoardViews } from './BoardViews';
import { CallLinkButton } from './CallLinkButton';
import { MyData } from './MyData';
import { GroupChooser, HelpButton, RapporteurControl } from './ParticipantActions';
import { PlenaryVote, showsPlenary } from './PlenaryVote';
import { RapporteurPages } from './RapporteurPages';
import { ReportConsent } from './ReportConsent';
import { RoomAlert } from './RoomAlert';
import { RoomBar } from './RoomBar';
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
      <div className="participant-screen">
        <header className="participant-header">
          <h1 className="screen-title participant-title">{workshop.title}</h1>
        </header>
        {/* Group, phase, timer, recall and the newest message stay in view while scrolling (point 5). */}
        <RoomBar workshop={workshop} groupName={group && !waiting ? group.name : null} />
        <RoomAlert workshop={workshop} />
        <CurrentAgendaItem workshop={workshop} />
        {workshop.selfSelect && workshop.phase !== 'closed' && <GroupChooser workshop={workshop} me={me} />}
        {waiting ? (
          <BoardViews workshop={workshop} group={null} token={token}>
            <WaitingRoom workshop={workshop} me={me} />
            <SoundToggle />
            {/* Someone who joined late and has no group yet still votes with the room. */}
            {showsPlenary(workshop) && <PlenaryVote workshop={workshop} me={me} token={token} />}
          </BoardViews>
        ) : (
          <>
            <HelpButton workshop={workshop} />
            <CallLinkButton group={group} />
            <RapporteurPages workshop={workshop} me={me} group={group} />
            {showsPlenary(workshop) && <PlenaryVote workshop={workshop} me={me} token={token} />}
            {workshop.phase === 'closed' && <output className="notice">{t('participant.closedNotice')}</output>}
            {readOnly && workshop.phase !== 'closed' && (
              <output className="notice">{t('participant.readOnlyNotice')}</output>
            )}
            <BoardViews workshop={workshop} group={group} token={token}>
              <Board
                key={group.docName}
                docName={group.docName}
                token={token}
                sections={group.sections}
                formerSections={knownSectionsOf(workshop)}
                readOnly={readOnly}
                authorId={me.participantId}
                title={group.name}
                settings={group.board}
                prompt={group.prompt}
                userName={me.name}
                canEditSummary={group.rapporteurId === null || group.rapporteurId === me.participantId}
                summaryWriters={summaryWriters(group.rapporteurId, me.participantId, workshop, t)}
                menuExtra={
                  <>
                    <RapporteurControl workshop={workshop} me={me} group={group} />
                    <SoundToggle />
                  </>
                }
              />
            </BoardViews>
          </>
        )}
        <ReportConsent workshop={workshop} me={me} />
        <MyData workshop={workshop} token={token} />
      </div>
    </Page>
  );
}

/** Who may write the group's summary, said next to it: everyone until a rapporteur is chosen. */
function summaryWriters(
  rapporteurId: string | null,
  self: string | null,
  workshop: WorkshopState,
  t: ReturnType<typeof useTranslation>['t'],
): string {
  if (rapporteurId === null) return t('board.summaryAnyone');
  if (rapporteurId === self) return t('board.summaryYou');
  const name = workshop.participants.find((p) => p.id === rapporteurId)?.name ?? t('app.none');
  return t('board.summaryRapporteur', { name });
}
