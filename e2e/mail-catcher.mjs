// A test mailbox for the browser suite: a minimal SMTP server (no TLS, no login: loopback only) that keeps every
// message, and an HTTP endpoint that lists them. The API under test sends its email here (HMS_SMTP_URL), so a test
// reads a confirmation link the way a person does, from the email, with no shortcut in the product.
// Usage: node mail-catcher.mjs <smtpPort> <httpPort>
import { createServer as createHttpServer } from 'node:http';
import { createServer as createTcpServer } from 'node:net';

const [smtpPort, httpPort] = process.argv.slice(2).map(Number);
const messages = [];

/** Quoted-printable soft breaks and escapes (nodemailer's default for long lines). */
const decodeQp = (s) =>
  s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));

createTcpServer((socket) => {
  let buffer = '';
  let inData = false;
  let rcpt = [];
  const reply = (line) => socket.write(`${line}\r\n`);
  reply('220 hms-e2e-mailbox ESMTP');
  socket.on('data', (chunk) => {
    buffer += chunk.toString('utf8');
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end === -1) return;
        const raw = buffer.slice(0, end);
        buffer = buffer.slice(end + 5);
        inData = false;
        const [head, ...bodyParts] = raw.split('\r\n\r\n');
        const subject = /^Subject: (.*)$/im.exec(head)?.[1] ?? '';
        messages.push({ to: rcpt, subject, body: decodeQp(bodyParts.join('\r\n\r\n')) });
        rcpt = [];
        reply('250 OK queued');
        continue;
      }
      const nl = buffer.indexOf('\r\n');
      if (nl === -1) return;
      const line = buffer.slice(0, nl);
      buffer = buffer.slice(nl + 2);
      const verb = line.slice(0, 4).toUpperCase();
      if (verb === 'EHLO' || verb === 'HELO') reply('250 hms-e2e-mailbox');
      else if (verb === 'MAIL') reply('250 OK');
      else if (verb === 'RCPT') {
        rcpt.push((/<([^>]*)>/.exec(line)?.[1] ?? '').toLowerCase());
        reply('250 OK');
      } else if (verb === 'DATA') {
        inData = true;
        reply('354 End data with <CR><LF>.<CR><LF>');
      } else if (verb === 'QUIT') {
        reply('221 Bye');
        socket.end();
      } else if (verb === 'RSET' || verb === 'NOOP') reply('250 OK');
      else reply('502 Command not implemented');
    }
  });
  socket.on('error', () => undefined);
}).listen(smtpPort, '127.0.0.1');

createHttpServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const to = url.searchParams.get('to')?.toLowerCase();
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
}).listen(httpPort, '127.0.0.1');
