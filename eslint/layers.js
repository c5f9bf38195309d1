// The import boundaries of src (README "Architecture"), judged on where an import lands rather than on how its path
// is spelled, so they hold at any depth: `../../db/hooks/x` from a nested folder is the same reach into db as
// `../db/hooks/x` from a shallow one. Package imports (rxdb, react, node:*) are left to no-restricted-imports.
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');

/**
 * Where a file or an import target sits: its layer (domain, db, sync, protocol, server, features, app), the feature
 * for features, and whether it is the layer's (or feature's) index. Null outside src (locales, test fixtures).
 */
export function placeOf(file) {
  const relative = path.relative(root, file).split(path.sep).join('/');
  const parts = relative.replace(/\.(tsx?|jsx?|mjs)$/, '').split('/');
  if (parts[0] !== 'src' || parts.length < 2) return null;
  if (parts.at(-1) === 'index') parts.pop();
  const [, layer, second] = parts;
  if (layer === 'sync' && second === 'protocol') return { layer: 'protocol', index: parts.length === 3 };
  if (layer === 'features') return { layer, feature: second, index: parts.length === 3 };
  return { layer, index: parts.length === 2 };
}

/**
 * Who may import what. A rule returns a reason to refuse, or null. The layers: domain ← db ← sync ← features ← app;
 * the server → domain + sync/protocol; sync/protocol, the wire contract, depends on the domain only.
 */
const RULES = {
  domain: (to) => (to.layer === 'domain' ? null : 'The domain is pure: no db, sync, server, features or app.'),
  db: (to) => (['domain', 'db'].includes(to.layer) ? null : 'db sits below sync, features, app and the server.'),
  sync: (to) =>
    ['domain', 'db', 'sync', 'protocol'].includes(to.layer)
      ? null
      : 'sync sits below features and app, apart from the server.',
  protocol: (to) =>
    ['domain', 'protocol'].includes(to.layer) ? null : 'The wire contract (sync/protocol) depends on the domain only.',
  server: (to) =>
    ['domain', 'server', 'protocol'].includes(to.layer)
      ? null
      : 'The server imports only the domain and sync/protocol.',
  features: (to, from) => {
    if (to.layer === 'domain' || to.layer === 'protocol') return null;
    if (to.layer === 'features')
      return to.feature === from.feature || to.index
        ? null
        : 'Import another feature through its index.ts, never its files.';
    if (to.layer === 'db' || to.layer === 'sync')
      return to.index ? null : `Features use ${to.layer} through src/${to.layer}/index.ts, never its files.`;
    return 'Features never import the app shell or the server.';
  },
  app: (to) => {
    if (to.layer === 'server') return 'The app shell never imports the server.';
    if (['features', 'db', 'sync'].includes(to.layer) && !to.index)
      return `The app shell uses ${to.layer} through its index.ts, never its files.`;
    return null;
  },
};

const rule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between the layers of src follow the architecture at any folder depth.' },
    messages: { refused: '{{from}} may not import {{target}}: {{reason}}' },
    schema: [],
  },
  create(context) {
    const from = placeOf(context.filename);
    const judge = from && RULES[from.layer];
    if (!judge) return {};
    const check = (source) => {
      if (!source || typeof source.value !== 'string' || !source.value.startsWith('.')) return;
      const to = placeOf(path.resolve(path.dirname(context.filename), source.value));
      const reason = to && judge(to, from);
      if (reason) {
        const target = source.value;
        context.report({ node: source, messageId: 'refused', data: { from: from.layer, target, reason } });
      }
    };
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { meta: { name: 'atbalsts-layers' }, rules: { boundaries: rule } };
