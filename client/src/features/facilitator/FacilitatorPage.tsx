import type { Me, WorkshopState } from '@warsztat/shared';
import { type ReactNode, useEffect, useRef } from 'react';
import { useHotkeys } from 'react-hotkeys-hook';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import '../../styles/console.css';
import { ConnectionStatus } from '../../app/ConnectionStatus';
import { ControlGate } from '../../app/ControlGate';
import { ErrorAlert } from '../../app/ErrorAlert';
import { Page } from '../../app/Page';
import { PhaseBadge } from '../../app/PhaseBadge';
import { CurrentAgendaItem } from '../../app/RoomNotices';
import { useMyWorkshops } from '../../stores/myWorkshopsStore';
import { BoardSettingsPanel } from '../board/BoardSettingsPanel';
import { AgendaPanel } from './AgendaPanel';
import { AssignmentControls } from './AssignmentControls';
import { CallLinksPanel } from './CallLinksPanel';
import { GroupColumns } from './GroupColumns';
import { HelpRequests } from './HelpRequests';
import { LinksPanel } from './LinksPanel';
import { ParticipantsTable } from './ParticipantsTable';
import { PhaseControls } from './PhaseControls';
import { PlenaryPanel } from './PlenaryPanel';
import { useConsolePresence } from './PresenceToggle';
import { PrivacyPanel } from './PrivacyPanel';
import { ProjectorControls } from './ProjectorControls';
import { ProjectorRoundSelect } from './ProjectorRoundSelect';
import { RecallControl } from './RecallControl';
import { ReportDownload } from './ReportDownload';
import { ReportEditor } from './ReportEditor';
import { ReuseWorkshop } from './ReuseWorkshop';
import { RoomPanel } from './RoomPanel';
import { RoomScreenNames } from './RoomScreenNames';
import { SectionsPanel } from './SectionsPanel';
import { TimerControls } from './TimerControls';
import { type Run, useCommand } from './useCommand';
import { ConsoleTabs, panelId, tabId } from './views/ConsoleTabs';
import { CONSOLE_VIEWS, type ConsoleView, useConsoleView } from './views/consoleView';
import { NextStep } from './views/NextStep';
import { RunView } from './views/RunView';
import { ShortcutsHelp } from './views/ShortcutsHelp';

/** `/f/:token`: the facilitator's console; `?view=prepare|run|plenary|report` picks a view. */
export function FacilitatorPage() {
  const { token } = useParams();
  return (
    <ControlGate token={token}>
      {(workshop, me) => <Console workshop={workshop} me={me} token={token ?? ''} />}
    </ControlGate>
  );
}

interface ViewProps {
  workshop: WorkshopState;
  me: Me;
  token: string;
  run: Run;
}

function Console({ workshop, me, token }: { workshop: WorkshopState; me: Me; token: string }) {
  const { t } = useTranslation();
  const { run, error } = useCommand();
  const [view, choose] = useConsoleView(workshop.phase);
  useConsolePresence();
  const next = useRef<HTMLButtonElement>(null);
  // "Your workshops on this device": this console, as it is now, on the home page's list.
  const remember = useMyWorkshops((s) => s.remember);
  const { id, title, date, phase } = workshop;
  useEffect(() => {
    remember({ id, title, date, phase, consolePath: `/f/${token}` });
  }, [remember, id, title, date, phase, token]);
  useHotkeys(
    CONSOLE_VIEWS.map((_, i) => String(i + 1)),
    (_, key) => {
      const picked = CONSOLE_VIEWS[Number(key.keys?.[0]) - 1];
      if (picked) choose(picked);
    },
    { preventDefault: true },
    [choose],
  );
  // The next step works from every view: it is the one action the flow expects.
  useHotkeys('n', () => next.current?.click(), { preventDefault: true }, [next]);
  const props: ViewProps = { workshop, me, token, run };
  return (
    <Page title={workshop.title} status={<ConnectionStatus />} wide>
      <div className={`console console--${view}`}>
        <header className="console-header">
          <div className="console-heading">
            <p className="eyebrow">{t('facilitator.heading')}</p>
            <h1 className="screen-title">{workshop.title}</h1>
            <CurrentAgendaItem workshop={workshop} />
          </div>
          <div className="console-flow">
            <PhaseBadge phase={workshop.phase} />
            <NextStep ref={next} workshop={workshop} run={run} />
            <ShortcutsHelp />
          </div>
        </header>
        <ConsoleTabs view={view} onChoose={choose} />
        <ErrorAlert code={error} testId="command-error" />
        <div
          className="console-view"
          role="tabpanel"
          id={panelId(view)}
          aria-labelledby={tabId(view)}
          data-testid={`console-view-${view}`}
        >
          {view === 'run' ? (
            <RunView workshop={workshop} token={token} run={run} />
          ) : (
            <OtherView view={view} {...props} />
          )}
        </div>
      </div>
    </Page>
  );
}

