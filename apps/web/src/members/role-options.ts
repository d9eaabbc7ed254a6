import { ROLES } from '@throughline/domain';
import { roleLabel } from '../auth/role-label.ts';

/** Every role, as select options, most powerful first. */
export const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: roleLabel(role) }));
