import hasAnyPermission from '../playbooks/has-any-permission';
import { guardContentManager } from '../content-manager-guard';

export default { 'has-any-permission': hasAnyPermission, 'content-manager-guard': guardContentManager };
