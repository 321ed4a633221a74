import hasAnyPermission from '../playbooks/has-any-permission';

export default { 'has-any-permission': hasAnyPermission };
