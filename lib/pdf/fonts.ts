import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * DejaVu Sans, shipped as an npm dependency: it covers Latin Extended and Vietnamese, so names
 * like Łukasz Żółć or Nguyễn Thị Minh Khai print as written (pdf-lib's standard fonts are
 * WinAnsi only). Read once per process; embedding subsets it per document.
 */
const fontDir = () => path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');

let regular: Uint8Array | undefined;
let bold: Uint8Array | undefined;

export function dejaVuSans(): Uint8Array {
  regular ??= new Uint8Array(readFileSync(path.join(fontDir(), 'DejaVuSans.ttf')));
  return regular;
}

export function dejaVuSansBold(): Uint8Array {
  bold ??= new Uint8Array(readFileSync(path.join(fontDir(), 'DejaVuSans-Bold.ttf')));
  return bold;
}
