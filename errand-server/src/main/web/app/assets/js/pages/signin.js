// Sign-in: the user pastes an API key once; the server answers with an HttpOnly session cookie.
import { api } from '../api.js';
import { h, replace, errorBanner, banner } from '../dom.js';
import { signIn } from '../session.js';
import { signedIn, takeFlash } from '../router.js';

export async function render(main, { query }) {
  const flash = takeFlash();
  const errors = h('div', { id: 'sign-in-errors' });
  const key = h('input', {
    id: 'api-key', type: 'password', name: 'api-key', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'erk_…', 'aria-label': 'API key',
  });
  const submit = h('button', { class: 'primary', type: 'submit', id: 'sign-in', text: 'Sign in' });
  const claimLink = h('p', { class: 'hint', hidden: true }, 'Have a claim token? ', h('a', { href: '/claim', text: 'Claim your key' }), '.');
  const form = h('form', { class: 'card signin', onsubmit: onSubmit },
    h('h1', { text: 'Sign in to Errand' }),
    flash ? banner('warn', flash) : null,
    errors,
    h('label', { for: 'api-key' }, 'API key'),
    key,
    h('p', { class: 'hint' }, 'The key is exchanged once for a session cookie that scripts cannot read; this browser does not store the key. '
      + 'The admin key of a new server is in ', h('code', { text: '<data-dir>/admin.key' }), '.'),
    h('div', { class: 'actions' }, submit),
    claimLink);
  replace(main, form);
  key.focus();
  showClaimLink(claimLink);

  async function onSubmit(event) {
    event.preventDefault();
    replace(errors);
    if (!key.value.trim()) {
      replace(errors, banner('error', 'Paste an API key (it starts with erk_).'));
      return;
    }
    submit.disabled = true;
    try {
      await signIn(key.value);
      key.value = '';
      await signedIn(query.get('next'));
    } catch (e) {
      replace(errors, errorBanner(e, 'Sign-in failed: '));
      submit.disabled = false;
      key.select();
    }
  }
}

async function showClaimLink(el) {
  el.hidden = !(await claimOffered());
}

/**
 * Whether the server redeems claim tokens. The claim route is public where it exists; the probe
 * sends a body with an unknown field, which the server rejects (400) before looking at any token.
 * A 404, or the 401 an older server gives every unknown API path, means it has no claim route.
 */
export async function claimOffered() {
  try {
    await api('POST', '/api/v1/claim', { errand_probe: true }, { quiet401: true });
    return true;
  } catch (e) {
    return !(e.status === 404 || e.status === 401 || e.status === 0);
  }
}
