// Claim: redeem a one-time claim token for a new API key, shown once, and sign in with it.
import { api } from '../api.js';
import { h, replace, errorBanner, banner } from '../dom.js';
import { signIn } from '../session.js';
import { signedIn } from '../router.js';
import { claimOffered } from './signin.js';

export async function render(main, { query }) {
  const errors = h('div', { id: 'claim-errors' });
  const token = h('input', { id: 'claim-token', autocomplete: 'off', spellcheck: 'false', value: query.get('token') || '' });
  const keyName = h('input', { id: 'key-name', autocomplete: 'off', value: 'web' });
  const submit = h('button', { class: 'primary', type: 'submit', id: 'claim', text: 'Claim' });
  const form = h('form', { class: 'card signin', onsubmit: onSubmit },
    h('h1', { text: 'Claim your API key' }), errors,
    h('label', { for: 'claim-token' }, 'Claim token ', h('span', { class: 'hint', text: '(from your admin; valid 15 minutes, once)' })), token,
    h('label', { for: 'key-name' }, 'Key name'), keyName,
    h('div', { class: 'actions' }, submit, h('a', { class: 'button', href: '/sign-in', text: 'I have a key' })));
  replace(main, form);
  if (!(await claimOffered())) {
    replace(main, h('div', { class: 'card signin' }, h('h1', { text: 'Claim your API key' }),
      banner('info', 'This server does not redeem claim tokens yet. Ask your admin for an API key, then ',
        h('a', { href: '/sign-in', text: 'sign in' }), '.')));
    return;
  }

  async function onSubmit(event) {
    event.preventDefault();
    replace(errors);
    submit.disabled = true;
    try {
      const answer = await api('POST', '/api/v1/claim', { token: token.value.trim(), key_name: keyName.value.trim() || 'web' }, { quiet401: true });
      showKey(answer.api_key);
    } catch (e) {
      replace(errors, errorBanner(e, 'The claim failed: '));
      submit.disabled = false;
    }
  }

  function showKey(key) {
    const status = h('div');
    replace(main, h('div', { class: 'card signin' },
      h('h1', { text: 'Your API key' }),
      banner('warn', 'This is the only time the key is shown. Copy it now (for the CLI: errand configure).'),
      h('p', { class: 'secret-once', id: 'new-key', text: key }),
      status,
      h('div', { class: 'actions' },
        h('button', { onclick: () => navigator.clipboard.writeText(key).then(() => replace(status, banner('info', 'Copied.')),
          () => replace(status, banner('error', 'The browser refused to copy; select the key and copy it by hand.'))), text: 'Copy' }),
        h('button', { class: 'primary', id: 'sign-in-with-key', onclick: async () => {
          try {
            await signIn(key);
            await signedIn('/executions');
          } catch (e) {
            replace(status, errorBanner(e, 'Sign-in failed: '));
          }
        }, text: 'Sign in with this key' }))));
  }
}
