import type { AgendaKind } from './agenda.js';

export interface AgendaDayInput {
  date?: string;
  startsAt: string;
  items: Array<{ title: string; kind: AgendaKind; minutes: number; speakers: string[] }>;
}

/**
 * The "load demo agenda" button: the RKRES Podlaskie meeting of 24.11.2022 (tests/fixtures/
 * rkres-podlaskie-2022.json) — presentations, five DI breakout groups, presentations, discussion.
 */
export const DEMO_AGENDA: AgendaDayInput[] = [
  {
    date: '2022-11-24',
    startsAt: '10:00',
    items: [
      { kind: 'welcome', title: 'Powitanie i cel spotkania', minutes: 10, speakers: ['Dyrektor ROPS'] },
      { kind: 'presentation', title: 'Statystyka w ekonomii społecznej', minutes: 30, speakers: ['Pracownik ROPS'] },
      {
        kind: 'presentation',
        title: 'Wprowadzenie do prac nad Planem Deinstytucjonalizacji',
        minutes: 20,
        speakers: ['Doradca makroregionalny SIRES'],
      },
      { kind: 'breakout', title: 'Praca w grupach: obszary deinstytucjonalizacji', minutes: 60, speakers: [] },
      { kind: 'plenary', title: 'Prezentacja wypracowanych materiałów', minutes: 40, speakers: [] },
      {
        kind: 'discussion',
        title: 'Rola RKRES, OWES i ROPS we wzmacnianiu usług społecznych',
        minutes: 30,
        speakers: [],
      },
      { kind: 'summary', title: 'Podsumowanie', minutes: 10, speakers: [] },
    ],
  },
];
