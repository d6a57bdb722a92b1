'use strict';
// The package's entry for Node's require(): the ES module (index.mjs) does the work. It is loaded by init()
// (require() of an ES module needs Node ≥ 20.19, and init() is asynchronous anyway), so the ops can be called
// once `await init()` resolved, exactly as with import. Both share one module instance and one Go runtime.
const { commonEntry } = require('./common.cjs');

module.exports = commonEntry(() => import('./index.mjs'), ['validateQuery', 'validateRequest', 'parseResponse', 'adviseRetry', 'fixQuery', 'fixRequest', 'validatePost', 'createClient']);
