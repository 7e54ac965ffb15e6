// Shared by the staff pages: credentials for this tab only (sessionStorage), calls to the API, messages in Spanish.
const Sello = (() => {
  const KEY = 'sello.auth';

  function auth() { return sessionStorage.getItem(KEY); }

  async function call(path, options = {}) {
    const headers = Object.assign({ 'X-Requested-With': 'sello-ui' }, options.headers || {});
    if (auth()) headers['Authorization'] = auth();
    return fetch(path, Object.assign({}, options, { headers }));
  }

  async function login(user, password) {
    sessionStorage.setItem(KEY, 'Basic ' + btoa(unescape(encodeURIComponent(user + ':' + password))));
    const response = await call('/api/v1/me');
    const me = response.ok ? await response.json() : null;
    if (!me || me.username === 'anonymous') { sessionStorage.removeItem(KEY); return null; }
    return me;
  }

  async function me() {
    if (!auth()) return null;
    const response = await call('/api/v1/me');
    return response.ok ? response.json() : null;
  }

  function logout() { sessionStorage.removeItem(KEY); location.reload(); }

  // The header bar: links, and who is signed in (or a login form).
  async function header() {
    const bar = document.querySelector('header');
    bar.innerHTML = '<a href="/ui/index.html">Sello</a><a href="/ui/index.html">Documentos</a>'
      + '<a href="/ui/documentos.html">Registro</a><a href="/ui/borradores.html">Mis borradores</a><span class="who" id="who"></span>';
    const who = document.getElementById('who');
    const current = await me();
    if (current) {
      who.textContent = current.name + ' (' + current.roles.join(', ') + ') ';
      const out = document.createElement('button');
      out.className = 'secondary'; out.id = 'logout'; out.textContent = 'Salir'; out.onclick = logout;
      who.appendChild(out);
    } else {
      who.innerHTML = '<form class="login" id="login-form"><input id="user" placeholder="usuario" autocomplete="username">'
        + '<input id="password" type="password" placeholder="contraseña" autocomplete="current-password">'
        + '<button id="login" type="submit">Entrar</button><span id="login-error"></span></form>';
      document.getElementById('login-form').onsubmit = async (event) => {
        event.preventDefault();
        const ok = await login(document.getElementById('user').value, document.getElementById('password').value);
        if (ok) location.reload(); else document.getElementById('login-error').textContent = ' Usuario o contraseña incorrectos';
      };
    }
    return current;
  }

  function text(node, value) { node.textContent = value == null ? '' : String(value); return node; }

  return { call, header, me, text };
})();
