/**
 * The import rules of docs/ARCHITECTURE.md, checked by `pnpm check` (`pnpm deps`). A rule broken
 * here means a module reached into a plane above its own or closed an import circle: move the code
 * down, or declare an interface in the lower plane and wire it in server.ts (see sync/authorizeDoc.ts).
 */
const server = (dir) => `^server/src/${dir}/`;

/** Server planes, lowest first: each may import those before it (and shared), never after. */
const SERVER_LAYERS = ['domain', 'persistence', 'sync', 'control', 'report', 'privacy', 'cluster', 'http'];

const layerRules = SERVER_LAYERS.slice(0, -1).map((layer, i) => ({
  name: `server-${layer}-imports-upward`,
  comment: `server/src/${layer}/ may not import from a plane above it (${SERVER_LAYERS.slice(i + 1).join(', ')})`,
  severity: 'error',
  from: { path: server(layer) },
  to: { path: `^server/src/(${SERVER_LAYERS.slice(i + 1).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import circle: split the shared part into a module both can import.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'server-planes-import-the-wiring',
      comment: 'Only main.ts and index.ts start the server; planes receive what they need from server.ts.',
      severity: 'error',
      from: { path: '^server/src/', pathNot: '^server/src/(main|index|server)\\.ts$' },
      to: { path: '^server/src/(main|server)\\.ts$' },
    },
    {
      name: 'shared-imports-an-app',
      comment: 'shared/ is what client and server share; it knows neither.',
      severity: 'error',
      from: { path: '^shared/src/' },
      to: { path: '^(server|client)/' },
    },
    {
      name: 'client-and-server-import-each-other',
      comment: 'Client and server talk through shared/ only.',
      severity: 'error',
      from: { path: '^(client)/src/' },
      to: { path: '^server/' },
    },
    {
      name: 'server-imports-client',
      severity: 'error',
      from: { path: '^server/src/' },
      to: { path: '^client/' },
    },
    {
      name: 'client-lower-room-imports-a-feature',
      comment:
        'stores/, sync/, app/, api/ and i18n/ serve the screens in features/; they never import one. Only the router (client/src/App.tsx) and main.tsx sit above the features.',
      severity: 'error',
      from: { path: '^client/src/(stores|sync|app|api|i18n)/' },
      to: { path: '^client/src/features/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      extensions: ['.ts', '.tsx', '.js', '.mjs'],
      mainFields: ['module', 'main', 'types'],
      conditionNames: ['import', 'types', 'default'],
    },
  },
};
