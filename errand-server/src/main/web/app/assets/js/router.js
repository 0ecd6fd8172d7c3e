// History-API navigation: links inside the app change the page without reloading it.

let renderCurrent = () => {};
let afterSignIn = () => {};
let flash = null;

export function setRenderer(render, onSignedIn) {
  renderCurrent = render;
  afterSignIn = onSignedIn;
}

/** Called once a session exists (sign-in, claim): refreshes what the role may see, goes to next. */
export function signedIn(next) {
  return afterSignIn(next);
}

/** Goes to an app path (pathname + search). */
export function navigate(path, { replace = false } = {}) {
  if (path === location.pathname + location.search) {
    if (!replace) history.replaceState(null, '', path);
  } else if (replace) {
    history.replaceState(null, '', path);
  } else {
    history.pushState(null, '', path);
  }
  return renderCurrent();
}

/** A message for the next page to show once (why the user was signed out, say). */
export function setFlash(message) {
  flash = message;
}

export function takeFlash() {
  const message = flash;
  flash = null;
  return message;
}

/** The current path and query, to come back to after signing in. */
export function here() {
  return location.pathname + location.search;
}

window.addEventListener('popstate', () => renderCurrent());
document.addEventListener('click', (event) => {
  const a = event.target.closest('a[href]');
  if (!a || a.target || a.hasAttribute('download') || event.button !== 0
      || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/assets/')) return;
  event.preventDefault();
  navigate(url.pathname + url.search);
});
