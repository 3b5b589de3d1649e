/**
 * Prepares a scanned signature or stamp for storage: checks the bytes, decodes the image, scales it
 * down in a canvas to at most MAX_IMAGE_SIDE pixels, makes its paper transparent
 * (paper-transparency.ts) and stores it as PNG whatever it came as, since JPEG has no transparency.
 * Browser only.
 */
import { bytesToBase64, fitWithin, imageProblem, sniffImageMime, type ImageMime } from './image-check';
import { clearPaper } from './paper-transparency';

export interface PreparedImage {
  mime: ImageMime;
  width: number;
  height: number;
  /** Base64 of the re-encoded bytes. */
  data: string;
  /** Whether paper was found and made transparent. */
  paperCleared?: boolean;
}

/** A problem the user caused (wrong file); the message is Vietnamese. */
export class ImageFileError extends Error {
  readonly userMessage: string;
  constructor(message: string) {
    super(message);
    this.name = 'ImageFileError';
    this.userMessage = message;
  }
}

export async function prepareImage(name: string, bytes: Uint8Array): Promise<PreparedImage> {
  const problem = imageProblem(name, bytes);
  if (problem) throw new ImageFileError(problem);
  const mime = sniffImageMime(bytes)!;
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(new Blob([bytes as BlobPart], { type: mime }));
  } catch {
    throw new ImageFileError(`Không đọc được ảnh trong tệp "${name}" (tệp hỏng hoặc chưa tải đủ). Hãy quét hoặc lưu lại ảnh rồi chọn lại.`);
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new ImageFileError('Không xử lý được ảnh trên máy này (không tạo được vùng vẽ).');
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, size.width, size.height);
    const pixels = ctx.getImageData(0, 0, size.width, size.height);
    const paper = clearPaper(pixels.data);
    ctx.putImageData(pixels, 0, 0);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new ImageFileError(`Không mã hoá lại được ảnh "${name}".`);
    const out = new Uint8Array(await blob.arrayBuffer());
    return { mime: 'image/png', width: size.width, height: size.height, data: bytesToBase64(out), paperCleared: paper.cleared > 0 };
  } finally {
    bitmap.close();
  }
}
