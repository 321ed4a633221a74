import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { InboxPage } from './InboxPage';

const App = () => (
  <Routes>
    <Route index element={<InboxPage />} />
    <Route path="*" element={<Page.Error />} />
  </Routes>
);

export default App;
