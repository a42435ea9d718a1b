/**
 * The Decap packages admin/decap.ts imports in place of decap-cms-app's registration of everything
 * (issue 17): each pinned to exactly the version the pinned decap-cms-app depends on, so that an
 * upgrade of decap-cms-app fails here, naming every pin to move with it; and the check that keeps
 * the CMS from starting on a config whose widgets it does not have (admin/config-widgets.ts).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { DECAP_WIDGETS, unregisteredWidgets } from '../../admin/config-widgets.ts';
import { buildCmsConfig } from '../../admin/config.ts';

const root = new URL('../../', import.meta.url);
const json = (path: string) => JSON.parse(readFileSync(new URL(path, root), 'utf8'));

test('every decap-cms-* package we depend on is pinned to the version decap-cms-app depends on', () => {
  const ours: Record<string, string> = json('package.json').dependencies;
  const app = json('package-lock.json').packages['node_modules/decap-cms-app'];
  assert.equal(app.version, ours['decap-cms-app'], 'the lockfile holds the pinned decap-cms-app');
  const pinned = Object.entries(ours).filter(([name]) => name.startsWith('decap-cms-') && name !== 'decap-cms-app');
  assert.ok(pinned.length >= 10, 'the core, two backends, the widgets, the image component and the locales');
  const wrong = pinned.filter(([name, version]) => app.dependencies[name] !== version).map(([name, version]) => `${name} ${version}, decap-cms-app has ${app.dependencies[name]}`);
  assert.deepEqual(wrong, []);
});

test('unregisteredWidgets: the widgets a config’s fields name that nothing registered, at any depth; hidden is Decap core’s own', () => {
  const config = {
    collections: [
      { name: 'a', fields: [{ name: 'x', widget: 'string' }, { name: 'when', widget: 'datetime' }, { name: 'h', widget: 'hidden' }, { name: 'plain' }] },
      {
        name: 'b',
        files: [
          {
            name: 'f',
            fields: [
              { name: 'l', widget: 'list', field: { name: 'c', widget: 'color' } },
              { name: 'o', widget: 'object', fields: [{ name: 'w', widget: 'datetime' }] },
              { name: 'v', widget: 'list', types: [{ name: 't', widget: 'object', fields: [{ name: 'm', widget: 'map' }] }] },
              // A default value is not a field: its `widget` key names nothing.
              { name: 'd', widget: 'object', default: { widget: 'not-a-field' }, fields: [] },
            ],
          },
        ],
      },
    ],
  };
  const known = new Set(['string', 'list', 'object']);
  assert.deepEqual(
    unregisteredWidgets(config, (name) => known.has(name)),
    ['color', 'datetime', 'map'],
  );
  assert.deepEqual(
    unregisteredWidgets(config, () => true),
    [],
  );
});

test('the generated config names only widgets admin/decap.ts and admin/widgets.tsx register', () => {
  const config = buildCmsConfig({ englishStrings: { nav: { home: 'Home' } }, decapServerPort: 8081 });
  // Ours, read from admin/widgets.tsx (TSX, which Node does not import). Decap's: DECAP_WIDGETS, which
  // admin/decap.ts checks against the names its packages register. The CMS checks the same at start (admin/main.tsx).
  const ours = [...readFileSync(new URL('admin/widgets.tsx', root), 'utf8').matchAll(/registerWidget\(\{?\s*(?:name: )?'([\w-]+)'/g)].map(([, name]) => name);
  assert.ok(ours.includes('translation-status') && ours.includes('date-tr'), 'our registrations were read');
  assert.deepEqual(
    unregisteredWidgets(config, (name) => DECAP_WIDGETS.includes(name) || ours.includes(name)),
    [],
  );
});
