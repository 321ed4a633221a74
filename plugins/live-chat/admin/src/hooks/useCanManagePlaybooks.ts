import * as React from 'react';
import { usePlaybookApi } from '../api/playbooks';

/**
 * A2: whether the signed-in admin may edit playbooks (super admin or "manage playbooks"). The
 * server decides with the same permission, so hidden controls and 403 answers always agree.
 */
export function useCanManagePlaybooks(): { canManage: boolean; isLoading: boolean } {
  const api = usePlaybookApi();
  const [state, setState] = React.useState({ canManage: false, isLoading: true });
  React.useEffect(() => {
    let live = true;
    api
      .me()
      .then((me) => live && setState({ canManage: me.permissions.managePlaybooks, isLoading: false }))
      .catch(() => live && setState({ canManage: false, isLoading: false }));
    return () => {
      live = false;
    };
  }, [api]);
  return state;
}
