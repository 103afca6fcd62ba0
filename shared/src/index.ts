export * from './protocol/version.js';
export * from './protocol/errors.js';
export * from './protocol/limits.js';
export * from './protocol/model.js';
export * from './protocol/http.js';
export * from './protocol/events.js';
export * from './countdown.js';
