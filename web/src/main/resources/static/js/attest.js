// "Attest" pages: request an attestation, have the browser wallet sign each chain's EIP-712 mint
// consent (eth_signTypedData_v4) with the presentation address, and follow the mint per chain.
(function () {
  'use strict';
  var portal = window.credencePortal;
  if (!portal) return;
  var api = portal.api;
  var say = portal.say;

  function mark(id, state) {
    var el = document.querySelector('#' + id + ' .step-state');
    if (!el) return;
    el.textContent = state === 'done' ? '✓' : state === 'failed' ? '✗' : '…';
    el.parentElement.dataset.state = state;
  }

  var form = document.getElementById('attest-form');
  if (form) {
    var status = document.getElementById('attest-status');
    var submit = document.getElementById('attest-submit');
    var recipient = document.getElementById('recipient');
    var min = document.getElementById('threshold-min');
    var days = document.getElementById('valid-days');
    submit.disabled = false;

    var invalid = function (input, text) {
      input.setAttribute('aria-invalid', 'true');
      input.focus();
      say(status, text, true);
    };

    form.addEventListener('submit', async function (event) {
      event.preventDefault();
      [recipient, min, days].forEach(function (i) { i.removeAttribute('aria-invalid'); });
      var type = form.querySelector('input[name=statement]:checked').value;
      var statement = { type: type };
      if (type === 'threshold') {
        if (!/^[0-9]{3}$/.test(min.value.trim())) return invalid(min, 'Enter a minimum score between 300 and 850.');
        statement.min = Number(min.value.trim());
      }
      var to = recipient.value.trim();
      if (!/^0x[0-9a-fA-F]{40}$/.test(to)) return invalid(recipient, 'The presentation address must be 0x followed by 40 hex digits.');
      var chainIds = Array.prototype.map.call(form.querySelectorAll('input[name=chain]:checked'), function (c) { return Number(c.value); });
      if (chainIds.length === 0) return say(status, 'Choose at least one chain.', true);
      if (!/^[0-9]{1,2}$/.test(days.value.trim())) return invalid(days, 'Validity must be a number of days between 1 and 30.');
      if (!window.ethereum) return say(status, 'No browser wallet found: the presentation address must sign the mint consent.', true);

      submit.disabled = true;
      document.getElementById('attest-steps').hidden = false;
      try {
        say(status, 'Scoring, proving and signing…');
        var issued = await api('POST', '/api/v1/attestations', {
          statement: statement, recipient: to, chainIds: chainIds, validForDays: Number(days.value.trim())
        });
        mark('step-issue', 'done');
        var accounts = await window.ethereum.request({ method: 'eth_requestAccounts' });
        if (!accounts.length || accounts[0].toLowerCase() !== to.toLowerCase()) {
          throw new Error('Switch your wallet to the presentation address ' + to + ' and try again.');
        }
        for (var i = 0; i < issued.consents.length; i++) {
          var consent = issued.consents[i];
          say(status, 'Please sign the mint consent for chain ' + consent.chainId + ' in your wallet…');
          var signature = await window.ethereum.request({
            method: 'eth_signTypedData_v4', params: [to, JSON.stringify(consent.typedData)]
          });
          await api('POST', '/api/v1/attestations/' + issued.uid + '/consents', { chainId: consent.chainId, signature: signature });
        }
        mark('step-consent', 'done');
        say(status, 'Consent recorded. Following the mint…');
        window.location.assign('/attestations/' + issued.uid);
      } catch (e) {
        say(status, e && e.message ? e.message : String(e), true);
        submit.disabled = false;
      }
    });
  }

  // Live per-chain status on an attestation's page.
  var panel = document.getElementById('chain-status');
  if (panel) {
    var poll = async function () {
      try {
        var a = await api('GET', panel.dataset.poll);
        var busy = false;
        a.chains.forEach(function (s) {
          var row = panel.querySelector('[data-chain-id="' + s.chainId + '"]');
          if (!row) return;
          var badge = row.querySelector('.chain-status');
          badge.textContent = s.status;
          badge.className = 'badge chain-status badge-' + s.status.replace(/-/g, '_');
          row.querySelector('.chain-failure').textContent = s.failure || '';
          var tx = row.querySelector('.chain-tx');
          if (s.txHash) {
            tx.textContent = '';
            var code = document.createElement('code');
            code.className = 'tx';
            code.title = s.txHash;
            code.textContent = s.txHash.slice(0, 12) + '…';
            tx.appendChild(code);
            if (s.block != null) tx.appendChild(document.createTextNode(' block ' + s.block));
          }
          if (s.status === 'pending' || s.status === 'submitted') busy = true;
          if (s.status === 'revoked' && s.requested && !s.revocationTxHash) busy = true;
        });
        if (busy) setTimeout(poll, 1000);
      } catch (e) {
        setTimeout(poll, 3000);
      }
    };
    poll();
  }
})();
