// The data-entry page of one document type (/ui/tipo.html?tipo=<type>): the form that editor.js generates from the
// type's schema, and the buttons that check, preview, download and store what the person typed.
'use strict';
(() => {
  // The form is built after the page loads (rows in steps), so the browser's own restoring of the scroll position
  // on a reload lands late and moves the page under the pointer as a button is pressed: a reload starts at the top.
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  const type = new URLSearchParams(location.search).get('tipo');
  const $ = id => document.getElementById(id);
  const status = $('status');
  let form = null, readyResolve, readyReject;
  const changeListeners = [];

  // For drafts.js (issue 15 §3), which adds its buttons to #draft-bar: defined now, usable once ready resolves.
  window.SelloEditor = {
    type,
    ready: new Promise((resolve, reject) => { readyResolve = resolve; readyReject = reject; }),
    getData: () => form.getData(),
    setData: obj => form.setData(obj),
    built: () => form.built(), // resolves when every row of the last load is built (long lists load in steps)
    loadTimings: () => form.timings,
    onChange: cb => { if (form) form.onChange(cb); else changeListeners.push(cb); },
    timings: {}
  };

  // Amounts are shown back as the documents print them: the source Formulario N.5.B (seed 000) prints
  // 1,237,022.00, and so do the budget tables of the amendment (seed 003). A figure typed the other way is still
  // read wherever it cannot be mistaken: 1.237.022,00, 1234,5, 60'000. Only "1.234" or "1,234" alone is ambiguous,
  // and reads as the print does (one thousand two hundred thirty-four here).
  const STYLE = 'en';

  function say(text, ok) {
    status.className = 'status' + (ok ? ' ok' : '');
    Sello.text(status, text);
  }

  // What was just loaded (a spreadsheet, a JSON file, the example) stays in front of the verdict of the check that
  // the load itself starts, 400 ms later: otherwise "Planilla cargada…" vanished before a person could read it. The
  // person's next keystroke clears it.
  let loaded = '';
  function announce(text) {
    loaded = text + ' ';
    say(text, true);
  }

  async function answer(response) {
    const text = await response.text();
    try { return SelloForm.parseExact(text); } catch (e) { return {}; }
  }

  async function validate(data) {
    const response = await Sello.call('/api/v1/documents/' + type + '/validate', {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) });
    if (response.status === 401 || response.status === 403) {
      say('Inicie sesión (arriba a la derecha) para que el servicio compruebe los datos.');
      return null;
    }
    const body = await answer(response);
    window.SelloEditor.lastReport = body; // the page tests compare the figures panel with it
    if (!response.ok) return { valid: false, errors: body.errors || [{ pointer: '', message: body.detail || body.title || 'Error' }],
      mismatches: body.mismatches || [] };
    return body;
  }

  function verdict(valid, items) {
    const errors = items.filter(i => i.kind === 'error').length, rounding = items.filter(i => i.kind === 'redondeo').length;
    const prefix = loaded;
    if (valid) say(prefix + 'Los datos son válidos.' + (rounding ? ' ' + rounding + ' diferencias de redondeo.' : ''), true);
    else say(prefix + 'Los datos tienen ' + errors + (errors === 1 ? ' error' : ' errores') + ': vea la lista y las marcas junto a cada campo.');
  }

  async function problem(response) {
    loaded = '';
    const body = await answer(response);
    say((body.title || 'Error') + ': ' + (body.detail || response.status));
    if (body.errors || body.mismatches) form.show({ valid: false, errors: body.errors || [], mismatches: body.mismatches || [] });
  }

  const lenient = () => $('lenient').checked ? 'lenient=true' : '';

  async function render() {
    const query = lenient();
    const response = await Sello.call('/api/v1/documents/' + type + (query ? '?' + query : ''), {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/pdf' },
      body: JSON.stringify(form.getData()) });
    if (!response.ok) { await problem(response); return null; }
    return response.blob();
  }

  // The lists of an imported fragment put into the data: objects merged key by key, a list replaced whole.
  function replaceLists(data, fragment) {
    const merged = Object.assign({}, data);
    for (const [key, value] of Object.entries(fragment)) {
      merged[key] = Array.isArray(value) || value === null || typeof value !== 'object' ? value
        : replaceLists(data && typeof data[key] === 'object' && data[key] !== null ? data[key] : {}, value);
    }
    return merged;
  }

  // "activities (12 filas)": each list of the fragment with its rows, as the form titles it.
  function listNames(fragment, prefix = 'root') {
    const names = [];
    for (const [key, value] of Object.entries(fragment)) {
      const path = prefix + '.' + key;
      if (Array.isArray(value)) {
        const title = form.titleOf ? form.titleOf(path) : null;
        names.push((title || key) + ' (' + value.length + (value.length === 1 ? ' fila)' : ' filas)'));
      } else if (value && typeof value === 'object') names.push(...listNames(value, path));
    }
    return names;
  }

  function wire(info) {
    $('validate').onclick = () => form.checkNow();
    $('preview').onclick = async () => {
      const pdf = await render();
      if (!pdf) return;
      const frame = $('pdf');
      frame.hidden = false;
      frame.src = URL.createObjectURL(pdf);
      say('Vista previa lista (' + Math.round(pdf.size / 1024) + ' KB).', true);
    };
    $('download').onclick = async () => {
      const pdf = await render();
      if (!pdf) return;
      const link = document.createElement('a');
      link.href = URL.createObjectURL(pdf);
      link.download = type + '.pdf';
      link.id = 'download-link';
      link.hidden = true;
      document.body.appendChild(link);
      link.click();
      say('PDF descargado.', true);
    };
    $('store').onclick = async () => {
      const query = [lenient(), 'store=true'].filter(Boolean).join('&');
      const response = await Sello.call('/api/v1/documents/' + type + '?' + query, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(form.getData()) });
      if (!response.ok) { await problem(response); return; }
      const stored = await response.json();
      status.className = 'status ok';
      status.textContent = 'Guardado en el registro: ';
      const link = document.createElement('a');
      link.href = '/ui/documentos.html'; link.id = 'stored-link';
      Sello.text(link, stored.id);
      status.appendChild(link);
    };
    $('example').onclick = async () => {
      const response = await fetch('/api/v1/document-types/' + type + '/example');
      form.setData(SelloForm.parseExact(await response.text()));
      announce('Ejemplo cargado en el formulario.');
    };
    $('file').onchange = async event => {
      const file = event.target.files[0];
      if (!file) return;
      try {
        form.setData(SelloForm.parseExact(await file.text()));
        announce('Archivo cargado: ' + file.name + '.');
      } catch (e) {
        say('El archivo ' + file.name + ' no es JSON válido.');
      }
    };
    // Spreadsheets (issue 17): the template is generated from the type's schema; a filled one comes back as the
    // type's JSON, checked by the server, and fills the form. The page never reads the workbook itself.
    $('template-link').href = '/api/v1/document-types/' + encodeURIComponent(type) + '/template.xlsx';
    // Blank and fillable official forms (issue 17, point 3), for the types the listing links them for. A filled
    // fillable PDF goes up through the same input as a workbook and comes back as the type's JSON the same way; a CSV
    // file is one sheet of the template saved on its own, whose one list replaces the same list in the form.
    if (info.links && info.links.blankForm) {
      $('blank-link').href = info.links.blankForm;
      $('fillable-link').href = info.links.fillableForm;
      $('blank-forms').hidden = false;
    }
    $('sheet-file').onchange = async event => {
      const file = event.target.files[0];
      if (!file) return;
      const pdf = file.type === 'application/pdf' || /\.pdf$/i.test(file.name);
      const csv = !pdf && (file.type === 'text/csv' || /\.csv$/i.test(file.name));
      say('Leyendo ' + (pdf ? 'el formulario PDF ' : csv ? 'el archivo CSV ' : 'la planilla ') + file.name + '…', true);
      const response = await Sello.call('/api/v1/documents/' + type + '/import', {
        method: 'POST', body: file, headers: { 'Content-Type': pdf ? 'application/pdf' : csv ? 'text/csv'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } });
      event.target.value = '';
      if (!response.ok) { await problem(response); return; }
      const imported = SelloForm.parseExact(await response.text());
      if (csv) {
        form.setData(replaceLists(form.getData(), imported));
        announce('Lista cargada desde ' + file.name + ': ' + listNames(imported).join(', ') + '. El resto del formulario no cambió.');
        return;
      }
      form.setData(imported);
      announce((pdf ? 'Formulario PDF cargado en el formulario: ' : 'Planilla cargada en el formulario: ') + file.name + '.');
    };
    $('export').onclick = () => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([JSON.stringify(form.getData(), null, 2)], { type: 'application/json' }));
      link.download = type + '.json';
      link.click();
    };
  }

  (async () => {
    try {
      // The catalogue and the schema are fetched while the header asks who is signed in, not one after the other:
      // three round trips in a row were a tenth of the time to an interactive page (docs/benchmarks.md).
      const typesLoaded = fetch('/api/v1/document-types').then(r => r.json());
      const schemaLoaded = typesLoaded.then(types => {
        const found = types.find(t => t.id === type);
        return found ? fetch(found.links.schema).then(r => r.json()) : null;
      });
      const [, types] = await Promise.all([Sello.header(), typesLoaded]);
      const info = types.find(t => t.id === type);
      if (!info) { Sello.text($('title'), 'Tipo de documento desconocido'); document.body.dataset.ready = 'true'; return; }
      Sello.text($('title'), info.title);
      Sello.text($('description'), info.description);
      document.title = 'Sello · ' + info.title;
      const schema = await schemaLoaded;
      form = SelloForm.mount($('form'), {
        schema, style: STYLE, validate, status: text => say(text, true),
        report: { summary: $('summary'), summaryBox: $('summary-box'), figures: $('figures'), figuresBox: $('figures-box'), verdict }
      });
      changeListeners.forEach(cb => form.onChange(cb));
      $('form').addEventListener('input', () => { loaded = ''; });
      await form.ready;
      wire(info);
      performance.mark('sello-form-ready');
      window.SelloEditor.timings.formReady = performance.now();
      readyResolve(window.SelloEditor);
      document.body.dataset.ready = 'true'; // every control is wired: tests wait for this
    } catch (e) {
      say('No se pudo preparar el formulario: ' + e.message);
      readyReject(e);
      throw e;
    }
  })();
})();
