import { z } from 'zod';

// zod v4 probes `new Function('')` when the first object schema is built, to decide whether to
// JIT its parsers. Under the client's strict CSP that probe is reported as a violation; our
// payloads are small, so the interpreter is fast enough on both sides. Every schema module
// imports `z` from here so the flag is set before any schema exists.
z.config({ jitless: true });

export { z };
