// Wallet signing for the portal: EIP-1193 (eth_requestAccounts + personal_sign) and Solana wallets
// (connect + signMessage). The server prepares the exact message text; the wallet shows it to the
// user before signing. Nothing here holds a secret.
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
  }

  async function api(method, url, body) {
    var response = await fetch(url, {
      method: method,
      credentials: 'same-origin',
      headers: Object.assign({ 'Accept': 'application/json' },
        body ? { 'Content-Type': 'application/json', 'X-XSRF-TOKEN': csrfToken() } : {}),
      body: body ? JSON.stringify(body) : undefined
    });
    var payload = response.status === 204 ? null : await response.json().catch(function () { return null; });
    if (!response.ok) {
      throw new Error((payload && (payload.detail || payload.title)) || ('HTTP ' + response.status));
    }
    return payload;
  }

  function toHex(text) {
    var bytes = new TextEncoder().encode(text);
    return '0x' + Array.prototype.map.call(bytes, function (b) { return b.toString(16).padStart(2, '0'); }).join('');
  }

  var ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
  function base58(bytes) {
    var digits = [0];
    for (var i = 0; i < bytes.length; i++) {
      var carry = bytes[i];
      for (var j = 0; j < digits.length; j++) {
        carry += digits[j] << 8;
        digits[j] = carry % 58;
        carry = (carry / 58) | 0;
      }
      while (carry > 0) { digits.push(carry % 58); carry = (carry / 58) | 0; }
    }
    var out = '';
    for (var k = 0; k < bytes.length && bytes[k] === 0; k++) out += '1';
    for (var q = digits.length - 1; q >= 0; q--) out += ALPHABET[digits[q]];
    return out;
  }

  async function signEvm(status) {
    if (!window.ethereum) throw new Error('No browser wallet found. Install one that supports EIP-1193.');
    say(status, 'Waiting for your wallet…');
    var accounts = await window.ethereum.request({ method: 'eth_requestAccounts' });
    var chainId = parseInt(await window.ethereum.request({ method: 'eth_chainId' }), 16);
    var prepared = await api('GET', '/api/v1/auth/nonce?chain=evm&address=' + encodeURIComponent(accounts[0]) + '&chainId=' + chainId);
    say(status, 'Please sign the message in your wallet…');
    var signature = await window.ethereum.request({ method: 'personal_sign', params: [toHex(prepared.message), accounts[0]] });
    return { message: prepared.message, signature: signature };
  }

  async function signSolana(status) {
    var provider = (window.phantom && window.phantom.solana) || window.solana;
    if (!provider || !provider.signMessage) throw new Error('No Solana wallet with message signing found.');
    say(status, 'Waiting for your Solana wallet…');
    var connected = await provider.connect();
    var address = (connected && connected.publicKey ? connected.publicKey : provider.publicKey).toString();
    var prepared = await api('GET', '/api/v1/auth/nonce?chain=solana&address=' + encodeURIComponent(address) + '&chainId=mainnet');
    say(status, 'Please sign the message in your wallet…');
    var signed = await provider.signMessage(new TextEncoder().encode(prepared.message), 'utf8');
    return { chain: 'solana', message: prepared.message, signature: base58(signed.signature || signed) };
  }

  function wire(buttonId, statusId, sign, endpoint) {
    var button = document.getElementById(buttonId);
    if (!button) return;
    var status = document.getElementById(statusId);
    button.disabled = false;
    button.addEventListener('click', async function () {
      button.disabled = true;
      try {
        var body = await sign(status);
        say(status, 'Checking the signature…');
        await api('POST', endpoint, body);
        say(status, 'Done.');
        window.location.assign(button.dataset.redirect || '/');
      } catch (e) {
        say(status, e && e.message ? e.message : String(e), true);
        button.disabled = false;
      }
    });
  }

  wire('sign-in-evm', 'sign-in-status', signEvm, '/api/v1/auth/siwe');
  wire('link-evm', 'link-status', signEvm, '/api/v1/wallets');
  wire('link-solana', 'link-status', signSolana, '/api/v1/wallets');
})();
