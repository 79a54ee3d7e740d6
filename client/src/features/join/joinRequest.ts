/**
 * What the join form sends and remembers: the API calls (without zod, api/join.ts) and this
 * browser's memory of who joined. Loaded right after the form has drawn, so on a phone on a
 * crowded Wi-Fi the form is usable before anything else has arrived.
 */
export { joinInfo, joinPrivacy, joinWorkshop } from '../../api/join';
export { rememberParticipantToken, rememberReturning } from '../../api/localLinks';