/** Prepare: agenda, groups and sections, participants and assignment, links. */
function PrepareView({ workshop, me, token, run }: ViewProps) {
  return (
    <>
      <div className="console-grid">
        <div className="console-main">
          <PhaseControls workshop={workshop} run={run} canClose={me.role === 'facilitator'} showBadge={false} />
          <AgendaPanel workshop={workshop} run={run} />
        </div>
        <div className="console-side">
          <LinksPanel workshop={workshop} run={run} />
          <RoomScreenNames workshop={workshop} run={run} />
          <PrivacyPanel workshop={workshop} run={run} token={token} canDelete={me.role === 'facilitator'} />
        </div>
      </div>
      <ParticipantsTable workshop={workshop} run={run}>
        <AssignmentControls workshop={workshop} run={run} />
      </ParticipantsTable>
      <GroupColumns workshop={workshop} token={token} run={run} />
      <SectionsPanel workshop={workshop} run={run} />
      <CallLinksPanel workshop={workshop} run={run} />
      <BoardSettingsPanel workshop={workshop} run={run} />
    </>
  );
}

/** Plenary: presentation order, spotlight, consolidation, vote; the room's controls stay at hand. */
function PlenaryView({ workshop, me, token, run }: ViewProps) {
  return (
    <>
      <HelpRequests workshop={workshop} run={run} />
      <div className="console-grid">
        <div className="console-main">
          <PhaseControls workshop={workshop} run={run} canClose={me.role === 'facilitator'} showBadge={false} />
          <ProjectorControls workshop={workshop} run={run} />
          <ProjectorRoundSelect workshop={workshop} run={run} />
        </div>
        <div className="console-side">
          <TimerControls workshop={workshop} run={run} />
          <RecallControl workshop={workshop} run={run} />
          <RoomPanel workshop={workshop} run={run} />
        </div>
      </div>
      <PlenaryPanel workshop={workshop} token={token} run={run} />
    </>
  );
}

/** Report: text and download, retention and deletion, and reusing the format. */
function ReportView({ workshop, me, token, run }: ViewProps) {
  return (
    <>
      <ReportEditor workshop={workshop} token={token} />
      <div className="console-grid">
        <div className="console-main">
          <ReportDownload workshopId={workshop.id} token={token} />
          <ReuseWorkshop workshop={workshop} token={token} />
        </div>
        <div className="console-side">
          <PhaseControls workshop={workshop} run={run} canClose={me.role === 'facilitator'} showBadge={false} />
          <PrivacyPanel workshop={workshop} run={run} token={token} canDelete={me.role === 'facilitator'} />
        </div>
      </div>
    </>
  );
}

const VIEWS: Record<Exclude<ConsoleView, 'run'>, (props: ViewProps) => ReactNode> = {
  prepare: PrepareView,
  plenary: PlenaryView,
  report: ReportView,
};

function OtherView({ view, ...props }: ViewProps & { view: Exclude<ConsoleView, 'run'> }) {
  const View = VIEWS[view];
  return <View {...props} />;
}
