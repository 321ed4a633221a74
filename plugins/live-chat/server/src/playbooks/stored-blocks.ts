/**
 * Strapi's `blocks` attribute validates an image node as a Media Library asset (name, hash, ext,
 * mime, size, provider, width, height, timestamps required), while A4 allows any https image by URL.
 * Before an image is stored it gets the metadata the validator asks for, derived from its URL; on
 * the way out the rich-text sanitizer drops it again, so readers only ever see the A4 form.
 */
import type { RichBlock, RichImage, RichText } from '../../../shared/domain/rich-text';

const MIME_BY_EXT: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.avif': 'image/avif',
};

function assetName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').pop() ?? '';
    return decodeURIComponent(last) || 'image';
  } catch {
    return 'image';
  }
}

function storedImage(block: RichImage, savedAt: string) {
  const name = assetName(block.image.url);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot).toLowerCase() : '';
  return {
    ...block,
    image: {
      ...block.image,
      name,
      hash: name,
      // Strapi requires a non-empty extension and mime type; an image without one is still an image.
      ext: ext || '.img',
      mime: MIME_BY_EXT[ext] ?? 'image/*',
      size: 0,
      width: block.image.width ?? 0,
      height: block.image.height ?? 0,
      provider: 'external',
      createdAt: savedAt,
      updatedAt: savedAt,
    },
  };
}

/** Sanitized rich text in the form Strapi's `blocks` attribute accepts. */
export function toStoredBlocks(richText: RichText, savedAt: Date): Array<RichBlock | ReturnType<typeof storedImage>> {
  const at = savedAt.toISOString();
  return richText.map((block) => (block.type === 'image' ? storedImage(block, at) : block));
}
