import 'server-only';
import QRCode from 'qrcode';
import { concatTransformationMatrix, fill, popGraphicsState, pushGraphicsState, rectangle, setFillingRgbColor, type PDFOperator } from 'pdf-lib';

/** Modules of empty margin a scanner needs around the symbol. */
const QUIET_ZONE = 4;

/**
 * The QR code as PDF path operators: one rectangle per horizontal run of dark modules, filled
 * once. Vector modules stay sharp at any zoom or printer and, unlike a PNG, add no encoder
 * output whose bytes could differ between runs. The rectangles are in whole modules, scaled
 * once by the matrix, so neighbouring runs meet exactly and the content stream stays short.
 */
export function qrCodeOperators(text: string, box: { x: number; y: number; size: number }): PDFOperator[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const count = modules.size;
  const unit = box.size / (count + 2 * QUIET_ZONE);
  const operators: PDFOperator[] = [
    pushGraphicsState(),
    // Module (0, 0) is the top left; PDF's y axis points up.
    concatTransformationMatrix(unit, 0, 0, -unit, box.x + QUIET_ZONE * unit, box.y + box.size - QUIET_ZONE * unit),
    setFillingRgbColor(0, 0, 0),
  ];
  for (let row = 0; row < count; row++) {
    let col = 0;
    while (col < count) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < count && modules.get(row, col)) col++;
      operators.push(rectangle(start, row, col - start, 1));
    }
  }
  operators.push(fill(), popGraphicsState());
  return operators;
}
