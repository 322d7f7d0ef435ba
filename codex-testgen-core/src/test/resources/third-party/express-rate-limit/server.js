// A small Express app whose only job is to put express-rate-limit (npm, third-party) in front of a few routes,
// each announcing its counters in one of the styles that library offers, and one left in monitoring mode (it
// counts and announces, but lets every request through). It listens on 127.0.0.1, on a free port it prints.
// Installed by scripts/third-party.sh; started by ExpressRateLimitTest.
const express = require('express');
const { rateLimit } = require('express-rate-limit');

const app = express();
const ok = (request, response) => response.json({ ok: true });
const limiter = (options) => rateLimit({
  windowMs: 3000,
  limit: 10,
  message: { error: 'too many requests' },
  ...options,
});

app.get('/draft6', limiter({ standardHeaders: 'draft-6', legacyHeaders: false }), ok);
app.get('/draft7', limiter({ standardHeaders: 'draft-7', legacyHeaders: false }), ok);
app.get('/draft8', limiter({ standardHeaders: 'draft-8', legacyHeaders: false }), ok);
app.get('/legacy', limiter({ standardHeaders: false, legacyHeaders: true }), ok);
app.get('/monitorOnly', limiter({
  standardHeaders: 'draft-6',
  legacyHeaders: false,
  handler: (request, response, next) => next(),
}), ok);

const server = app.listen(0, '127.0.0.1', () => console.log('listening on ' + server.address().port));
