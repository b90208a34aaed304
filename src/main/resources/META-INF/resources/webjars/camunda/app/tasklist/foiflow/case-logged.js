// After a start form is submitted in Tasklist, Camunda only says "started". Officers need the case's reference
// and due date, and usually its first task (Triage): this watches the start dialog's submit (Tasklist's own
// same-origin call to the engine API), then shows both in a notice that stays until closed, with a link that
// opens the first task the officer can see. When a rule refuses a form (start or task), Tasklist shows the server's plain message
// at the top of the page, out of sight; this also puts each field's refusal beside the field. It changes nothing
// on the server. And it words form-js's date pattern error in plain English.
const SUBMIT = /\/camunda\/api\/engine\/engine\/([^/]+)\/process-definition\/[^?]*\/submit-form$/;
const ANY_SUBMIT = /\/camunda\/api\/engine\/engine\/[^/]+\/(process-definition|task)\/[^?]*\/submit-form$/;

/** Each refused field's words beside it; our forms' field ids are Field_{key}_{n}, which form-js prefixes. */
function besideTheFields(errors) {
  document.querySelectorAll('.foiflow-refusal').forEach(old => old.remove());
  let first = null;
  Object.entries(errors || {}).forEach(([key, problem]) => {
    const input = document.querySelector('.fjs-form [id*="-Field_' + key + '_"]');
    const field = input && input.closest('.fjs-form-field');
    if (field) {
      const said = document.createElement('div');
      said.className = 'fjs-form-field-error foiflow-refusal';
      said.setAttribute('role', 'alert');
      // the shape form-js gives its own errors, so it looks the same
      const item = document.createElement('li');
      item.textContent = problem.charAt(0).toUpperCase() + problem.slice(1) + '.';
      said.appendChild(document.createElement('ul')).appendChild(item);
      field.appendChild(said);
      first = first || field;
    }
  });
  if (first) {
    first.scrollIntoView({block: 'center'});
  }
}

// A field's refusal goes once the officer changes that field, so what is still shown is what is still wrong.
document.addEventListener('input', event => {
  const field = event.target.closest && event.target.closest('.fjs-form-field');
  if (field) {
    field.querySelectorAll('.foiflow-refusal').forEach(old => old.remove());
  }
}, true);

const ukDate = iso => new Date(iso).toLocaleDateString('en-GB',
  {day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London'});

function xsrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function engineGet(engine, path) {
  const answer = await fetch('/camunda/api/engine/engine/' + engine + path,
    {credentials: 'same-origin', headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': xsrfToken()}});
  return answer.ok ? answer.json() : null;
}

function notice(text, task) {
  let box = document.getElementById('foiflow-case-logged');
  if (!box) {
    box = document.createElement('div');
    box.id = 'foiflow-case-logged';
    box.setAttribute('role', 'status');
    box.className = 'alert alert-success';
    box.style.cssText = 'position:fixed;top:60px;left:50%;transform:translateX(-50%);z-index:2000;'
      + 'font-size:16px;box-shadow:0 2px 8px rgba(0,0,0,.3)';
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'close';
    close.textContent = '\u00d7';
    close.setAttribute('aria-label', 'Close');
    close.style.marginLeft = '16px';
    close.addEventListener('click', () => box.remove());
    const open = document.createElement('a');
    open.style.marginLeft = '8px';
    open.addEventListener('click', () => box.remove());
    box.append(document.createElement('span'), open, close);
  }
  document.body.appendChild(box);
  box.firstChild.textContent = text;
  const open = box.children[1];
  open.textContent = task ? 'Open ' + task.name : '';
  open.href = task ? '#/?task=' + encodeURIComponent(task.id) : '';
}

async function logged(engine, instance) {
  if (!instance.businessKey) {
    return;
  }
  notice('Logged as ' + instance.businessKey + '.');
  const tasks = await engineGet(engine, '/task?processInstanceId=' + encodeURIComponent(instance.id));
  const first = tasks && tasks[0];
  if (first) {
    // a link, not a jump: the officer may want to log the next request first
    notice('Logged as ' + instance.businessKey + (first.due ? ', due ' + ukDate(first.due) : '') + '.', first);
  }
}

// form-js words a mismatched pattern with the pattern itself ("Field must match pattern ^\s*\d{1,2}/..."); the
// only patterns in our forms are dates typed day first, so say that instead
const DATE_PATTERN_WORDS = 'Enter the date day first, as DD/MM/YYYY: for example 14/05/2026.';
new MutationObserver(() => {
  document.querySelectorAll('.fjs-form-field-error li').forEach(item => {
    if (item.textContent.startsWith('Field must match pattern')) {
      item.textContent = DATE_PATTERN_WORDS;
    }
  });
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const path = new URL(url, window.location.href).pathname;
  const submit = method === 'POST' && SUBMIT.exec(path);
  if (method === 'POST' && ANY_SUBMIT.test(path)) {
    this.addEventListener('load', () => {
      try {
        besideTheFields(this.status === 400 ? JSON.parse(this.responseText).errors : {});
      } catch (notJson) {
        // no fields to point at
      }
    });
  }
  if (submit) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        try {
          logged(decodeURIComponent(submit[1]), JSON.parse(this.responseText));
        } catch (notJson) {
          // not a started instance: nothing to say
        }
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

export default [];
