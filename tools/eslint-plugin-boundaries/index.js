// Architectural boundaries of the monorepo, as ESLint rules:
// - `no-cross-service-import`: a service never imports another service, by package name or by path;
//   what services share is `libs/` and the event contracts.
// - `pure-domain`: code in a `domain/` folder imports no framework, ORM, database or Kafka client, so
//   decisions stay pure functions over events.
import path from 'node:path';

const SERVICE_PACKAGE = /^@wildlife\/(request-intake|ncb-endorsement|provenance|intelligence-dissemination|notification)(\/|$)/;
const FORBIDDEN_IN_DOMAIN = [/^@nestjs\//, /^typeorm(\/|$)/, /^@nestjs\/typeorm/, /^kafkajs(\/|$)/, /^pg(\/|$)/, /^fastify(\/|$)/, /^@wildlife\/(event-store|messaging|service-kit)(\/|$)/];

/** `services/<name>/…` → name, for a path relative to the lint root; undefined elsewhere. */
function serviceOf(file) {
  const parts = file.split(path.sep);
  const at = parts.lastIndexOf('services');
  return at >= 0 && parts.length > at + 2 ? { name: parts[at + 1], root: parts.slice(0, at + 2).join(path.sep) } : undefined;
}

function importSources(context, check) {
  const visit = (node) => node.source && typeof node.source.value === 'string' && check(node, node.source.value);
  return {
    ImportDeclaration: visit,
    ExportNamedDeclaration: visit,
    ExportAllDeclaration: visit,
    ImportExpression: visit,
  };
}

const noCrossServiceImport = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid a service importing another service' },
    messages: { crossService: 'Service "{{from}}" must not import service "{{to}}" ({{source}}): share through libs/ and event contracts.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = serviceOf(file);
    if (!from) return {};
    return importSources(context, (node, source) => {
      let to;
      const pkg = SERVICE_PACKAGE.exec(source);
      if (pkg) to = pkg[1];
      else if (source.startsWith('.')) to = serviceOf(path.resolve(path.dirname(file), source))?.name;
      if (to && to !== from.name) context.report({ node, messageId: 'crossService', data: { from: from.name, to, source } });
    });
  },
};

const pureDomain = {
  meta: {
    type: 'problem',
    docs: { description: 'forbid framework, ORM, database and Kafka imports inside domain/ folders' },
    messages: { impure: 'domain/ code must stay pure: "{{source}}" is a framework, ORM, database or Kafka import.' },
    schema: [],
  },
  create(context) {
    if (!context.filename.split(path.sep).includes('domain')) return {};
    return importSources(context, (node, source) => {
      if (FORBIDDEN_IN_DOMAIN.some((p) => p.test(source))) context.report({ node, messageId: 'impure', data: { source } });
    });
  },
};

export default {
  meta: { name: 'wildlife-boundaries' },
  rules: { 'no-cross-service-import': noCrossServiceImport, 'pure-domain': pureDomain },
};
