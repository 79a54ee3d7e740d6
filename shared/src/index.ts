export * from './board/schema.js';
export * from './domain/orgTypes.js';
export * from './domain/phases.js';
export * from './domain/templates.js';
export * from './protocol/codes.js';
export * from './protocol/commands.js';
export * from './protocol/http.js';
export * from './protocol/state.js';
