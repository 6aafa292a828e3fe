// Records what Segment's own engine sends for request cases, down to the wire: header fields in the
// order node writes them, the request target and the body. Produces wire.jsonl for tst_requestwire.
//
//   node record-wire.js < cases.jsonl > wire.jsonl
//
// Needs @segment/actions-core 3.170.0 with cross-fetch 3.1.4 / node-fetch 2.6.1 (the versions the
// conformance vectors use); set SEGMENT_ACTIONS_CORE to its directory (default /tmp/ref/node_modules/
// @segment/actions-core). Each case is {id, note, settings, mapping, event[, subscribe]}; settings URLs
// point at 127.0.0.1:47231 or [::1]:47231, where this script listens. Cases whose outcome depends on
// the network (a refused connection) are dropped.
'use strict';
const net = require('net');
const readline = require('readline');
const core = require(process.env.SEGMENT_ACTIONS_CORE || '/tmp/ref/node_modules/@segment/actions-core');

const PRESET = 'type = "identify" or type = "track" or type = "page" or type = "screen" or type = "group"';

// The compiled Movable Ink (Actions) destination: sendEntireEvent with headers and data.
const sendEntireEvent = {
  title: 'Send Entire Event',
  description: 'Send an entire Segment event to Movable Ink',
  fields: {
    headers: { label: 'Headers', description: 'HTTP headers to send with each request. Only ASCII characters are supported.', type: 'object', defaultObjectUI: 'keyvalue:only' },
    data: { label: 'Data', description: 'Payload to deliver to webhook URL (JSON-encoded).', type: 'object', default: { '@path': '$.' } }
  },
  perform: (request, { settings, payload }) => {
    const url = settings.movable_ink_url;
    if (!url) throw new core.IntegrationError('"Movable Ink URL" setting or "Movable Ink URL" field must be populated', 'MISSING_DESTINATION_URL', 400);
    try {
      return request(url, { method: 'POST', headers: payload.headers, json: payload.data });
    } catch (error) {
      if (error instanceof TypeError) throw new core.PayloadValidationError(error.message);
      throw error;
    }
  }
};
const destination = new core.Destination({
  name: 'Movable Ink',
  slug: 'actions-movable-ink',
  mode: 'cloud',
  authentication: {
    scheme: 'basic',
    fields: {
      username: { label: 'Username', description: 'Your Movable Ink username', type: 'string', required: true },
      password: { label: 'Access Secret', description: 'Your Movable Ink Access Secret.', type: 'password', required: true },
      movable_ink_url: { label: 'Movable Ink URL', description: 'The Movable Ink URL to send data to.', type: 'string', required: true }
    }
  },
  extendRequest({ settings }) {
    return { username: settings.username, password: settings.password };
  },
  actions: { sendEntireEvent }
});

// A raw TCP server: the request exactly as it arrives, header fields in order.
let received = null;
function listen(host) {
  return new Promise((resolve, reject) => {
    const server = net.createServer((socket) => {
      let buffer = Buffer.alloc(0);
      socket.on('data', (chunk) => {
        buffer = Buffer.concat([buffer, chunk]);
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const lines = buffer.slice(0, end).toString('latin1').split('\r\n');
        const headers = lines.slice(1).map((l) => [l.slice(0, l.indexOf(': ')), l.slice(l.indexOf(': ') + 2)]);
        const length = Number((headers.find(([n]) => n.toLowerCase() === 'content-length') || [0, 0])[1]);
        if (buffer.length < end + 4 + length) return;
        const [method, target] = lines[0].split(' ');
        received = { method, target, headers, body: buffer.slice(end + 4, end + 4 + length).toString('utf8') };
        socket.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok');
      });
    });
    server.on('error', reject);
    server.listen(47231, host, () => resolve(server));
  });
}

(async () => {
  const servers = [await listen('127.0.0.1'), await listen('::1')];
  const cases = [];
  for await (const line of readline.createInterface({ input: process.stdin })) if (line.trim()) cases.push(JSON.parse(line));
  for (const c of cases) {
    received = null;
    const record = { ...c };
    try {
      const subscribe = c.subscribe === undefined ? PRESET : c.subscribe;
      await destination.onEvent(c.event, { ...c.settings, subscription: { subscribe, partnerAction: 'sendEntireEvent', mapping: c.mapping } });
      record.wire = received;
    } catch (e) {
      if (/failed, reason:/.test(String(e && e.message))) continue;
      record.error = String(e && e.message);
    }
    console.log(JSON.stringify(record));
  }
  servers.forEach((s) => s.close());
})();
