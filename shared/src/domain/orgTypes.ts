/** Organisation type ids: ASCII and stable, stored and sent as-is, shown translated by the client. */
export const ORG_TYPES = [
  'jst',
  'ops',
  'pcpr',
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
  'other',
] as const;
export type OrgType = (typeof ORG_TYPES)[number];

export const ATTENDANCES = ['onsite', 'online'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export const MODES = ['onsite', 'online', 'hybrid'] as const;
export type Mode = (typeof MODES)[number];

export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
