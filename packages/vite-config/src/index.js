export { officeRemote, remoteFederation } from './office-remote.js';
