// After a start form is submitted in Tasklist, Camunda only says "started". Officers need the case's reference
// and due date, and usually its first task (Triage): this watches the start dialog's submit (Tasklist's own
// same-origin call to the engine API), then shows both in a notice that stays until closed and opens the first
// task the officer can see. It changes nothing on the server.
const SUBMIT = /\/camunda\/api\/engine\/engine\/([^/]+)\/process-definition\/[^?]*\/submit-form$/;

const ukDate = iso => new Date(iso).toLocaleDateString('en-GB', {day: 'numeric', month: 'long', year: 'numeric'});

function xsrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

async function engineGet(engine, path) {
  const answer = await fetch('/camunda/api/engine/engine/' + engine + path,
    {credentials: 'same-origin', headers: {'Accept': 'application/json', 'X-XSRF-TOKEN': xsrfToken()}});
  return answer.ok ? answer.json() : null;
}

function notice(text) {
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
    box.append(document.createElement('span'), close);
    document.body.appendChild(box);
  }
  box.firstChild.textContent = text;
}

async function logged(engine, instance) {
  if (!instance.businessKey) {
    return;
  }
  notice('Logged as ' + instance.businessKey + '.');
  const tasks = await engineGet(engine, '/task?processInstanceId=' + encodeURIComponent(instance.id));
  const first = tasks && tasks[0];
  if (first) {
    notice('Logged as ' + instance.businessKey + (first.due ? ', due ' + ukDate(first.due) : '') + '. Its first task, '
      + first.name + ', is open below.');
    window.location.hash = '#/?task=' + encodeURIComponent(first.id);
  }
}

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  const submit = method === 'POST' && SUBMIT.exec(new URL(url, window.location.href).pathname);
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
