// The layers of src/ (docs/design.md, "Layers"), checked by `npm run lint`
// through dependency-cruiser: an import may only point down this list, a
// folder never imports a folder on its own line, and no import cycle is
// allowed anywhere (type-only and dynamic imports count too).
//
// A folder of src/ named on no line is taken as an I/O service (the line of
// ssh and output): cli, sweep and simulator may use it; it may use inventory
// and everything below. Name it here when it is something else.
const LAYERS = [
  ['cli'],
  // The programs' parts: reading the fleet, the fake phones, and what only a
  // person at a terminal sees (which may use the pure layers only: see below).
  ['sweep', 'simulator', 'terminal'],
  // I/O services.
  ['ssh', 'syslog', 'output', 'history', 'cucm', 'system'],
  ['inventory'],
  ['input'],
  // Pure: no I/O from here down.
  ['render'],
  ['incidents'],
  ['report'],
  ['parser'],
  // The code tables; why a phone could not be read; pty text made plain.
  ['catalogue', 'failure', 'transcript'],
];
const PURE = ['render', 'incidents', 'report', 'parser', 'catalogue', 'failure', 'transcript'];
/** The line of a folder named on no line. */
const DEFAULT_LINE = 2;

/**
 * Imports that break a rule today, each named ({ rule, from, to }), with the
 * change that removes it. None today: keep it that way.
 */
const EXCEPTIONS = [];

const NAMED = LAYERS.flat();
const folder = (name) => `^src/${name}/`;
const file = (path) => `^${path.replaceAll('.', '\\.')}$`;
const UNNAMED = `(?!(?:${NAMED.join('|')})/)[^/]+`;

function layerRules() {
  return LAYERS.flatMap((names, line) => {
    const below = LAYERS.slice(line + 1).flat();
    const alsoUnnamed = line < DEFAULT_LINE;
    return names.map((name) => ({
      name: `layer-${name}`,
      comment: `src/${name}/ may import only ${[...below, ...(alsoUnnamed ? ['unnamed folders'] : [])].join(', ') || 'its own folder'} (docs/design.md, "Layers")`,
      severity: 'error',
      from: { path: folder(name) },
      to: {
        path: '^src/[^/]+/',
        pathNot: [folder(name), ...below.map(folder), ...(alsoUnnamed ? [`^src/${UNNAMED}/`] : [])],
      },
    }));
  });
}

/** A rule minus its named exceptions: each exempts one import, not a whole file. */
function withExceptions(rule) {
  const own = EXCEPTIONS.filter((exception) => exception.rule === rule.name);
  if (own.length === 0) return [rule];
  const exempt = own.map((exception) => file(exception.from));
  return [
    { ...rule, from: { ...rule.from, pathNot: exempt } },
    ...own.map((exception) => ({
      ...rule,
      from: { path: file(exception.from) },
      to: { ...rule.to, pathNot: [...[rule.to.pathNot ?? []].flat(), file(exception.to)] },
    })),
  ];
}

export default {
  forbidden: [
    ...layerRules(),
    {
      name: 'layer-unnamed-folder',
      comment: 'A folder of src/ named in no line of .dependency-cruiser.mjs is an I/O service: it may import inventory and below',
      severity: 'error',
      from: { path: `^src/(${UNNAMED})/` },
      to: { path: '^src/[^/]+/', pathNot: ['^src/$1/', ...LAYERS.slice(DEFAULT_LINE + 1).flat().map(folder)] },
    },
    {
      name: 'terminal-shows-only',
      comment: 'src/terminal/ shows things to a person: it may import the pure layers only',
      severity: 'error',
      from: { path: folder('terminal') },
      to: { path: '^src/[^/]+/', pathNot: [folder('terminal'), ...PURE.map(folder)] },
    },
    {
      name: 'ssh-does-not-parse',
      comment: "src/ssh/ brings back what the phone sent; reading it is the parser's (the sweep joins the two)",
      severity: 'error',
      from: { path: folder('ssh') },
      to: { path: folder('parser') },
    },
    {
      name: 'src-not-tests',
      comment: 'src/ never imports tests or benchmarks',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
    {
      name: 'tests-not-bench',
      comment: 'What tests and benchmarks share lives in test/helpers/',
      severity: 'error',
      from: { path: '^test/' },
      to: { path: '^bench/' },
    },
    {
      name: 'no-cycle',
      comment: 'An import cycle: one side must give way (a shared type can live in the lower module)',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'resolvable',
      comment: 'An import the check cannot follow is an import it cannot check',
      severity: 'error',
      from: {},
      to: { couldNotResolve: true },
    },
  ].flatMap(withExceptions),
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(dist|node_modules)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // Packages' `exports` maps, as Node reads them (csv-stringify/sync).
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'node', 'default'] },
  },
};
