import type { Core } from '@strapi/strapi';
import { createAttachmentRepository } from '../repositories/attachments';
import { createPluginSettings } from '../repositories/plugin-settings';

const SETTINGS_KEY = 'media-folder';
const FOLDER_NAME = 'Live Chat';

interface UploadFolderService {
  create(data: { name: string; parent?: number | null }): Promise<{ id: number }>;
}

/**
 * G4: chat files go to their own root folder of the Media Library ("Live Chat"), so editors see
 * them apart from the site's media. Its id is kept in the plugin's settings; if an admin deleted or
 * renamed the folder away, the next upload makes a new one (named "Live Chat (2)" when the name is
 * taken by a folder that is not ours). Two processes' very first uploads may each make one; both
 * stay usable and the later id wins.
 */
export const createMediaFolder = (strapi: Core.Strapi) => {
  const settings = createPluginSettings(strapi);
  const files = createAttachmentRepository(strapi);
  let known: number | null = null;

  async function freeName(): Promise<string> {
    let name = FOLDER_NAME;
    for (let n = 2; await files.rootFolderNamed(name); n += 1) name = `${FOLDER_NAME} (${n})`;
    return name;
  }

  return {
    /** The id of the folder chat files are uploaded into, made on first use. */
    async folderId(): Promise<number> {
      if (known !== null && (await files.folderExists(known))) return known;
      const stored = await settings.read<{ id: number | null }>(SETTINGS_KEY, { id: null });
      if (typeof stored.id === 'number' && (await files.folderExists(stored.id))) return (known = stored.id);
      const folders = strapi.plugin('upload').service('folder') as UploadFolderService;
      const folder = await folders.create({ name: await freeName(), parent: null });
      await settings.write(SETTINGS_KEY, { id: folder.id });
      return (known = folder.id);
    },
  };
};
