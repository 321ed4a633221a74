import { Layouts, Page } from '@strapi/strapi/admin';
import { Navigate, Outlet, Route, Routes } from 'react-router-dom';
import { PluginNav } from '../components/PluginNav';
import { InboxPage } from './InboxPage';
import { PlaybookEditorPage } from './PlaybookEditorPage';
import { PlaybookListPage } from './PlaybookListPage';

/** The playbook pages sit beside the plugin's side navigation; the inbox brings its own (folders, toggle). */
const PluginLayout = () => (
  <Layouts.Root sideNav={<PluginNav />}>
    <Outlet />
  </Layouts.Root>
);

const App = () => (
  <Routes>
    <Route index element={<Navigate to="inbox/unassigned" replace />} />
    <Route path="inbox" element={<Navigate to="unassigned" replace />} />
    {/* One route (optional segment) so opening a conversation never remounts the inbox and its socket. */}
    <Route path="inbox/:folder/:documentId?" element={<InboxPage />} />
    <Route element={<PluginLayout />}>
      <Route path="playbooks" element={<PlaybookListPage />} />
      <Route path="playbooks/:documentId" element={<PlaybookEditorPage />} />
      <Route path="*" element={<Page.Error />} />
    </Route>
  </Routes>
);

export default App;
