// The upload box of the verification page (/verify/{id}). Without this script the form posts and the server
// answers with the whole page; with it, the answer appears in place. The file goes to the service, which
// compares its SHA-256 with every version of the document it registered; nothing is computed here.
'use strict';
(function () {
  const form = document.getElementById('comprobar-form');
  const result = document.getElementById('resultado');
  if (!form || !result) {
    document.body.dataset.ready = 'true';
    return;
  }

  function show(tone, heading, details, match) {
    const box = document.createElement('div');
    box.className = 'resultado resultado-' + tone;
    if (match) {
      box.dataset.match = match;
    }
    const title = document.createElement('p');
    title.className = 'resultado-titulo';
    title.textContent = heading;
    box.appendChild(title);
    for (const line of details) {
      const p = document.createElement('p');
      p.textContent = line;
      box.appendChild(p);
    }
    result.replaceChildren(box);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = document.getElementById('archivo');
    if (!input.files || input.files.length === 0) {
      show('alerta', 'Elija primero un archivo.', []);
      input.focus();
      return;
    }
    const button = form.querySelector('button');
    button.disabled = true;
    show('aviso', 'Comprobando…', []);
    try {
      const response = await fetch(form.action, {method: 'POST', body: new FormData(form), headers: {Accept: 'application/json'},
        credentials: 'same-origin'});
      if (response.ok) {
        const answer = await response.json();
        show(answer.tone, answer.heading, answer.details, answer.match);
      } else if (response.status === 429) {
        const wait = response.headers.get('Retry-After');
        show('alerta', 'Demasiadas comprobaciones seguidas.', ['Intente de nuevo en ' + (wait || 'unos') + ' segundos.']);
      } else if (response.status === 413) {
        show('alerta', 'El archivo es demasiado grande para comprobarlo aquí.', []);
      } else if (response.status === 404) {
        show('alerta', 'Este documento ya no está en el registro.', []);
      } else {
        show('alerta', 'No se pudo comprobar el archivo.', ['El servicio respondió ' + response.status + '. Intente de nuevo más tarde.']);
      }
    } catch (e) {
      show('alerta', 'No se pudo comprobar el archivo.', ['Revise su conexión e intente de nuevo.']);
    } finally {
      button.disabled = false;
    }
  });
  document.body.dataset.ready = 'true';
})();
