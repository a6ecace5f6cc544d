// Lender "Verify" page: read a package (paste or file), keep the policy in localStorage, call the
// public POST /api/v1/verify and show every check ticked or crossed with its reason.
(function () {
  'use strict';
  var portal = window.credencePortal;
  var form = document.getElementById('verify-form');
  if (!portal || !form) return;
  var KEY = 'credence.lender.policy';
  var status = document.getElementById('verify-status');
  var text = document.getElementById('package-json');
  var fields = {
    minBand: document.getElementById('policy-band'),
    minScore: document.getElementById('policy-score'),
    maxAgeDays: document.getElementById('policy-age'),
    chainId: document.getElementById('policy-chain'),
    issuers: document.getElementById('policy-issuers')
  };

  try {
    var saved = JSON.parse(localStorage.getItem(KEY) || '{}');
    Object.keys(fields).forEach(function (k) { if (saved[k] != null) fields[k].value = saved[k]; });
  } catch (e) { /* a broken saved policy is ignored */ }

  function policy() {
    var p = {};
    var v = function (k) { return fields[k].value.trim(); };
    if (v('minBand')) p.minBand = v('minBand');
    if (v('minScore')) {
      if (!/^[0-9]{3}$/.test(v('minScore'))) throw field(fields.minScore, 'The minimum score must be a number from 300 to 850.');
      p.minScore = Number(v('minScore'));
    }
    if (v('maxAgeDays')) {
      if (!/^[0-9]{1,4}$/.test(v('maxAgeDays'))) throw field(fields.maxAgeDays, 'The maximum age must be a number of days.');
      p.maxAgeDays = Number(v('maxAgeDays'));
    }
    if (v('chainId')) p.chainId = Number(v('chainId'));
    if (v('issuers')) {
      p.issuers = v('issuers').split(/[\s,]+/).filter(Boolean);
      if (!p.issuers.every(function (a) { return /^0x[0-9a-fA-F]{40}$/.test(a); })) throw field(fields.issuers, 'Each issuer must be 0x followed by 40 hex digits.');
    }
    return p;
  }

  function field(input, message) {
    input.setAttribute('aria-invalid', 'true');
    input.focus();
    return new Error(message);
  }

  document.getElementById('package-file').addEventListener('change', function (e) {
    var file = e.target.files && e.target.files[0];
    if (!file) return;
    if (file.size > 16384) { portal.say(status, 'That file is larger than a credential package can be (16 KiB).', true); return; }
    file.text().then(function (t) { text.value = t; portal.say(status, 'Loaded ' + file.name + '.'); });
  });

  var save = document.getElementById('policy-save');
  save.disabled = false;
  save.addEventListener('click', function () {
    try {
      var p = policy();
      p.issuers = p.issuers ? p.issuers.join(', ') : '';
      localStorage.setItem(KEY, JSON.stringify(p));
      portal.say(status, 'Policy saved in this browser.');
    } catch (e) { portal.say(status, e.message, true); }
  });

  var submit = document.getElementById('verify-submit');
  submit.disabled = false;
  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    Object.keys(fields).concat(['text']).forEach(function (k) { (fields[k] || text).removeAttribute('aria-invalid'); });
    document.getElementById('verify-result').hidden = true;
    var credential;
    try {
      credential = JSON.parse(text.value);
      if (typeof credential !== 'object' || credential === null || Array.isArray(credential)) throw new Error('not an object');
    } catch (e) {
      text.setAttribute('aria-invalid', 'true');
      text.focus();
      portal.say(status, 'That is not a credential package: paste the JSON exactly as downloaded.', true);
      return;
    }
    try {
      var body = { package: credential, policy: policy() };
      portal.say(status, 'Verifying…');
      submit.disabled = true;
      var result = await portal.api('POST', '/api/v1/verify', body);
      show(result);
      portal.say(status, '');
    } catch (e) {
      portal.say(status, e.message, true);
    } finally {
      submit.disabled = false;
    }
  });

  function show(result) {
    var verdict = document.getElementById('verdict');
    verdict.textContent = result.valid ? 'Valid: every check passed' : 'Not valid';
    verdict.className = 'verdict ' + (result.valid ? 'verdict-ok' : 'verdict-bad');
    var s = result.attestation && result.attestation.statement;
    document.getElementById('statement').textContent = s
      ? (s.kind === 'band' ? 'Statement: score in ' + s.lo + '–' + s.hi + (s.band ? ' (band ' + s.band + ')' : '') : 'Statement: score at least ' + s.t)
        + ', issued ' + result.attestation.issuedAt + ', expires ' + result.attestation.expiresAt
      : '';
    var list = document.getElementById('checks');
    list.textContent = '';
    result.checks.forEach(function (c) {
      var li = document.createElement('li');
      li.dataset.outcome = c.outcome;
      li.dataset.check = c.check;
      var mark = document.createElement('span');
      mark.className = 'check-mark';
      mark.setAttribute('aria-hidden', 'true');
      mark.textContent = c.outcome === 'PASS' ? '✓' : c.outcome === 'FAIL' ? '✗' : '–';
      var name = document.createElement('strong');
      name.textContent = c.check;
      var outcome = document.createElement('span');
      outcome.className = 'sr-only';
      outcome.textContent = c.outcome;
      var detail = document.createElement('span');
      detail.className = 'muted';
      detail.textContent = c.detail || '';
      li.append(mark, name, outcome, detail);
      list.appendChild(li);
    });
    document.getElementById('verify-result').hidden = false;
  }
})();
