/**
 * Must be the first import of main.tsx. zod v4 probes `new Function('')` when an object schema
 * is built (in `@warsztat/shared`, at import time) to decide whether to JIT its parsers. Under
 * our strict CSP the probe is refused and the browser reports a CSP violation even though zod
 * swallows the error. `jitless` skips the probe. zod reads its config from this global, and the
 * client has no direct dependency on zod, so the flag is set on the global itself.
 */
interface ZodGlobal {
  __zod_globalConfig?: { jitless?: boolean };
}

const g = globalThis as ZodGlobal;
g.__zod_globalConfig ??= {};
g.__zod_globalConfig.jitless = true;

export {};
