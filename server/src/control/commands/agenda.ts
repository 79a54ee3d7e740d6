import {
  type AgendaItem,
  type Command,
  canTransition,
  DEMO_AGENDA,
  ErrorCode,
  recalculateAgenda,
} from '@warsztat/shared';
import { normaliseSections } from '../../domain/rounds.js';
import type { WorkshopRecord } from '../../domain/workshop.js';
import { assertNever, fail, ok, type Result } from '../result.js';
import { MINUTE_MS } from './phase.js';
import { markRoundStarted, type RoundStart, startRound } from './rounds.js';

type AgendaCommand = Extract<Command, { type: 'agenda' }>;
type DaysInput = Extract<AgendaCommand, { action: 'set' }>['days'];
type ItemInput = Extract<AgendaCommand, { action: 'add' }>['item'];
type RoundInput = NonNullable<ItemInput['round']>;

/** A `breakout` item's round as the agenda keeps it: sections in both languages, like the state's. */
function roundPlan(input: RoundInput): NonNullable<AgendaItem['round']> {
  const plan: NonNullable<AgendaItem['round']> = { title: input.title };
  if (input.sections) plan.sections = normaliseSections(input.sections);
  if (input.regroup) plan.regroup = input.regroup;
  return plan;
}

/** An item as stored: without an absent round (exact optional properties). */
function itemFields(input: ItemInput): Omit<AgendaItem, 'id' | 'day' | 'startsAt'> {
  const { round, ...rest } = input;
  return round ? { ...rest, round: roundPlan(round) } : rest;
}

function fromDays(
  days: DaysInput,
  makeId: () => string,
): Pick<WorkshopRecord, 'agenda'> & {
  agendaDays: WorkshopRecord['control']['agendaDays'];
} {
  const agenda: AgendaItem[] = days.flatMap((d, day) =>
    d.items.map((item) => ({ id: makeId(), day, startsAt: d.startsAt, ...itemFields(item) })),
  );
  return { agenda: recalculateAgenda(agenda), agendaDays: days.map((d) => ({ date: d.date ?? null })) };
}

/** Agenda editing; start times always follow from durations (shared `recalculateAgenda`). */
export function applyAgenda(
  w: WorkshopRecord,
  command: AgendaCommand,
  now: number,
  makeId: () => string,
): Result<WorkshopRecord> {
  switch (command.action) {
    case 'set':
    case 'demo': {
      // The demo's own 2022 date is not this workshop's: its first day takes the workshop's date, so
      // the report never prints a range nobody set (issue #20 point 6).
      const demo = DEMO_AGENDA.map((d, i) => ({ ...d, date: i === 0 ? (w.date ?? undefined) : undefined }));
      const { agenda, agendaDays } = fromDays(command.action === 'set' ? command.days : demo, makeId);
      return ok({ ...w, agenda, control: { ...w.control, agendaDays, currentAgendaItemId: null } });
    }
    case 'day': {
      if (!w.agenda.some((i) => i.day === command.day)) return fail(ErrorCode.NotFound, 'No such agenda day');
      const agendaDays = [...w.control.agendaDays];
      while (agendaDays.length <= command.day) agendaDays.push({ date: null });
      agendaDays[command.day] = { date: command.date };
      return ok({ ...w, control: { ...w.control, agendaDays } });
    }
    case 'add': {
      const sameDay = w.agenda.filter((i) => i.day === command.day);
      const last = sameDay.at(-1);
      if (!last && command.day !== 0 && !w.agenda.some((i) => i.day === command.day - 1)) {
        return fail(ErrorCode.Conflict, 'Add days in order');
      }
      const item: AgendaItem = {
        id: makeId(),
        day: command.day,
        startsAt: last?.startsAt ?? '09:00',
        ...itemFields(command.item),
      };
      // Keep items grouped by day so recalculation walks each day in order.
      const agenda = [...w.agenda, item].sort((a, b) => a.day - b.day);
      const agendaDays = [...w.control.agendaDays];
      while (agendaDays.length <= command.day) agendaDays.push({ date: null });
      return ok({ ...w, agenda: recalculateAgenda(agenda), control: { ...w.control, agendaDays } });
    }
    case 'edit': {
      const item = w.agenda.find((i) => i.id === command.itemId);
      if (!item) return fail(ErrorCode.NotFound, 'No such agenda item');
      const { round: _round, ...kept } = item;
      const changed: AgendaItem = {
        ...kept,
        title: command.title ?? item.title,
        kind: command.kind ?? item.kind,
        minutes: command.minutes ?? item.minutes,
        speakers: command.speakers ?? item.speakers,
        startsAt: command.startsAt ?? item.startsAt,
      };
      const round = command.round === undefined ? item.round : command.round && roundPlan(command.round);
      if (round) changed.round = round;
      const agenda = w.agenda.map((i) => (i.id === item.id ? changed : i));
      return ok({ ...w, agenda: recalculateAgenda(agenda) });
    }
    case 'remove': {
      if (!w.agenda.some((i) => i.id === command.itemId)) return fail(ErrorCode.NotFound, 'No such agenda item');
      const removed = w.agenda.find((i) => i.id === command.itemId);
      const rest = w.agenda.filter((i) => i.id !== command.itemId);
      // The next item of the day inherits the removed first item's start, so the day does not shift.
      const heir = rest.find((i) => i.day === removed?.day);
      const first = w.agenda.find((i) => i.day === removed?.day);
      const agenda =
        heir && first?.id === command.itemId
          ? rest.map((i) => (i === heir ? { ...i, startsAt: first.startsAt } : i))
          : rest;
      const current = w.control.currentAgendaItemId === command.itemId ? null : w.control.currentAgendaItemId;
      return ok({ ...w, agenda: recalculateAgenda(agenda), control: { ...w.control, currentAgendaItemId: current } });
    }
    case 'start': {
      if (command.itemId === null) return ok({ ...w, control: { ...w.control, currentAgendaItemId: null } });
      const item = w.agenda.find((i) => i.id === command.itemId);
      if (!item) return fail(ErrorCode.NotFound, 'No such agenda item');
      const next: WorkshopRecord = { ...w, control: { ...w.control, currentAgendaItemId: item.id } };
      if (item.kind !== 'breakout') return ok(next);
      // Starting a breakout item opens the groups for its duration (or re-times a running breakout).
      if (w.phase !== 'breakout' && !canTransition(w.phase, 'breakout')) {
        return fail(ErrorCode.Conflict, `Cannot open the groups from ${w.phase}`);
      }
      const inRound = withItemRound(next, item, now);
      if (!inRound.ok) return inRound;
      const started = markRoundStarted(inRound.value, now);
      return ok({
        ...started,
        phase: 'breakout',
        spotlightGroupId: null,
        timer: { endsAt: now + item.minutes * MINUTE_MS, pausedRemainingMs: null },
        control: { ...started.control, recallEndsAt: null },
      });
    }
    default:
      return assertNever(command);
  }
}

/**
 * Starting a `breakout` item that carries a round starts that round (issue #17), once: starting the
 * same item again (to re-time it) keeps the round it started.
 */
function withItemRound(w: WorkshopRecord, item: AgendaItem, now: number): Result<WorkshopRecord> {
  if (!item.round) return ok(w);
  if (w.control.rounds.some((r) => r.agendaItemId === item.id)) return ok(w);
  const start: RoundStart = { title: item.round.title, regroup: item.round.regroup ?? 'keep', agendaItemId: item.id };
  if (item.round.sections) start.sections = item.round.sections;
  return startRound(w, start, now);
}
