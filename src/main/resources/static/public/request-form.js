// The public pages' one script, an external module (their Content-Security-Policy allows no inline script):
// tells govuk-frontend's CSS that its JavaScript runs, then starts its components (error summary focus,
// character count). The pages work without it.
import { initAll } from '/webjars/govuk-frontend/5.14.0/dist/govuk/govuk-frontend.min.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');
initAll();
