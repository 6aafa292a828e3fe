// An HTTPS server that speaks HTTP/2 only (ALPN "h2"), for the sender's test: it prints its port, then answers
// each request with 200 and a JSON echo of the protocol version, method, path and body it received.
// usage: node h2server.js CERT.pem KEY.pem
'use strict';
const fs = require('fs');
const http2 = require('http2');

const server = http2.createSecureServer({
  cert: fs.readFileSync(process.argv[2]),
  key: fs.readFileSync(process.argv[3]),
  allowHTTP1: false,
});
server.on('stream', (stream, headers) => {
  const chunks = [];
  stream.on('data', (chunk) => chunks.push(chunk));
  stream.on('end', () => {
    const echo = JSON.stringify({
      httpVersion: '2',
      method: headers[':method'],
      path: headers[':path'],
      authorization: headers['authorization'] || null,
      body: Buffer.concat(chunks).toString('utf8'),
    });
    stream.respond({ ':status': 200, 'content-type': 'application/json' });
    stream.end(echo);
  });
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${server.address().port}\n`);
});
