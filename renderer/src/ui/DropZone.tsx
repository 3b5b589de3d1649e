/** A place to drop a *.blocdesk file. */
import { useState } from 'react';

export function DropZone({ onFile, disabled }: { onFile: (file: File) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'dropzone dropzone-over' : 'dropzone'}
      data-testid="package-dropzone"
      onDragOver={(e) => {
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      Hoặc kéo thả tệp <strong>*.blocdesk</strong> vào đây
    </div>
  );
}
