/**
 * What the join form validates and sends, with the shared zod schemas (the join code, the answers
 * of the join and join-info calls). Loaded right after the form has drawn, so on a phone on a
 * crowded Wi-Fi the form is usable before zod has arrived.
 */
export { JoinCode } from '@warsztat/shared';
export { rememberParticipantToken, rememberReturning } from '../../api/localLinks';
export { joinPrivacy } from '../../api/privacy';
export { joinInfo, joinWorkshop } from '../../api/workshops';
