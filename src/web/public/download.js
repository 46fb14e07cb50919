// Saves text as a file the browser downloads (the Markdown exports of the positive-action check and the covenant outline).

const pad = (n) => String(n).padStart(2, '0');

/** Today as 2026-03-14, for file names. */
export function dateStamp(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "Metaal & technologie" → "metaal-technologie": safe in a file name on every system. */
export function slug(text) {
  return (
    String(text)
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'sector'
  );
}

export function downloadText(filename, text, type = 'text/markdown;charset=utf-8') {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.className = 'visually-hidden';
  link.textContent = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the object URL can go.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
