/**
 * The multi-node modules in one entry, imported dynamically by server.ts only when REDIS_URL is
 * set: a single node never loads them (or ioredis), which keeps its memory at rest small.
 */
export { Cluster } from './Cluster.js';
export { RedisDocRelay } from './RedisDocRelay.js';
export { WorkshopBus } from './WorkshopBus.js';
