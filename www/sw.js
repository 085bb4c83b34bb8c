// Lupe's service worker: after the first visit the app and its built-in models come from the
// browser's cache, so a class with poor Wi-Fi (or none) still works.
//
// Strategy
// - Install: cache the page, every asset it references (Trunk's hashed JS, wasm, CSS, icon) and
//   the files of the built-in models.
// - Page loads (navigations): network first, so a new deployment shows up at once; offline, the
//   cached page answers, also for deep links below the site.
// - Everything else from this site: cache first, filled on the way (hashed names never change;
//   the model files are refreshed in the background).
// - Requests to other sites (the Hugging Face hub) are not touched: the page caches those itself.
//
// scripts/build-site.sh appends the build's commit, so each deployment installs afresh.

const CACHE = 'lupe-app-v1';
// The built-in models (src/session.rs, BuiltIn::slug) and their files (src/ui/app.rs), and the
// retrieval chapter's embedding model with its projection head (src/ui/fetch.rs).
const MODEL_FILES = ['chat', 'base', 'rag', 'embed'].flatMap((m) =>
  ['config.json', 'model.safetensors', 'tokenizer.json', 'training_log.json'].map((f) => `models/${m}/${f}`))
  .concat(['models/embed/projection.safetensors']);
// The training lab's Web Worker (chapter 11), which the page starts by name.
const WORKER_FILES = ['lupe-lab_loader.js', 'lupe-lab.js', 'lupe-lab_bg.wasm'];

// Asset URLs referenced by the page's HTML (href and src attributes), relative to the scope.
function assetsOf(html) {
  const urls = new Set();
  for (const match of html.matchAll(/(?:href|src)="([^"#?]+)"/g)) {
    const url = new URL(match[1], self.registration.scope);
    if (url.origin === self.location.origin) urls.add(url.href);
  }
  return [...urls];
}

async function precache() {
  const cache = await caches.open(CACHE);
  const scope = self.registration.scope;
  const page = await fetch(scope, { cache: 'no-cache' });
  if (!page.ok) throw new Error(`page: HTTP ${page.status}`);
  const html = await page.clone().text();
  await cache.put(scope, page);
  await cache.addAll([...assetsOf(html), ...[...MODEL_FILES, ...WORKER_FILES].map((f) => new URL(f, scope).href)]);
}

// After a new page arrives, hashed assets it no longer references are dropped.
async function prune(html) {
  const keep = new Set([self.registration.scope, ...assetsOf(html)]);
  const cache = await caches.open(CACHE);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    const hashed = /-[0-9a-f]{12,20}(_bg)?\.(js|wasm|css|svg)$/.test(path);
    if (hashed && !keep.has(request.url)) await cache.delete(request);
  }
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((names) =>
    Promise.all(names.filter((n) => n.startsWith('lupe-app-') && n !== CACHE).map((n) => caches.delete(n)))));
});

async function fromNetworkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) {
      const html = await response.clone().text();
      await cache.put(self.registration.scope, response.clone());
      prune(html);
    }
    return response;
  } catch (offline) {
    const cached = await cache.match(self.registration.scope);
    if (cached) return cached;
    throw offline;
  }
}

async function fromCacheFirst(event) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(event.request);
  const isModel = new URL(event.request.url).pathname.includes('/models/');
  if (cached && !isModel) return cached;
  const refresh = fetch(event.request).then((response) => {
    if (response.ok) cache.put(event.request, response.clone());
    return response;
  });
  if (cached) {
    // Keep the model files fresh for the next visit without waiting for them now.
    event.waitUntil(refresh.catch(() => {}));
    return cached;
  }
  return refresh;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(fromNetworkFirst(request));
  } else {
    event.respondWith(fromCacheFirst(event));
  }
});
