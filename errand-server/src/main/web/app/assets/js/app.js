// The web app's entry point: the top bar, the pages and their routes, and what happens when
// the session ends.
import { api, onSignedOut } from './api.js';
import { h, replace, errorBanner } from './dom.js';
import { FEATURES, available, probeFeatures } from './features.js';
import { navigate, setRenderer, setFlash, here } from './router.js';
import { session, loadSession, signOut, forget, may } from './session.js';
import * as signInPage from './pages/signin.js';
import * as claimPage from './pages/claim.js';
import * as executionsPage from './pages/executions.js';
import * as executionPage from './pages/execution.js';
import * as runPage from './pages/run.js';
import * as resourcePage from './pages/resource.js';

const main = document.getElementById('app');
const topbar = document.getElementById('topbar');
const footer = h('footer', { class: 'footer' });
main.after(footer);

const ROUTES = [
  { pattern: /^\/$/, redirect: () => '/executions' },
  { pattern: /^\/sign-in$/, render: signInPage.render, public: true },
  { pattern: /^\/claim$/, render: claimPage.render, public: true },
  { pattern: /^\/executions$/, render: executionsPage.render, nav: 'executions' },
  { pattern: /^\/executions\/(ex_[0-9a-z]+)$/, render: executionPage.render, full: true, nav: 'executions' },
  { pattern: /^\/run$/, render: runPage.render, nav: 'run' },
  ...FEATURES.map((f) => ({
    pattern: new RegExp('^' + f.path + '$'), nav: f.id,
    render: (el, ctx) => resourcePage.render(el, ctx, f),
  })),
];

let cleanup = null;
let sessionChecked = false;
let rendering = Promise.resolve();

function render() {
  rendering = rendering.then(renderNow, renderNow);
  return rendering;
}

// Renders the page in the address bar, following redirects (to sign-in, from /) in place:
// navigate() from inside a render would wait for the render it is part of.
async function renderNow() {
  for (let hops = 0; hops < 4; hops++) {
    const redirect = await renderPage();
    if (!redirect) return;
    history.replaceState(null, '', redirect);
  }
}

async function renderPage() {
  if (cleanup) {
    try { cleanup(); } catch { /* a page's cleanup must not stop the next page */ }
    cleanup = null;
  }
  const path = location.pathname.replace(/\/+$/, '') || '/';
  const route = ROUTES.find((r) => r.pattern.test(path));
  try {
    if (!sessionChecked) {
      await loadSession();
      if (session.user) await probeFeatures();
      sessionChecked = true;
    }
    if (route && !route.public && !session.user) return '/sign-in?next=' + encodeURIComponent(here());
    if (route && route.redirect) return route.redirect();
    renderTopbar(route);
    main.className = route && route.full ? 'full' : '';
    footer.hidden = Boolean(route && route.full);
    if (!route) {
      replace(main, h('h1', { text: 'Page not found' }),
        h('p', {}, 'There is no page at ', h('code', { text: path }), '. ', h('a', { href: '/executions', text: 'Executions' })));
      return;
    }
    const ctx = { match: path.match(route.pattern), query: new URLSearchParams(location.search), refreshNav: renderTopbar };
    const result = await route.render(main, ctx);
    cleanup = typeof result === 'function' ? result : null;
  } catch (e) {
    replace(main, errorBanner(e, 'The page could not be shown: '));
  }
  return null;
}

function renderTopbar(route) {
  const active = route ? route.nav : null;
  const link = (id, href, text) => h('a', { href, class: active === id ? 'active' : null, text });
  const nav = session.user ? h('nav', { class: 'nav', 'aria-label': 'Pages' },
    link('executions', '/executions', 'Executions'),
    may.run() ? link('run', '/run', 'Run') : null,
    FEATURES.filter((f) => available[f.id]).map((f) => link(f.id, f.path, f.title))) : h('div', { class: 'nav' });
  const who = session.user ? h('div', { class: 'whoami' },
    h('span', { class: 'email', text: session.user }), h('span', { class: 'role', text: session.role }),
    h('button', { class: 'small', id: 'sign-out', onclick: doSignOut, text: 'Sign out' })) : null;
  replace(topbar, h('a', { class: 'brand', href: '/' }, 'errand'), nav, who);
}

async function doSignOut() {
  try {
    await signOut();
  } catch (e) {
    setFlash('Signing out on the server failed (' + e.message + '); the browser forgot the session anyway.');
  }
  sessionChecked = true;
  navigate('/sign-in');
}

onSignedOut((error) => {
  if (!session.user) return;
  forget();
  setFlash('You were signed out: ' + error.message);
  navigate('/sign-in?next=' + encodeURIComponent(here()), { replace: true });
});

async function afterSignIn(next) {
  await probeFeatures();
  sessionChecked = true;
  return navigate(next && next.startsWith('/') && !next.startsWith('//') ? next : '/executions', { replace: true });
}

async function showVersion() {
  try {
    const health = await api('GET', '/api/v1/health', undefined, { quiet401: true });
    footer.textContent = `Errand ${health.version} · store ${health.store.name} · driver ${health.drivers.map((d) => d.name).join(', ')}`;
  } catch (e) {
    footer.textContent = e.status === 503 ? 'Errand · the server reports it is degraded' : '';
  }
}

setRenderer(render, afterSignIn);
render();
showVersion();
