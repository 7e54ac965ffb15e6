// The draft bar of the data-entry page (issue 15, point 3): "Guardar borrador", "Emitir", and what was
// typed kept in this browser (localStorage) until it is saved, so a dropped connection loses nothing.
// It needs the page's editor, window.SelloEditor = { type, getData(), setData(obj), onChange(cb), ready },
// and an empty <div id="draft-bar">; without them it does nothing. Calls go through Sello.call (sello.js),
// which carries the sign-in. The data is passed through as the editor gives it: this file computes nothing.
(() => {
  const LOCAL_PREFIX = 'sello.borrador.';

  function start() {
    const bar = document.getElementById('draft-bar');
    const editor = window.SelloEditor;
    if (!bar || !editor || bar.dataset.wired) return;
    bar.dataset.wired = 'true';
    wire(bar, editor).catch(error => {
      console.error(error);
      bar.dataset.ready = 'true';
    });
  }

  function pad(n) { return String(n).padStart(2, '0'); }
  function clock(date) { return pad(date.getHours()) + ':' + pad(date.getMinutes()); }
  function day(date) { return pad(date.getDate()) + '/' + pad(date.getMonth() + 1) + '/' + date.getFullYear(); }

  function element(tag, attributes, text) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, value);
    if (text != null) node.textContent = text;
    return node;
  }

  async function wire(bar, editor) {
    const params = new URLSearchParams(location.search);
    const type = editor.type;
    const from = params.get('desde');           // documento:<id> or borrador:<id>: a new, unsaved document
    let draft = null;                            // { id, version, title, updatedAt } once saved
    let savedJson = null;                        // the data as last saved or opened, to tell what was typed since

    if (!document.querySelector('link[href="drafts.css"]')) {
      document.head.appendChild(element('link', { rel: 'stylesheet', href: 'drafts.css' }));
    }
    bar.className = 'draft-bar card';
    const titleLabel = element('label', { for: 'draft-title' }, 'Título del borrador ');
    const title = element('input', { id: 'draft-title', type: 'text', maxlength: '200', autocomplete: 'off' });
    titleLabel.appendChild(title);
    const save = element('button', { id: 'draft-save', type: 'button' }, 'Guardar borrador');
    const issue = element('button', { id: 'draft-issue', type: 'button' }, 'Emitir');
    const status = element('p', { id: 'draft-status', class: 'status', role: 'status', 'aria-live': 'polite' });
    const notice = element('div', { id: 'draft-notice', role: 'alert' });
    const result = element('p', { id: 'draft-result' });
    const errors = element('ul', { id: 'draft-errors', class: 'errors' });
    const mine = element('a', { href: '/ui/borradores.html', id: 'draft-list-link' }, 'Mis borradores');
    bar.append(titleLabel, save, issue, mine, status, notice, result, errors);

    const localKey = () => LOCAL_PREFIX + type + '.' + (draft ? draft.id : 'nuevo' + (from ? '.' + from : ''));
    const current = () => { try { return editor.getData(); } catch (e) { return undefined; } };

    function say(text, ok) { status.className = 'status' + (ok ? ' ok' : ''); status.textContent = text; }
    function clearNotice() { notice.replaceChildren(); notice.className = ''; }
    function showNotice(text, buttons) {
      clearNotice();
      notice.className = 'draft-notice';
      notice.appendChild(element('p', {}, text));
      for (const [id, label, action] of buttons) {
        const button = element('button', { id, type: 'button', class: 'secondary' }, label);
        button.onclick = action;
        notice.appendChild(button);
      }
    }
    function listErrors(problem) {
      errors.replaceChildren();
      for (const e of problem.errors || []) errors.appendChild(element('li', {}, e.pointer + ': ' + e.message));
      for (const m of problem.mismatches || []) {
        errors.appendChild(element('li', {}, (m.pointer || '') + ': declarado ' + m.declared + ', calculado ' + m.computed));
      }
    }
    function keepLocally() {
      const data = current();
      if (data === undefined) return;
      const json = JSON.stringify(data);
      if (json === savedJson && (!draft || title.value === draft.title)) { localStorage.removeItem(localKey()); return; }
      localStorage.setItem(localKey(), JSON.stringify({ changedAt: Date.now(), title: title.value, data }));
      say('Cambios sin guardar (se conservan en este navegador).');
    }
    // savedJson is read back from the editor: an editor may add its defaults to what it is given, which is no change.
    function loaded(data, draftTitle) {
      editor.setData(data);
      const shown = current();
      savedJson = JSON.stringify(shown === undefined ? data : shown);
      title.value = draftTitle || '';
    }
    function adopt(saved) {
      const before = localKey();
      draft = { id: saved.id, version: saved.version, title: saved.title, updatedAt: saved.updatedAt };
      localStorage.removeItem(before);
      localStorage.removeItem(localKey());
      if (params.get('borrador') !== saved.id) {
        const url = new URL(location.href);
        url.searchParams.delete('desde');
        url.searchParams.set('borrador', saved.id);
        history.replaceState(null, '', url);
      }
    }
    async function answer(response) { return response.json().catch(() => ({})); }

    // Save as a new draft: the first save, and the way out of a conflict that keeps both versions.
    async function create(data, draftTitle) {
      const response = await Sello.call('/api/v1/drafts', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ type, title: draftTitle, data }) });
      const body = await answer(response);
      if (!response.ok) { say(body.detail || 'No se pudo guardar el borrador.'); listErrors(body); return null; }
      return body;
    }

    async function saveDraft() {
      const data = current();
      if (data === undefined) { say('Los datos no se pueden leer todavía: corríjalos antes de guardar.'); return false; }
      errors.replaceChildren();
      let response;
      try {
        response = draft
          ? await Sello.call('/api/v1/drafts/' + draft.id, { method: 'PUT', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ version: draft.version, title: title.value, data }) })
          : await Sello.call('/api/v1/drafts', { method: 'POST', headers: { 'Content-Type': 'application/json' },
              body: JSON.stringify({ type, title: title.value, data }) });
      } catch (offline) {
        keepLocally();
        say('Sin conexión: sus cambios se conservan en este navegador; vuelva a guardar cuando se restablezca.');
        return false;
      }
      const body = await answer(response);
      if (response.status === 409 && body.current) { conflict(body, data); return false; }
      if (response.status === 401) { keepLocally(); say('Entre con su usuario para guardar: sus cambios se conservan en este navegador.'); return false; }
      if (!response.ok) { say(body.detail || 'No se pudo guardar el borrador.'); listErrors(body); return false; }
      savedJson = JSON.stringify(data);
      adopt(body);
      clearNotice();
      say('Guardado a las ' + clock(new Date()), true);
      return true;
    }

    // Another tab or person saved first: theirs stays stored, ours stays on screen until the person chooses.
    function conflict(problem, mineData) {
      const theirs = problem.current;
      say('No se guardó: hay una versión más reciente.');
      showNotice(problem.detail, [
        ['draft-save-copy', 'Guardar el mío como copia', async () => {
          const copy = await create(mineData, 'Copia de ' + (title.value || theirs.title || 'borrador'));
          if (!copy) return;
          savedJson = JSON.stringify(mineData);
          title.value = copy.title;
          adopt(copy);
          clearNotice();
          say('Guardado como copia a las ' + clock(new Date()) + '. La otra versión sigue en Mis borradores.', true);
        }],
        ['draft-open-theirs', 'Abrir la versión guardada', () => {
          loaded(JSON.parse(JSON.stringify(theirs.data)), theirs.title);
          adopt(theirs);
          clearNotice();
          say('Se abrió la versión guardada a las ' + clock(new Date(theirs.updatedAt)) + '.', true);
        }]]);
    }

    // One issue at a time, and the page always ends it with a message: a dropped connection must not leave
    // "Emitiendo…" on screen for ever. data-issuing tells tests (and styles) when the answer is in.
    async function issueDraft() {
      if (bar.dataset.issuing === 'true') return;
      bar.dataset.issuing = 'true';
      issue.disabled = true;
      try {
        await issueNow();
      } catch (offline) {
        say('Sin conexión con el servicio: no se pudo emitir. El borrador se conserva; vuelva a intentarlo.');
      } finally {
        issue.disabled = false;
        bar.dataset.issuing = 'false';
      }
    }

    async function issueNow() {
      result.replaceChildren();
      const dirty = !draft || JSON.stringify(current()) !== savedJson || title.value !== draft.title;
      if (dirty && !(await saveDraft())) return;
      const lenient = document.getElementById('lenient');
      say('Emitiendo…');
      const response = await Sello.call('/api/v1/drafts/' + draft.id + '/issue' + (lenient && lenient.checked ? '?lenient=true' : ''),
        { method: 'POST' });
      const body = await answer(response);
      if (!response.ok) {
        say((body.detail || 'No se pudo emitir el documento.') + ' El borrador se conserva.');
        listErrors(body);
        if (typeof editor.showProblem === 'function') editor.showProblem(body);
        return;
      }
      localStorage.removeItem(localKey());
      draft = null;
      savedJson = JSON.stringify(current());
      const url = new URL(location.href);
      url.searchParams.delete('borrador');
      url.searchParams.delete('desde');
      history.replaceState(null, '', url);
      say('Documento emitido y guardado en el registro.', true);
      const registry = element('a', { href: '/ui/documentos.html#doc-' + body.id, id: 'issued-link' }, 'Ver en el registro');
      const pdf = element('a', { href: body.links.pdf, id: 'issued-pdf' }, 'Descargar el PDF');
      pdf.onclick = async (event) => {
        event.preventDefault();
        const file = await (await Sello.call(body.links.pdf)).blob();
        const link = element('a', { href: URL.createObjectURL(file), download: body.fileName });
        document.body.appendChild(link);
        link.click();
        link.remove();
      };
      result.append(registry, document.createTextNode(' · '), pdf);
    }

    save.onclick = () => saveDraft();
    issue.onclick = () => issueDraft();
    title.addEventListener('input', keepLocally);

    await editor.ready;
    // What to open: a draft, a copy of a stored document or of a draft, or a blank page.
    const borrador = params.get('borrador');
    let serverTime = 0;
    if (borrador) {
      const response = await Sello.call('/api/v1/drafts/' + encodeURIComponent(borrador));
      const body = await answer(response);
      if (response.ok && body.type === type) {
        loaded(body.data, body.title);
        draft = { id: body.id, version: body.version, title: body.title, updatedAt: body.updatedAt };
        serverTime = Date.parse(body.updatedAt);
        const saved = new Date(body.updatedAt);
        say('Borrador guardado el ' + day(saved) + ' a las ' + clock(saved) + '.', true);
      } else if (response.status === 401) {
        say('Entre con su usuario para abrir sus borradores.');
      } else {
        say('No se encontró ese borrador entre los suyos.');
      }
    } else if (from && /^(documento|borrador):[0-9a-fA-F-]{36}$/.test(from)) {
      const [kind, id] = from.split(':');
      if (kind === 'documento') {
        const response = await Sello.call('/api/v1/documents/' + id + '/data');
        const record = await Sello.call('/api/v1/documents/' + id);
        if (response.ok) {
          const info = record.ok ? await record.json() : {};
          loaded(await response.json(), 'Copia de ' + (info.fileName || 'documento ' + id.substring(0, 8)));
          say('Nuevo documento a partir de ' + (info.fileName || 'un documento del registro') + '. Aún no está guardado.');
        } else {
          say('No se pudo leer el documento de origen.');
        }
      } else {
        const response = await Sello.call('/api/v1/drafts/' + id);
        const body = await answer(response);
        if (response.ok) {
          loaded(body.data, 'Copia de ' + (body.title || 'borrador'));
          say('Nuevo documento a partir del borrador «' + (body.title || 'sin título') + '». Aún no está guardado.');
        } else {
          say('No se encontró el borrador de origen.');
        }
      }
    }

    if (savedJson === null && current() !== undefined) savedJson = JSON.stringify(current()); // a blank page, as opened

    // Typed here but never saved (a dropped connection, a closed tab): offered back when newer than the draft.
    const kept = JSON.parse(localStorage.getItem(localKey()) || 'null');
    if (kept && kept.changedAt > serverTime && JSON.stringify(kept.data) !== savedJson) {
      const restoredFrom = { data: current(), title: title.value };
      editor.setData(kept.data);
      title.value = kept.title || title.value;
      const at = new Date(kept.changedAt);
      say('Hay cambios sin guardar, recuperados de este navegador.');
      showNotice('Se recuperaron cambios no guardados (del ' + day(at) + ' a las ' + clock(at) + '). Guárdelos para no perderlos.', [
        ['draft-discard-local', 'Descartar los cambios recuperados', () => {
          localStorage.removeItem(localKey());
          if (restoredFrom.data !== undefined) editor.setData(restoredFrom.data);
          title.value = restoredFrom.title;
          clearNotice();
          say('Se descartaron los cambios recuperados.');
        }]]);
    }

    editor.onChange(keepLocally);
    bar.dataset.ready = 'true'; // tests wait for this, as for the page's own data-ready
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();
