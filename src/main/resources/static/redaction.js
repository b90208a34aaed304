// The redaction page (templates/redaction.html): the document's pages as images with its redactions drawn over them,
// and the officer's tools, all on the documents API (/api/requests/{reference}/documents/{id}). Areas are PDF points
// from the page's top-left corner (the API's convention); a box on the screen is placed in percentages of the page,
// so it stays put whatever size the image is shown at.
(() => {
  const main = document.getElementById('redaction');
  const api = main.dataset.api;
  const list = main.dataset.list;
  const mayEdit = main.dataset.mayEdit === 'true';
  const $ = id => document.getElementById(id);

  const KINDS = {NAME: 'Name', EMAIL: 'Email address', PHONE: 'Phone number', POSTCODE: 'Postcode',
    NI_NUMBER: 'National Insurance number'};
  const DECISIONS = {UNDECIDED: 'Not decided yet', RELEASE_IN_FULL: 'Release in full',
    RELEASE_REDACTED: 'Release with redactions', WITHHOLD: 'Withhold'};

  const state = {document: null, choices: [], editable: false, sizes: {}, suggestions: [], version: Date.now()};

  function call(path, method, json) {
    const headers = {Accept: 'application/json'};
    if (method !== 'GET') {
      headers['X-FOIFLOW-XSRF-TOKEN'] = csrfToken();
    }
    if (json !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    return fetch(path, {method, headers, credentials: 'same-origin',
      body: json === undefined ? undefined : JSON.stringify(json)});
  }

  // What a refusal (problem+json) says, field by field, in the words the API gave
  async function problems(response) {
    try {
      const problem = await response.json();
      if (problem.errors && Object.keys(problem.errors).length) {
        return problem.errors;
      }
      return {'': problem.detail || problem.message || ('The server answered ' + response.status + '.')};
    } catch (notJson) {
      return {'': 'The server answered ' + response.status + '. Try again, or reload the page.'};
    }
  }

  // Puts each problem beside its field (data-field on the .field-error paragraph), the rest in the form's own line
  function showProblems(form, found) {
    clearProblems(form);
    const general = form.querySelector('.form-error');
    let focused = false;
    for (const [field, message] of Object.entries(found)) {
      const beside = field && form.querySelector('.field-error[data-field="' + field + '"]');
      const text = sentence(field, message, form);
      if (beside) {
        beside.textContent = text;
        beside.hidden = false;
        // the API's field name, or the field its label names (the phrase box answers for "text" and "pattern")
        const label = form.querySelector('[data-label-for="' + field + '"]');
        const control = form.querySelector('[name="' + field + '"]') || (label && label.htmlFor ? $(label.htmlFor) : null);
        if (control && !focused) {
          control.setAttribute('aria-invalid', 'true');
          control.focus();
          focused = true;
        }
      } else {
        general.textContent = (general.textContent ? general.textContent + ' ' : '') + text;
        general.hidden = false;
      }
    }
  }

  // The API's words as a sentence: "is required" becomes "Word or phrase is required."; "the box is off the page"
  // becomes "The box is off the page."
  function sentence(field, message, form) {
    if (!message) {
      return message;
    }
    let said = message;
    if (field && /^(is|are|must|has|have|cannot|can't|should|needs?) /.test(message)) {
      const label = form.querySelector('[data-label-for="' + field + '"]');
      said = (label ? label.textContent.trim() : field) + ' ' + message;
    }
    said = said.charAt(0).toUpperCase() + said.slice(1);
    return /[.!?]$/.test(said) ? said : said + '.';
  }

  /** Every problem of a refusal, each as a sentence, for a line that belongs to no one field. */
  function words(found) {
    return Object.values(found).map(message => sentence('', message)).join(' ');
  }

  function clearProblems(form) {
    form.querySelectorAll('.field-error, .form-error').forEach(p => {
      p.textContent = '';
      p.hidden = true;
    });
    form.querySelectorAll('[aria-invalid]').forEach(c => c.removeAttribute('aria-invalid'));
  }

  function status(text) {
    $('status').textContent = text;
  }

  function citation(code) {
    const choice = state.choices.find(c => c.code === code);
    return choice ? choice.label : code;
  }

  // --- loading -------------------------------------------------------------------------------------------------

  async function load() {
    const [documentResponse, listResponse, pagesResponse] = await Promise.all([call(api, 'GET'), call(list, 'GET'),
      call(api + '/pages', 'GET')]);
    if (!documentResponse.ok || !listResponse.ok || !pagesResponse.ok) {
      status('The document could not be loaded. Reload the page to try again.');
      return;
    }
    state.document = await documentResponse.json();
    const listed = await listResponse.json();
    state.choices = listed.exemptionChoices || [];
    state.editable = mayEdit && listed.editable;
    (await pagesResponse.json()).pages.forEach(p => state.sizes[p.page] = p);
    fillExemptionLists();
    main.classList.toggle('editable', state.editable);
    document.querySelectorAll('.needs-editable').forEach(e => e.hidden = !state.editable);
    $('not-editable').hidden = state.editable || !mayEdit;
    // the decision reads the same for everyone; only an officer on an editable case changes it
    $('decision-form').querySelectorAll('input').forEach(input => input.disabled = !state.editable);
    render();
    if (state.editable) {
      loadSuggestions();
    }
  }

  async function reload() {
    const response = await call(api, 'GET');
    if (response.ok) {
      state.document = await response.json();
      state.version = Date.now();
      render();
    }
  }

  async function loadSuggestions() {
    const response = await call(api + '/suggestions', 'GET');
    const holder = $('suggestion-items');
    if (!response.ok) {
      holder.textContent = 'Suggestions could not be found for this document.';
      return;
    }
    state.suggestions = (await response.json()).items || [];
    renderSuggestions();
  }

  function fillExemptionLists() {
    document.querySelectorAll('select.exemption-choice').forEach(select => {
      const first = select.querySelector('option[value=""]');
      select.replaceChildren(...(first ? [first] : []));
      state.choices.forEach(choice => select.append(exemptionOption(choice)));
    });
    const boxes = $('decision-exemptions');
    boxes.replaceChildren();
    state.choices.forEach((choice, i) => {
      const wrap = document.createElement('div');
      wrap.className = 'choice';
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = 'exemptions';
      box.value = choice.code;
      box.id = 'decision-exemption-' + i;
      const label = document.createElement('label');
      label.htmlFor = box.id;
      label.textContent = choice.label + (choice.title ? ' – ' + choice.title : '');
      wrap.append(box, label);
      boxes.append(wrap);
    });
  }

  function exemptionOption(choice) {
    const option = document.createElement('option');
    option.value = choice.code;
    option.textContent = choice.label + (choice.title ? ' – ' + choice.title : '');
    return option;
  }

  // --- showing the document ------------------------------------------------------------------------------------

  function render() {
    const doc = state.document;
    $('decision-now').textContent = DECISIONS[doc.decision] || doc.decision;
    document.querySelectorAll('.page').forEach(figure => renderPage(figure, doc));
    renderRedactions(doc);
    renderDecision(doc);
    renderSuggestions();
    $('redacted-pdf').href = api + '/redacted.pdf?v=' + state.version;
  }

  function renderPage(figure, doc) {
    const number = Number(figure.dataset.page);
    const size = state.sizes[number];
    const overlay = figure.querySelector('.overlay');
    const image = figure.querySelector('img');
    const preview = $('preview-redacted').checked;
    const wanted = preview ? api + '/redacted/pages/' + number + '.png?v=' + state.version : api + '/pages/' + number + '.png';
    if (image.getAttribute('src') !== wanted) {
      image.src = wanted;
    }
    image.alt = 'Page ' + number + ' of ' + doc.fileName + (preview ? ', as released (redacted)' : '');
    overlay.replaceChildren();
    if (!size || preview) {
      return;
    }
    doc.redactions.forEach(redaction => redaction.areas.filter(area => area.page === number).forEach(area => {
      const box = document.createElement('div');
      box.className = 'mark';
      place(box, area, size);
      box.title = redaction.label + (redaction.text ? ': ' + redaction.text : ': a box');
      const label = document.createElement('span');
      label.textContent = redaction.label;
      box.append(label);
      overlay.append(box);
    }));
  }

  function place(element, area, size) {
    element.style.left = (100 * area.x / size.width) + '%';
    element.style.top = (100 * area.y / size.height) + '%';
    element.style.width = (100 * area.width / size.width) + '%';
    element.style.height = (100 * area.height / size.height) + '%';
  }

  function renderRedactions(doc) {
    const items = $('redaction-items');
    items.replaceChildren();
    $('redaction-count').textContent = doc.redactions.length === 0 ? 'No redactions yet.'
      : doc.redactions.length === 1 ? 'One redaction.' : doc.redactions.length + ' redactions.';
    doc.redactions.forEach(redaction => {
      const item = document.createElement('li');
      const what = document.createElement('span');
      const pages = [...new Set(redaction.areas.map(a => a.page))].sort((a, b) => a - b);
      const where = pages.length ? (pages.length === 1 ? 'page ' : 'pages ') + pages.join(', ') : 'no page';
      what.textContent = redaction.text
        ? '“' + redaction.text + '”, ' + redaction.count + (redaction.count === 1 ? ' match' : ' matches') + ' (' + where + ')'
        : 'A box on ' + where;
      const label = document.createElement('strong');
      label.className = 'label';
      label.textContent = redaction.label;
      item.append(label, ' ', what);
      if (redaction.addedBy) {
        item.append(' ', Object.assign(document.createElement('small'), {textContent: 'by ' + redaction.addedBy}));
      }
      if (state.editable) {
        const remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'secondary';
        remove.textContent = 'Remove';
        remove.setAttribute('aria-label', 'Remove the ' + redaction.label + ' redaction of ' + (redaction.text ? '“' + redaction.text + '”' : 'a box on ' + where));
        remove.addEventListener('click', () => removeRedaction(redaction, remove));
        item.append(' ', remove);
      }
      items.append(item);
    });
  }

  function renderDecision(doc) {
    const form = $('decision-form');
    // the exemptions this document already uses come first in the (long) list
    const used = new Set([...(doc.exemptions || []), ...doc.redactions.map(r => r.exemption)]);
    const boxes = $('decision-exemptions');
    Array.from(boxes.children).filter(choice => used.has(choice.querySelector('input').value)).reverse()
      .forEach(choice => boxes.prepend(choice));
    form.querySelectorAll('input[name="decision"]').forEach(r => r.checked = r.value === doc.decision);
    form.querySelectorAll('input[name="exemptions"]').forEach(b => b.checked = (doc.exemptions || []).includes(b.value));
    // someone who only reads the decision sees the exemptions it names, not the whole catalogue
    form.querySelectorAll('#decision-exemptions .choice').forEach(choice =>
      choice.hidden = !state.editable && !choice.querySelector('input').checked);
    $('decision-no-exemptions').hidden = state.editable || (doc.exemptions || []).length > 0;
  }

  function renderSuggestions() {
    const holder = $('suggestion-items');
    if (!state.editable) {
      return;
    }
    holder.replaceChildren();
    if (!state.suggestions.length) {
      holder.textContent = 'No personal data was found in this document.';
      return;
    }
    const redacted = new Set((state.document ? state.document.redactions : [])
      .filter(r => r.text).map(r => r.text.toLowerCase()));
    const personal = state.choices.find(c => c.code === 's40-2') || state.choices.find(c => c.code === 's40');
    const items = document.createElement('ul');
    state.suggestions.forEach((suggestion, i) => {
      const item = document.createElement('li');
      item.className = 'suggestion';
      const what = document.createElement('span');
      what.textContent = (KINDS[suggestion.kind] || suggestion.kind) + ': “' + suggestion.text + '” ('
        + suggestion.count + (suggestion.count === 1 ? ' match)' : ' matches)');
      item.append(what);
      if (redacted.has(suggestion.text.toLowerCase())) {
        item.append(' ', Object.assign(document.createElement('em'), {textContent: 'Redacted'}));
      } else {
        const select = document.createElement('select');
        select.id = 'suggestion-exemption-' + i;
        select.className = 'exemption-choice';
        select.append(Object.assign(document.createElement('option'), {value: '', textContent: 'Choose an exemption'}));
        state.choices.forEach(choice => select.append(exemptionOption(choice)));
        if (personal) {
          select.value = personal.code;
        }
        const label = document.createElement('label');
        label.htmlFor = select.id;
        label.className = 'visually-hidden';
        label.textContent = 'Exemption for “' + suggestion.text + '”';
        const button = document.createElement('button');
        button.type = 'button';
        button.textContent = 'Redact all';
        button.setAttribute('aria-label', 'Redact all of “' + suggestion.text + '”');
        const error = document.createElement('p');
        error.className = 'field-error';
        error.hidden = true;
        button.addEventListener('click', () => redactSuggestion(suggestion, select, button, error));
        item.append(' ', label, select, ' ', button, error);
      }
      items.append(item);
    });
    holder.append(items);
  }

  // --- changing it ---------------------------------------------------------------------------------------------

  async function addRedaction(body) {
    const response = await call(api + '/redactions', 'POST', body);
    if (!response.ok) {
      return {problems: await problems(response)};
    }
    const redaction = await response.json();
    await reload();
    return {redaction};
  }

  function counted(redaction) {
    return redaction.count + (redaction.count === 1 ? ' match' : ' matches');
  }

  async function redactSuggestion(suggestion, select, button, error) {
    error.hidden = true;
    if (!select.value) {
      error.textContent = 'Choose the exemption that applies to “' + suggestion.text + '”.';
      error.hidden = false;
      select.focus();
      return;
    }
    button.disabled = true;
    const result = await addRedaction({text: suggestion.text, exemption: select.value});
    button.disabled = false;
    if (result.problems) {
      error.textContent = words(result.problems);
      error.hidden = false;
      return;
    }
    status('Redacted ' + counted(result.redaction) + ' of “' + suggestion.text + '” under ' + result.redaction.label + '.');
  }

  async function removeRedaction(redaction, button) {
    button.disabled = true;
    const response = await call(api + '/redactions/' + encodeURIComponent(redaction.id), 'DELETE');
    if (!response.ok) {
      button.disabled = false;
      status('The redaction was not removed: ' + words(await problems(response)));
      return;
    }
    await reload();
    status('Removed the ' + redaction.label + ' redaction.');
    $('redactions').focus();
  }

  $('find-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    clearProblems(form);
    $('find-result').textContent = '';
    const phrase = form.elements.phrase.value;
    const pattern = form.elements.pattern.checked;
    const exemption = form.elements.exemption.value;
    const missing = {};
    if (!phrase.trim()) {
      missing[pattern ? 'pattern' : 'text'] = pattern ? 'Type the pattern to find.' : 'Type the word or phrase to find.';
    }
    if (!exemption) {
      missing.exemption = 'Choose the exemption that applies.';
    }
    if (Object.keys(missing).length) {
      showProblems(form, missing);
      return;
    }
    const result = await addRedaction(pattern ? {pattern: phrase, exemption} : {text: phrase, exemption});
    if (result.problems) {
      showProblems(form, result.problems);
      return;
    }
    const said = 'Redacted ' + counted(result.redaction) + ' of “' + phrase + '” under ' + result.redaction.label + '.';
    $('find-result').textContent = said;
    status(said);
    form.elements.phrase.value = '';
  });

  $('area-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    clearProblems(form);
    const body = {exemption: $('box-exemption').value};
    for (const name of ['page', 'x', 'y', 'width', 'height']) {
      body[name] = form.elements[name].value === '' ? null : Number(form.elements[name].value);
    }
    if (!body.exemption) {
      showProblems(form, {exemption: 'Choose the exemption that applies, above.'});
      return;
    }
    const result = await addRedaction(body);
    if (result.problems) {
      showProblems(form, result.problems);
      return;
    }
    status('Redacted the area on page ' + body.page + ' under ' + result.redaction.label + '.');
  });

  $('decision-form').addEventListener('submit', async event => {
    event.preventDefault();
    const form = event.target;
    clearProblems(form);
    $('decision-result').textContent = '';
    const chosen = form.querySelector('input[name="decision"]:checked');
    if (!chosen) {
      showProblems(form, {decision: 'Choose whether the document is released in full, released with redactions or withheld.'});
      return;
    }
    const exemptions = Array.from(form.querySelectorAll('input[name="exemptions"]:checked')).map(b => b.value);
    const response = await call(api + '/decision', 'PUT', {decision: chosen.value, exemptions});
    if (!response.ok) {
      showProblems(form, await problems(response));
      return;
    }
    state.document = await response.json();
    state.version = Date.now();
    render();
    const said = 'Decision saved: ' + DECISIONS[state.document.decision] + '.';
    $('decision-result').textContent = said;
    status(said);
  });

  $('preview-redacted').addEventListener('change', () => render());

  $('remove-document-button').addEventListener('click', async event => {
    const error = $('remove-document-error');
    error.hidden = true;
    if (!window.confirm('Remove ' + state.document.fileName + ' and its redactions from the case?')) {
      return;
    }
    event.target.disabled = true;
    const response = await call(api, 'DELETE');
    if (!response.ok) {
      event.target.disabled = false;
      error.textContent = 'The document was not removed: ' + words(await problems(response));
      error.hidden = false;
      return;
    }
    location.assign(main.dataset.casePage + '#documents');
  });

  // --- drawing a box with the mouse --------------------------------------------------------------------------

  let drawing = null;

  document.querySelectorAll('.page .overlay').forEach(overlay => overlay.addEventListener('mousedown', event => {
    if (!state.editable || event.button !== 0 || $('preview-redacted').checked) {
      return;
    }
    event.preventDefault();
    const exemption = $('box-exemption');
    if (!exemption.value) {
      $('box-error').textContent = 'Choose the exemption for the box before drawing it.';
      $('box-error').hidden = false;
      exemption.focus();
      return;
    }
    $('box-error').hidden = true;
    const bounds = overlay.getBoundingClientRect();
    const rubber = document.createElement('div');
    rubber.className = 'mark drawing';
    overlay.append(rubber);
    drawing = {overlay, bounds, rubber, x0: event.clientX - bounds.left, y0: event.clientY - bounds.top};
    stretch(event);
  }));

  function stretch(event) {
    const {bounds, rubber, x0, y0} = drawing;
    const x1 = Math.min(Math.max(event.clientX - bounds.left, 0), bounds.width);
    const y1 = Math.min(Math.max(event.clientY - bounds.top, 0), bounds.height);
    drawing.box = {left: Math.min(x0, x1), top: Math.min(y0, y1), width: Math.abs(x1 - x0), height: Math.abs(y1 - y0)};
    rubber.style.left = drawing.box.left + 'px';
    rubber.style.top = drawing.box.top + 'px';
    rubber.style.width = drawing.box.width + 'px';
    rubber.style.height = drawing.box.height + 'px';
  }

  window.addEventListener('mousemove', event => {
    if (drawing) {
      stretch(event);
    }
  });

  window.addEventListener('mouseup', async event => {
    if (!drawing) {
      return;
    }
    stretch(event);
    const {overlay, bounds, rubber, box} = drawing;
    drawing = null;
    if (box.width < 3 || box.height < 3) {
      rubber.remove();
      return;
    }
    const page = Number(overlay.closest('.page').dataset.page);
    const size = state.sizes[page];
    // screen pixels to PDF points from the top-left: the page is shown whole, so one scale per axis
    const sx = size.width / bounds.width;
    const sy = size.height / bounds.height;
    const area = {page, x: round(box.left * sx), y: round(box.top * sy), width: round(box.width * sx),
      height: round(box.height * sy)};
    const form = $('area-form');
    Object.entries(area).forEach(([name, value]) => form.elements[name].value = value);
    const result = await addRedaction({...area, exemption: $('box-exemption').value});
    rubber.remove();
    if (result.problems) {
      $('box-error').textContent = 'The box was not added: ' + words(result.problems);
      $('box-error').hidden = false;
      return;
    }
    status('Redacted the box on page ' + page + ' under ' + result.redaction.label + '.');
  });

  function round(points) {
    return Math.round(points * 10) / 10;
  }

  load();
})();
