export { officeRemote, remoteFederation } from './office-remote.js';
export { PRECOMPRESS_MIN_BYTES, precompress, precompressFolder } from './precompress.js';
