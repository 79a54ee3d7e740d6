export { DEFAULT_LIMITS, type Limits } from './config.js';
export { type RunningServer, type ServerOptions, startServer } from './server.js';
