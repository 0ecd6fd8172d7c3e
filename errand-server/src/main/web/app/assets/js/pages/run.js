// The run form: a command (pages/run-command.js) or a playbook (pages/run-playbook.js), chosen at
// the top. Either way the page ends with one create-execution request and opens the execution's
// live log. The playbook choice shows only when the role may render playbooks.
import { api } from '../api.js';
import { h, replace, errorBanner, banner } from '../dom.js';
import { can, may } from '../session.js';
import { navigate } from '../router.js';
import { commandFields } from './run-command.js';
import { playbookFields } from './run-playbook.js';

export async function render(main, ctx) {
  if (!may.run()) {
    replace(main, h('h1', { text: 'Run a command' }), banner('info', 'Your role can read executions but not start them.'));
    return null;
  }
  const errors = h('div', { id: 'run-errors' });
  const command = await commandFields();
  const playbook = can('playbook.render') ? playbookFields() : null;
  const submit = h('button', { class: 'primary', type: 'submit', id: 'run', text: 'Run' });
  const choice = playbook ? modeChoice() : null;

  replace(main, h('form', { class: 'form', id: 'run-form', onsubmit: onSubmit },
    h('h1', { text: playbook ? 'Run' : 'Run a command' }),
    choice ? choice.el : null,
    errors,
    command.el,
    playbook ? playbook.el : null,
    h('div', { class: 'actions' }, submit, h('a', { class: 'button', href: '/executions', text: 'Cancel' }))));
  show(choice && ctx.query.get('mode') === 'playbook' ? 'playbook' : 'command');
  command.command.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.target.form.requestSubmit();
  });

  // Command / Playbook, as radio buttons; the choice is kept in the address (?mode=playbook).
  function modeChoice() {
    const radio = (value, text) => h('label', { class: 'check' },
      h('input', { type: 'radio', name: 'mode', id: 'mode-' + value, value, onchange: () => show(value, true) }), text);
    return { el: h('div', { class: 'modes', role: 'radiogroup', 'aria-label': 'What to run' },
      radio('command', 'Command'), radio('playbook', 'Playbook')) };
  }

  function show(mode, chosen = false) {
    if (choice) choice.el.querySelector('#mode-' + mode).checked = true;
    command.el.hidden = mode !== 'command';
    if (playbook) playbook.el.hidden = mode !== 'playbook';
    replace(errors);
    if (chosen) history.replaceState(null, '', mode === 'playbook' ? '/run?mode=playbook' : '/run');
    if (mode === 'command') command.command.focus();
  }

  async function onSubmit(event) {
    event.preventDefault();
    replace(errors);
    submit.disabled = true;
    try {
      let body;
      if (playbook && !playbook.el.hidden) {
        body = await playbook.request(); // null: the playbook section shows why
      } else {
        const { body: b, problems } = command.request();
        if (problems.length) replace(errors, banner('error', problems.join(' ')));
        body = problems.length ? null : b;
      }
      if (!body) return;
      const execution = await api('POST', '/api/v1/executions', body);
      navigate('/executions/' + execution.id);
    } catch (e) {
      replace(errors, errorBanner(e, 'The server refused the run: '));
    } finally {
      submit.disabled = false;
    }
  }
}
