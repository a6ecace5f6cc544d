// Portal pages' small scripts: live sync progress (polling) and sign-in with a pasted signature.
// Pages work without it where they can (forms post normally); nothing here holds a secret.
(function () {
  'use strict';

  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function say(el, text, isError) {
    if (!el) return;
    el.textContent = text;
    el.classList.toggle('status-error', !!isError);
    el.setAttribute('role', isError ? 'alert' : 'status');
  }

  async function api(method, url, body) {
    var response = await fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: Object.assign({ 'Accept': 'application/json' },
        body !== undefined ? { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() } : {}),
      body: body !== undefined ? JSON.stringify(body) : undefined
    });
    var payload = response.status === 204 ? null : await response.json().catch(function () { return null; });
    if (!response.ok) {
      var error = new Error((payload && (payload.detail || payload.title)) || ('The server answered ' + response.status + '.'));
      error.status = response.status;
      error.problem = payload;
      throw error;
    }
    return payload;
  }
  window.credencePortal = { api: api, say: say, csrfToken: csrfToken };

  // --- Sync progress -------------------------------------------------------------------------
  var panel = document.getElementById('sync-panel');
  if (panel) {
    var labels = { queued: 'queued', running: 'reading blocks…' };
    var render = function (chains) {
      var done = 0;
      var items = panel.querySelectorAll('[data-chain-id]');
      items.forEach(function (li) {
        var id = Number(li.dataset.chainId);
        var s = chains.find(function (c) { return c.chainId === id; });
        var bar = li.querySelector('progress');
        var state = li.querySelector('.chain-state');
        if (!s) return;
        if (s.state === 'done') {
          done++;
          bar.value = 100;
          state.textContent = 'done: ' + s.blocksScanned + ' blocks scanned, ' + s.eventsRead + ' events';
        } else if (s.state === 'running') {
          bar.removeAttribute('value');
          state.textContent = labels.running;
        } else if (s.state === 'failed') {
          bar.value = 0;
          state.textContent = 'failed (attempt ' + s.runs + '), will retry';
        } else {
          bar.value = 0;
          state.textContent = labels.queued;
        }
        var err = li.querySelector('.chain-error');
        if (s.lastError) {
          if (!err) { err = document.createElement('p'); err.className = 'status-error chain-error'; li.appendChild(err); }
          err.textContent = s.lastError;
        } else if (err) {
          err.remove();
        }
      });
      var overall = items.length ? Math.floor(100 * done / items.length) : 0;
      document.getElementById('overall-progress').value = overall;
      document.getElementById('overall-progress').textContent = overall + ' %';
      document.getElementById('overall-text').textContent = done + ' of ' + items.length + ' chains done';
      return chains.some(function (c) { return c.state === 'queued' || c.state === 'running' || c.state === 'failed'; });
    };
    var poll = async function () {
      try {
        var body = await api('GET', panel.dataset.poll);
        if (render(body.chains)) setTimeout(poll, 1000);
      } catch (e) {
        setTimeout(poll, 3000);
      }
    };
    poll();
  }

  // --- Sign in with a signature made elsewhere -----------------------------------------------
  var prepare = document.getElementById('manual-prepare');
  if (prepare) {
    var status = document.getElementById('manual-status');
    var signForm = document.getElementById('manual-sign-in');
    var message = document.getElementById('manual-message');
    var address = document.getElementById('manual-address');
    var chain = document.getElementById('manual-chain');
    var signature = document.getElementById('manual-signature');
    document.getElementById('manual-show').disabled = false;

    var invalid = function (input, text) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      say(status, text, true);
    };

    prepare.addEventListener('submit', async function (event) {
      event.preventDefault();
      [address, chain].forEach(function (i) { i.removeAttribute('aria-invalid'); });
      var a = address.value.trim();
      var c = chain.value.trim();
      if (!/^0x[0-9a-fA-F]{40}$/.test(a)) return invalid(address, 'The address must be 0x followed by 40 hex digits.');
      if (!/^[0-9]{1,19}$/.test(c)) return invalid(chain, 'The chain ID must be a number, e.g. 1.');
      try {
        say(status, 'Preparing the message…');
        var prepared = await api('GET', '/api/v1/auth/nonce?chain=evm&address=' + encodeURIComponent(a) + '&chainId=' + encodeURIComponent(c));
        message.value = prepared.message;
        signForm.hidden = false;
        say(status, 'Sign this message with your wallet, then paste the signature below.');
        signature.focus();
      } catch (e) {
        say(status, e.message, true);
      }
    });

    signForm.addEventListener('submit', async function (event) {
      event.preventDefault();
      signature.removeAttribute('aria-invalid');
      var sig = signature.value.trim();
      if (!/^0x[0-9a-fA-F]{130}$/.test(sig)) return invalid(signature, 'The signature must be 0x followed by 130 hex digits.');
      try {
        say(status, 'Checking the signature…');
        await api('POST', '/api/v1/auth/siwe', { message: message.value, signature: sig });
        say(status, 'Signed in.');
        window.location.assign(signForm.dataset.redirect || '/');
      } catch (e) {
        say(status, e.message, true);
        signature.setAttribute('aria-invalid', 'true');
      }
    });
  }
})();
