// Example inputs behind the "try" buttons. Response bodies are the shapes X
// was observed to send, as recorded in ../shared/ref/x-api-facts.md (§ observed
// bodies): the 429 from geduldig/TwitterAPI #180, the usage cap from
// xdevplatform/xdk #25, the partial error from HunterLarco/twitter-v2 #33.

const QUERIES = {
  and: 'cat AND dog',
  standalone: 'has:media',
  good: '(cat OR dog) has:images -is:retweet lang:en',
};

const REQUESTS = {
  search: { method: 'GET', url: '/2/tweets/search/recent?query=has%3Amedia&max_results=5&tweet.fields=created_at,bogus', body: '' },
  post: { method: 'POST', url: '/2/tweets', body: '{"text": "hello", "reply_settings": "everyone_please"}' },
};

function responses(now) {
  const date = new Date(now).toUTCString();
  const reset = Math.floor(now / 1000) + 600;
  return {
    429: {
      status: '429',
      headers: `date: ${date}\nx-rate-limit-limit: 450\nx-rate-limit-remaining: 0\nx-rate-limit-reset: ${reset}`,
      response: '{"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}',
    },
    capped: {
      status: '429',
      headers: `date: ${date}\nx-rate-limit-limit: 300\nx-rate-limit-remaining: 298\nx-rate-limit-reset: ${reset}`,
      response: '{"account_id":"1234567890","product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly","scope":"Product","detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}',
    },
    partial: {
      status: '200',
      headers: `date: ${date}\ncontent-type: application/json; charset=utf-8\nx-rate-limit-limit: 300\nx-rate-limit-remaining: 297\nx-rate-limit-reset: ${reset}`,
      response: '{"data":[{"id":"1341761599976181763","text":"hello"}],"errors":[{"value":"1341761249646956500","detail":"Could not find tweet with ids: [1341761249646956500].","title":"Not Found Error","resource_type":"tweet","parameter":"ids","resource_id":"1341761249646956500","type":"https://api.twitter.com/2/problems/resource-not-found"}]}',
    },
    503: {
      status: '503',
      headers: `date: ${date}`,
      response: '{"title":"Service Unavailable","type":"about:blank","status":503,"detail":"Service Unavailable"}',
    },
  };
}

/** examples wires every [data-example] button to fill its panel's inputs. */
export function examples(root, onChange) {
  const set = (id, value, event = 'input') => {
    const node = root.getElementById(id);
    if (node.type === 'checkbox') node.checked = Boolean(value);
    else node.value = value;
    node.dispatchEvent(new Event(event, { bubbles: true }));
  };
  root.addEventListener('click', (event) => {
    const button = event.target.closest?.('[data-example]');
    if (!button) return;
    const [panel, name] = button.dataset.example.split(':');
    if (panel === 'query') {
      set('query', QUERIES[name]);
      root.getElementById('query').focus();
    } else if (panel === 'request') {
      const r = REQUESTS[name];
      set('req-method', r.method, 'change');
      set('req-body', r.body);
      set('req-url', r.url);
    } else if (panel === 'response') {
      const r = responses(Date.now())[name];
      set('res-headers', r.headers);
      set('res-body', r.response);
      set('res-status', r.status);
    }
    onChange();
  });
}
