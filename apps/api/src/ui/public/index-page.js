// /ui/ — the start page: the token, and where to go.

import { sessionPanel } from './session-panel.js';

sessionPanel(document.getElementById('session'), () => {});

for (const [form, path] of [['open-person', 'persons'], ['open-cohort', 'cohorts']]) {
  document.getElementById(form).addEventListener('submit', (event) => {
    event.preventDefault();
    const id = new FormData(event.target).get('id').trim().toLowerCase();
    window.location.assign(`${path}/${encodeURIComponent(id)}`);
  });
}
