import type { BoardSettings, SectionTemplate, WorkshopState } from '@warsztat/shared';
import { Board } from '../board/Board';
import { knownSectionsOf } from './roundState';

/**
 * A board shown to someone who may not write on it (issue #17): an earlier round's board, another
 * group's in the gallery walk, a group's in the console's side panel. It is read with the sections
 * it had and every section the workshop has known, so cards of a round or preset since replaced are
 * still named rather than dropped into "Inne". The banner, when given, says in words why nothing can
 * be changed: on a participant's page the board otherwise looks like their own.
 */
export function ReadOnlyBoard({
  workshop,
  token,
  board,
  title,
  banner,
  settings,
  prompt,
  headingLevel,
}: {
  workshop: WorkshopState;
  token: string;
  board: { docName: string; sections: SectionTemplate[] };
  /** The group's name: the board's accessible label. */
  title: string;
  banner?: { text: string; testId: string };
  settings?: BoardSettings;
  prompt?: string;
  headingLevel?: 2 | 3 | 4;
}) {
  return (
    <>
      {banner && (
        <p className="readonly-banner" data-testid={banner.testId}>
          {banner.text}
        </p>
      )}
      <Board
        // A new board, not an update of the last one: its doc, presence and undo history are its own.
        key={board.docName}
        docName={board.docName}
        token={token}
        sections={board.sections}
        formerSections={knownSectionsOf(workshop)}
        readOnly
        title={title}
        settings={settings}
        prompt={prompt}
        {...(headingLevel ? { headingLevel } : {})}
      />
    </>
  );
}
