// Shared by the staff pages: calls to the API with the session cookie and its CSRF token, who is signed in,
// messages in Spanish. Signing in happens on /login (a session cookie, HttpOnly: no credentials in the page).
const Sello = (() => {
  const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

  // The CSRF token the server put in the XSRF-TOKEN cookie; a state-changing call sends it back as a header.
  function csrfToken() {
    const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
    return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : null;
  }

  async function call(path, options = {}) {
    // Accept-Language: es makes the server's messages (errors, warnings, problems) Spanish; a caller's own wins.
    const headers = Object.assign({ 'X-Requested-With': 'sello-ui', 'Accept-Language': 'es' }, options.headers || {});
    const method = (options.method || 'GET').toUpperCase();
    if (UNSAFE.has(method)) {
      if (!csrfToken()) await fetch('/api/v1/me', { headers: { 'X-Requested-With': 'sello-ui' }, credentials: 'same-origin' });
      const token = csrfToken();
      if (token) headers['X-XSRF-TOKEN'] = token;
    }
    return fetch(path, Object.assign({ credentials: 'same-origin' }, options, { headers }));
  }

  async function me() {
    const response = await call('/api/v1/me');
    const current = response.ok ? await response.json() : null;
    return current && current.username !== 'anonymous' ? current : null;
  }

  // Sign-out is a POST with the CSRF token (a link could be triggered by another site); then the home page.
  async function logout() {
    await call('/logout', { method: 'POST' });
    location.href = '/';
  }

  // The login page, coming back here afterwards.
  function loginUrl() {
    return '/login?continue=' + encodeURIComponent(location.pathname + location.search);
  }

  // The header bar: links, and who is signed in (or the way to the login page).
  async function header() {
    const bar = document.querySelector('header');
    bar.innerHTML = '<a href="/ui/index.html">Sello</a><a href="/ui/index.html">Documentos</a>'
      + '<a href="/ui/documentos.html">Registro</a><a href="/ui/borradores.html">Mis borradores</a><span class="who" id="who"></span>';
    const who = document.getElementById('who');
    const current = await me();
    if (current) {
      who.textContent = current.name + ' (' + current.roles.join(', ') + ') ';
      const out = document.createElement('button');
      out.type = 'button'; out.className = 'secondary'; out.id = 'logout'; out.textContent = 'Salir'; out.onclick = logout;
      who.appendChild(out);
    } else {
      const link = document.createElement('a');
      link.id = 'login-link'; link.href = loginUrl(); link.textContent = 'Entrar';
      who.appendChild(link);
    }
    return current;
  }

  function text(node, value) { node.textContent = value == null ? '' : String(value); return node; }

  return { call, header, me, text, loginUrl };
})();
