// The providers folder's public surface: factories, detection, doctor, and the error class
// info() throws. Everything else in here is an implementation detail.
export { createCloudProvider, createProvider, CLOUD_BASE_URLS, type CloudProviderOptions, type ProviderOptions } from './create-provider';
export { detectServer, identifyServer, DEFAULT_PORTS, type DetectedServer, type DetectOptions } from './detect';
export { diagnose, type DoctorReport } from './doctor';
export { ProviderFailure, classifyError } from './errors';
export { splitBaseUrl } from './base-url';
export { SERVER_KINDS } from './server-kinds';
export { wrapProvider, lazyProvider } from './wrap-provider';
export { samplingWire } from './profiles/profile-wire';
export { MODEL_PROFILES, GENERIC_PROFILE } from './profiles/profile-table';
export type * from './profiles/profile-types';
export type * from './types';
