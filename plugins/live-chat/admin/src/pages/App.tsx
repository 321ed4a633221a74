import { Layouts, Page } from '@strapi/strapi/admin';
import { Outlet, Route, Routes } from 'react-router-dom';
import { PluginNav } from '../components/PluginNav';
import { InboxPage } from './InboxPage';
import { PlaybookEditorPage } from './PlaybookEditorPage';
import { PlaybookListPage } from './PlaybookListPage';

/** Every page of the plugin sits beside its side navigation (inbox, playbooks). */
const PluginLayout = () => (
  <Layouts.Root sideNav={<PluginNav />}>
    <Outlet />
  </Layouts.Root>
);

const App = () => (
  <Routes>
    <Route element={<PluginLayout />}>
      <Route index element={<InboxPage />} />
      <Route path="playbooks" element={<PlaybookListPage />} />
      <Route path="playbooks/:documentId" element={<PlaybookEditorPage />} />
      <Route path="*" element={<Page.Error />} />
    </Route>
  </Routes>
);

export default App;
