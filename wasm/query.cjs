'use strict';
// `require('xpreflight/query')`: validateQuery on xpreflight-query.wasm; see index.cjs.
const { commonEntry } = require('./common.cjs');

module.exports = commonEntry(() => import('./query.mjs'), ['validateQuery', 'fixQuery', 'validatePost']);
