import { factories } from '@strapi/strapi';
import { CONTENT_API_TYPE_NAMES, contentApiUid } from '../content-api';
import playbooks from './playbooks';

const coreServices = Object.fromEntries(
  CONTENT_API_TYPE_NAMES.map((name) => [name, factories.createCoreService(contentApiUid(name))]),
);

export default {
  ...coreServices,
  playbooks,
};
