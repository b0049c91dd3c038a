// Scripts run outside Next, where the `server-only` guard has no react-server condition to
// satisfy; it resolves to an empty module here.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      'export async function resolve(specifier, context, next) {' +
        "  if (specifier === 'server-only') return { url: 'data:text/javascript,', shortCircuit: true };" +
        '  return next(specifier, context);' +
        '}',
    ),
);
