/** Organisation type ids: ASCII and stable, stored and sent as-is, shown translated by the client. */
export const ORG_TYPES = [
  'jst',
  'ops',
  'cus',
  'pcpr',
  'dps',
  'sds',
  'rops',
  'pup',
  'ngo',
  'pes',
  'ps',
  'cis',
  'kis',
  'wtz',
  'zaz',
  'owes',
  'church',
  'academia',
  'seniorCouncil',
  'resident',
  'other',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

/**
 * How each organisation type is shown, in one place for the UI and the report (the ids above are
 * what is stored and sent).
 */
export const ORG_TYPE_LABELS: Record<'pl' | 'en', Record<OrgType, string>> = {
  pl: {
    jst: 'Jednostka samorządu terytorialnego',
    ops: 'Ośrodek pomocy społecznej',
    cus: 'Centrum usług społecznych',
    pcpr: 'Powiatowe centrum pomocy rodzinie',
    dps: 'Dom pomocy społecznej',
    sds: 'Środowiskowy dom samopomocy',
    rops: 'Regionalny ośrodek polityki społecznej',
    pup: 'Powiatowy urząd pracy',
    ngo: 'Stowarzyszenie lub fundacja',
    pes: 'Podmiot ekonomii społecznej',
    ps: 'Przedsiębiorstwo społeczne',
    cis: 'Centrum integracji społecznej',
    kis: 'Klub integracji społecznej',
    wtz: 'Warsztat terapii zajęciowej',
    zaz: 'Zakład aktywności zawodowej',
    owes: 'Ośrodek wsparcia ekonomii społecznej',
    church: 'Kościół lub związek wyznaniowy',
    academia: 'Uczelnia',
    seniorCouncil: 'Rada seniorów',
    resident: 'Mieszkaniec, mieszkanka',
    other: 'Inne',
  },
  en: {
    jst: 'Local government',
    ops: 'Municipal social assistance centre (OPS)',
    cus: 'Social services centre (CUS)',
    pcpr: 'County family support centre (PCPR)',
    dps: 'Residential care home (DPS)',
    sds: 'Community self-help centre (ŚDS)',
    rops: 'Regional social policy centre (ROPS)',
    pup: 'County labour office (PUP)',
    ngo: 'Association or foundation',
    pes: 'Social economy entity',
    ps: 'Social enterprise',
    cis: 'Social integration centre (CIS)',
    kis: 'Social integration club (KIS)',
    wtz: 'Occupational therapy workshop (WTZ)',
    zaz: 'Vocational activity establishment (ZAZ)',
    owes: 'Social economy support centre (OWES)',
    church: 'Church or religious association',
    academia: 'University',
    seniorCouncil: 'Senior citizens council',
    resident: 'Resident',
    other: 'Other',
  },
};

export const ATTENDANCES = ['onsite', 'online'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const MODES = ['onsite', 'online', 'hybrid'] as const;
export type Mode = (typeof MODES)[number];

export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
