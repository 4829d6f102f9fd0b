// The token panel every page shows: who you are (from the token's claims), or a field to paste one.

import { h, replaceChildren } from './dom.js';
import { formatRecordedAt } from './format.js';
import { currentToken, forgetToken, normaliseToken, storeToken, tokenClaims } from './session.js';

/**
 * Shows the session in `container`; calls onToken(token) once a token is there (at once when the
 * tab or the URL fragment has one). Returns `ask(message)`, to ask for a new token after a 401.
 */
export function sessionPanel(container, onToken) {
  const fromAddress = /(^|[#&])token=/.test(window.location.hash);
  let token = currentToken();

  const ask = (message, { invalid = Boolean(message) } = {}) => {
    const input = h('input', { id: 'token-input', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false', required: true, 'aria-describedby': 'token-help token-error' });
    const error = h('p', { id: 'token-error', class: 'field-error', 'aria-live': 'polite' }, message ?? '');
    const form = h(
      'form',
      { class: 'token-form', 'aria-labelledby': 'token-title' },
      h('h2', { id: 'token-title' }, 'Sign in with a token'),
      h('label', { for: 'token-input' }, 'Bearer token'),
      h('div', { class: 'token-row' }, input, h('button', { type: 'submit' }, 'Use this token')),
      h(
        'p',
        { id: 'token-help', class: 'help' },
        'Paste the token you were given (with or without "Bearer"), or open this page with #token=… at the end of its address. ',
        'It is kept in this browser tab only, and sent to the API in the Authorization header.',
      ),
      error,
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const pasted = normaliseToken(input.value);
      if (!pasted) {
        input.setAttribute('aria-invalid', 'true');
        error.textContent = 'This is not a token: a token has three parts separated by dots (header.payload.signature).';
        input.focus();
        return;
      }
      token = pasted;
      storeToken(token);
      show();
      onToken(token);
    });
    replaceChildren(container, form);
    if (invalid) input.setAttribute('aria-invalid', 'true');
    input.focus();
  };

  const show = () => {
    const claims = tokenClaims(token);
    const who = claims && claims.role ? `${claims.role}${claims.sub ? ` (${claims.sub})` : ''}` : 'a token';
    const expiry = claims && claims.expiresAt ? `, expires ${formatRecordedAt(claims.expiresAt)}` : '';
    replaceChildren(
      container,
      h(
        'div',
        { class: 'signed-in' },
        h('span', {}, 'Signed in as ', h('strong', { 'data-testid': 'role' }, who), expiry),
        h('button', { type: 'button', class: 'link-button', onclick: () => ask() }, 'Change token'),
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            onclick: () => {
              forgetToken();
              token = null;
              ask('Token forgotten.', { invalid: false });
            },
          },
          'Forget token',
        ),
      ),
    );
  };

  if (token) {
    show();
    onToken(token);
  } else {
    ask(fromAddress ? 'The token at the end of the address is not a token (header.payload.signature): paste it here.' : undefined);
  }
  return ask;
}
