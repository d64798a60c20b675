import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real Okta releases in ../shared/okta-spec; absent on a machine without ../shared. */
const SHARED_SPECS = fileURLToPath(new URL('../../../shared/okta-spec/', import.meta.url));
export const REAL_SPEC_2024 = `${SHARED_SPECS}management-minimal-2024.06.1.yaml`;
export const REAL_SPEC_2025 = `${SHARED_SPECS}management-minimal-2025.08.0.yaml`;
export const REAL_SPEC_2026 = `${SHARED_SPECS}management-minimal-2026.06.3.yaml`;
export const hasRealSpecs = [REAL_SPEC_2024, REAL_SPEC_2025, REAL_SPEC_2026].every((file) => existsSync(file));
export const NEEDS_SHARED = hasRealSpecs ? '' : ' [skipped: ../shared/okta-spec is absent]';
