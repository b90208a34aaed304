// The case page's Documents section: officers drop files on the zone (or choose them with the file input inside it);
// each file goes to POST /api/requests/{reference}/documents with the session's CSRF token (csrfToken(), staff.js),
// and the list, rendered on the server, is fetched again so it reads the same with or without script.
(() => {
  const zone = document.getElementById('drop-zone');
  if (!zone) {
    return;
  }
  const input = document.getElementById('document-files');
  const progress = document.getElementById('upload-progress');
  const problems = document.getElementById('upload-problems');
  const upload = zone.dataset.upload;

  zone.hidden = false;

  // a problem+json answer in plain words: its detail, else what each named field says
  async function problemText(response, fileName) {
    let said = '';
    try {
      const problem = await response.json();
      const fields = problem.errors ? Object.values(problem.errors) : [];
      said = fields.length ? fields.join(' ') : (problem.detail || problem.message || '');
    } catch (notJson) {
      // a proxy's or the server's own page: the status says enough
    }
    if (response.status === 413 && !said) {
      said = 'The file is larger than the limit for one document.';
    }
    said = said || 'The server answered ' + response.status + '.';
    // the API's words as a sentence of their own: "Empty.pdf was not added. The file is empty."
    return fileName + ' was not added. ' + said.charAt(0).toUpperCase() + said.slice(1) + (/[.!?]$/.test(said) ? '' : '.');
  }

  function say(element, text) {
    const line = document.createElement('li');
    line.textContent = text;
    element.append(line);
  }

  async function refreshList() {
    const page = await fetch(location.pathname, {credentials: 'same-origin', headers: {Accept: 'text/html'}});
    if (!page.ok) {
      return;
    }
    const fresh = new DOMParser().parseFromString(await page.text(), 'text/html').getElementById('documents-list');
    if (fresh) {
      document.getElementById('documents-list').replaceWith(document.importNode(fresh, true));
    }
  }

  async function send(files) {
    if (!files.length) {
      return;
    }
    progress.replaceChildren();
    problems.replaceChildren();
    zone.classList.add('busy');
    let added = 0;
    for (let i = 0; i < files.length; i++) {
      const file = files[i];
      const step = document.createElement('li');
      step.textContent = 'Uploading ' + file.name + ' (' + (i + 1) + ' of ' + files.length + ')…';
      progress.append(step);
      const body = new FormData();
      body.append('file', file, file.name);
      try {
        const response = await fetch(upload, {method: 'POST', body, credentials: 'same-origin',
          headers: {'X-FOIFLOW-XSRF-TOKEN': csrfToken(), Accept: 'application/json'}});
        if (response.ok) {
          const stored = await response.json();
          step.textContent = 'Added ' + stored.fileName + (stored.pages ? ' (' + stored.pages
            + (stored.pages === 1 ? ' page)' : ' pages)') : '') + '.';
          added++;
        } else {
          step.remove();
          say(problems, await problemText(response, file.name));
        }
      } catch (offline) {
        step.remove();
        say(problems, file.name + ' was not added. The server could not be reached: check your connection and try again.');
      }
    }
    zone.classList.remove('busy');
    input.value = '';
    if (added) {
      await refreshList();
    }
  }

  input.addEventListener('change', () => send(Array.from(input.files)));
  zone.addEventListener('dragover', event => {
    event.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', event => {
    event.preventDefault();
    zone.classList.remove('over');
    send(Array.from(event.dataTransfer.files));
  });
})();
