import http from 'node:http';

/**
 * A test web server on 127.0.0.1 and a random port. `routes` maps a path to a page: a string of
 * HTML, or a function returning one (read at request time, so a test can change a page between
 * loads), or `{ body, headers }` for a page that needs headers of its own (a Content-Security-Policy).
 * Anything else is 404. Pages are served with no cache, so every load is fresh.
 */
export async function startServer(routes = {}) {
  const table = new Map(Object.entries(routes));
  const server = http.createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const page = table.get(path);
    if (page === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const served = typeof page === 'function' ? page() : page;
    const { body, headers } = typeof served === 'string' ? { body: served, headers: {} } : served;
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...headers }).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    route: (path, page) => table.set(path, page),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
