// Draws the two Teams app icons into manifest/: `npx tsx scripts/make-icons.ts`.
// The icons are committed; run this again only to change the design.
// The mark: two overlapping circles, two parties finding common ground (samråd).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from './zip';

type Rgba = readonly [number, number, number, number];
/** Returns the colour at a point, or undefined where the layer is clear. */
type Paint = (x: number, y: number) => Rgba | undefined;

/** Encodes 8-bit RGBA pixels as a PNG: one IHDR, one IDAT, IEND. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const rows = Buffer.alloc(height * (1 + width * 4));
  for (let y = 0; y < height; y++) {
    // Each row starts with its filter type; 0 (none) keeps the encoder trivial.
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(rows, y * (1 + width * 4) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type RGBA, deflate, no filter variants, no interlace
  const chunk = (type: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'ascii');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
    return Buffer.concat([head, data, crc]);
  };
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Renders with 4x4 supersampling so curved edges come out smooth rather than jagged. */
function render(size: number, paint: Paint): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0,
        g = 0,
        b = 0,
        a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = paint(x + (sx + 0.5) / n, y + (sy + 0.5) / n);
          if (!c) continue;
          // Premultiplied sums, so clear samples do not darken the edge.
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (y * size + x) * 4;
      if (a > 0) out.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round(a / (n * n))], i);
    }
  }
  return out;
}

const inCircle = (x: number, y: number, cx: number, cy: number, r: number) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

export const ACCENT: Rgba = [0x1e, 0x6e, 0x8c, 255]; // calm blue-teal, also the manifest's accentColor

/** 192x192, full colour: a filled background (Teams rounds the corners) and the mark in its safe area. */
export function colourIcon(): Buffer {
  const left: Rgba = [0xa8, 0xdc, 0xf0, 255];
  const right: Rgba = [0x8e, 0xe0, 0xcf, 255];
  const common: Rgba = [0xff, 0xff, 0xff, 255];
  const pixels = render(192, (x, y) => {
    const a = inCircle(x, y, 74, 96, 38);
    const b = inCircle(x, y, 118, 96, 38);
    return a && b ? common : a ? left : b ? right : ACCENT;
  });
  return encodePng(192, 192, pixels);
}

/** 32x32, white on transparent as Teams requires: the same mark as two rings. */
export function outlineIcon(): Buffer {
  const white: Rgba = [255, 255, 255, 255];
  const ring = (x: number, y: number, cx: number) => inCircle(x, y, cx, 16, 9) && !inCircle(x, y, cx, 16, 7);
  return encodePng(
    32,
    32,
    render(32, (x, y) => (ring(x, y, 12) || ring(x, y, 20) ? white : undefined)),
  );
}

if (require.main === module) {
  const dir = join(__dirname, '..', 'manifest');
  writeFileSync(join(dir, 'color.png'), colourIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
  console.log(`Wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}`);
}
