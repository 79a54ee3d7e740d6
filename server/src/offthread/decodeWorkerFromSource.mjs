// The decode pool's worker when the server runs from its TypeScript sources (tsx: dev, tests).
// `--import tsx` in a worker's execArgv transpiles its static imports but not the worker's lazy
// `import()`s; tsImport loads the worker's module graph through tsx's ESM loader, lazy ones too.
import { tsImport } from 'tsx/esm/api';

const { default: run } = await tsImport('./decodeWorker.ts', import.meta.url);
export default run;
